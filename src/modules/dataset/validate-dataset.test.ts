import { describe, expect, it } from 'vitest';
import { type LooseDocument, loadP1, sampleDataset } from '../../../test/fixtures/dataset.ts';
import { toPointer, validateDataset } from './validate-dataset.ts';

const pointersOf = (doc: unknown) => validateDataset(doc).issues.map((i) => i.pointer);
const reasonAt = (doc: unknown, pointer: string) =>
  validateDataset(doc).issues.find((i) => i.pointer === pointer)?.reason;

/** A fresh sample with one change applied. */
const broken = (change: (doc: LooseDocument) => void) => {
  const doc = sampleDataset();
  change(doc);
  return doc;
};

describe('validateDataset: valid documents', () => {
  it('accepts the sample and p1', () => {
    expect(validateDataset(sampleDataset()).issues).toEqual([]);
    expect(validateDataset(loadP1())).toMatchObject({ ok: true, issues: [] });
  });

  it('fills defaults: standing normal, empty arrays', () => {
    const result = validateDataset({ format: 'zhibu-dataset/1', university: { code: 'u', name: '学校' } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dataset.orgs).toEqual([]);
      expect(result.dataset.university.calendar).toEqual([]);
    }
    const withMember = validateDataset(sampleDataset());
    if (withMember.ok) expect(withMember.dataset.memberships[1].standing).toBe('normal');
  });

  it('does not treat statutory-rule breaches as errors (they become findings)', () => {
    const doc = broken((d) => {
      // Confirmed two months after joining and a seven-year term: wrong by the rules, but well-formed.
      d.memberships[0].confirmedOn = '2005-08-30';
      d.terms[0].endsOn = '2026-09-09';
    });
    expect(validateDataset(doc).issues).toEqual([]);
  });

  it('accepts the later sections when empty, so nothing is dropped', () => {
    const doc = broken((d) => {
      d.development = [];
      d.training = [];
      d.dues = { bases: [], payments: [] };
    });
    expect(validateDataset(doc).issues).toEqual([]);
  });
});

describe('validateDataset: shape errors', () => {
  it('names a wrong format and a document that is not an object', () => {
    expect(pointersOf(broken((d) => (d.format = 'zhibu-dataset/2')))).toEqual(['/format']);
    expect(pointersOf([])).toEqual(['']);
    expect(pointersOf(null)).toEqual(['']);
  });

  it('reports unknown keys at their own pointer, at every level', () => {
    const doc = broken((d) => {
      d.extra = 1;
      d.orgs[1].colour = 'red';
      d.meetings[0].attendance[0].signature = 'x';
    });
    expect(pointersOf(doc)).toEqual(['/orgs/1/colour', '/meetings/0/attendance/0/signature', '/extra']);
    expect(reasonAt(doc, '/extra')).toBe('未知字段 / unknown key');
  });

  it('reports a missing required field', () => {
    const doc = broken((d) => delete d.people[0].name);
    expect(pointersOf(doc)).toEqual(['/people/0/name']);
    expect(reasonAt(doc, '/people/0/name')).toContain('缺少必填字段');
  });

  it('reports values outside an enum with the allowed values', () => {
    const doc = broken((d) => {
      d.orgs[1].branchCategory = 'faculty';
      d.meetings[0].attendance[1].status = 'excused';
      d.terms[0].positions[0].role = 'chair';
      d.memberships[0].standing = 'active';
    });
    expect(pointersOf(doc)).toEqual([
      '/orgs/1/branchCategory',
      '/memberships/0/standing',
      '/terms/0/positions/0/role',
      '/meetings/0/attendance/1/status',
    ]);
    expect(reasonAt(doc, '/meetings/0/attendance/1/status')).toContain('"present" | "absent" | "leave" | "late"');
  });

  it('reports wrong types', () => {
    const doc = broken((d) => {
      d.university.headcount[0].staff = '820';
      d.people[0].leadingCadre = 'yes';
    });
    expect(pointersOf(doc)).toEqual(['/university/headcount/0/staff', '/people/0/leadingCadre']);
  });

  it('reports impossible dates once per field', () => {
    const doc = broken((d) => {
      d.people[0].birthDate = '2021-02-30';
      d.memberships[0].from = '2016/03/01';
      d.university.calendar[0].start = '2021-13-01';
    });
    expect(pointersOf(doc)).toEqual(['/university/calendar/0/start', '/people/0/birthDate', '/memberships/0/from']);
    expect(reasonAt(doc, '/people/0/birthDate')).toBe('日期不存在 / not a real date');
  });
});

describe('validateDataset: codes', () => {
  it('reports duplicate codes of orgs, people, meetings and semesters at the later record', () => {
    const doc = broken((d) => {
      d.orgs.push({ ...d.orgs[2] });
      d.people.push({ code: 'T0002', name: '重复', personCategory: 'staff' });
      d.meetings[1].code = 'm-2021-0001';
      d.university.calendar[1].code = '2021-1';
      d.university.headcount[1].year = 2021;
    });
    expect(pointersOf(doc)).toEqual([
      '/university/calendar/1/code',
      '/university/headcount/1/year',
      '/orgs/6/code',
      '/people/4/code',
      '/meetings/1/code',
    ]);
    expect(reasonAt(doc, '/orgs/6/code')).toContain('already used at /orgs/2');
  });

  it('refuses an org named with the university code', () => {
    const doc = broken((d) => (d.orgs[2].code = 'sample'));
    expect(pointersOf(doc)).toContain('/orgs/2/code');
  });

  it('reports every unknown reference at its pointer', () => {
    const doc = broken((d) => {
      d.orgs[1].parent = 'c-nowhere';
      d.university.parameters[1].org = 'c-nowhere';
      d.memberships[0].person = 'X0001';
      d.memberships[3].org = 'b-nowhere';
      d.memberships[2].group = 'g-nowhere';
      d.terms[0].org = 'b-nowhere';
      d.terms[0].positions[1].person = 'X0002';
      d.meetings[0].org = 'b-nowhere';
      d.meetings[1].lecturer = 'X0003';
      d.meetings[1].attendance[0].person = 'X0004';
    });
    // In document order: sections as in the format, records by index.
    expect(pointersOf(doc)).toEqual([
      '/university/parameters/1/org',
      '/orgs/1/parent',
      '/memberships/0/person',
      '/memberships/2/group',
      '/memberships/3/org',
      '/terms/0/org',
      '/terms/0/positions/1/person',
      '/meetings/0/org',
      '/meetings/1/attendance/0/person',
      '/meetings/1/lecturer',
    ]);
    expect(reasonAt(doc, '/memberships/0/person')).toBe('未知的人员代码 X0001 / unknown person code X0001');
  });

  it('asks for parent: null instead of the university code', () => {
    const doc = broken((d) => (d.orgs[2].parent = 'sample'));
    expect(reasonAt(doc, '/orgs/2/parent')).toContain('parent: null');
  });

  it('lists a person listed twice in one meeting', () => {
    const doc = broken((d) => d.meetings[0].attendance.push({ person: 'T0001', status: 'late' }));
    expect(pointersOf(doc)).toEqual(['/meetings/0/attendance/2/person']);
  });
});

describe('validateDataset: tree and intervals', () => {
  it('keeps the university and oversight bodies out of the orgs list', () => {
    const doc = broken((d) => (d.orgs[2].kind = 'university'));
    expect(pointersOf(doc)).toContain('/orgs/2/kind');
  });

  it('checks the kind of parent: group under a branch, branch under a college or the university', () => {
    const doc = broken((d) => {
      d.orgs[0].parent = 'c-mech';
      d.orgs[3].parent = 'b-mech-t1';
    });
    // The member of the moved group is then no longer under the group's branch: reported too.
    expect(pointersOf(doc)).toEqual(['/orgs/0/parent', '/orgs/3/parent', '/memberships/0/group']);
  });

  it('keeps college and branch fields on their kinds', () => {
    const doc = broken((d) => {
      d.orgs[0].subkind = 'generalBranch';
      d.orgs[2].branchCategory = 'teacher';
      d.orgs[2].jointUnits = ['教务处'];
    });
    expect(pointersOf(doc)).toEqual(['/orgs/0/subkind', '/orgs/2/branchCategory', '/orgs/2/jointUnits']);
  });

  it('reports an end before its start, wherever it is', () => {
    const doc = broken((d) => {
      d.orgs[4].validTo = '2021-01-01';
      d.memberships[1].to = '2020-01-01';
      d.memberships[0].confirmedOn = '2004-01-01';
      d.terms[0].endsOn = '2019-01-01';
      d.terms[0].positions[0].to = '2019-01-01';
      d.university.calendar[0].end = '2021-01-01';
      d.meetings[0].attendance[1].makeupOn = '2021-03-01';
    });
    expect(pointersOf(doc)).toEqual([
      '/university/calendar/0/end',
      '/orgs/4/validTo',
      '/memberships/0/confirmedOn',
      '/memberships/1/to',
      '/terms/0/endsOn',
      '/terms/0/positions/0/to',
      '/meetings/0/attendance/1/makeupOn',
    ]);
  });

  it('requires a membership in a branch, and its group under that branch', () => {
    const doc = broken((d) => {
      d.memberships[3].org = 'c-mech';
      d.memberships[2].group = 'g-mech-t1-1';
      d.memberships[2].org = 'b-joint';
      d.memberships[4].group = 'b-joint';
    });
    expect(pointersOf(doc)).toEqual(['/memberships/2/group', '/memberships/3/org', '/memberships/4/group']);
    expect(reasonAt(doc, '/memberships/2/group')).toContain('group g-mech-t1-1 is not under branch b-joint');
  });

  it('reports overlapping memberships of one person, but not back-to-back ones', () => {
    expect(pointersOf(sampleDataset())).toEqual([]); // T0002's two intervals touch on 2021-06-30
    const doc = broken((d) => (d.memberships[2].from = '2021-06-29'));
    expect(pointersOf(doc)).toEqual(['/memberships/2/from']);
    expect(reasonAt(doc, '/memberships/2/from')).toContain('overlaps /memberships/1');
    const open = broken((d) => {
      d.memberships[1].to = null;
    });
    expect(pointersOf(open)).toEqual(['/memberships/2/from']);
  });

  it('keeps group leaders on group terms', () => {
    const doc = broken((d) => {
      d.terms[0].positions[1].role = 'groupLeader';
      d.terms[1].positions[0].role = 'secretary';
    });
    expect(pointersOf(doc)).toEqual(['/terms/0/positions/1/role', '/terms/1/positions/0/role']);
  });

  it('refuses two terms of one org elected the same day', () => {
    const doc = broken((d) => d.terms.push({ ...d.terms[0], positions: [] }));
    expect(pointersOf(doc)).toEqual(['/terms/3/electedOn']);
  });
});

describe('validateDataset: all problems at once', () => {
  it('collects shape and reference problems from different records in one pass', () => {
    const doc = broken((d) => {
      d.people[1].gender = 'x';
      d.memberships[0].org = 'b-nowhere';
      d.meetings[1].heldOn = '2021-04-31';
      d.orgs[5].parent = 'c-nowhere';
    });
    expect(pointersOf(doc)).toEqual(['/orgs/5/parent', '/people/1/gender', '/memberships/0/org', '/meetings/1/heldOn']);
  });

  it('escapes pointers as RFC 6901 says', () => {
    expect(toPointer(['orgs', 3, 'a/b~c'])).toBe('/orgs/3/a~1b~0c');
  });
});

describe('validateDataset: standard sets and rule parameters', () => {
  it('names an unknown standard set and an unknown rule id', () => {
    const doc = broken((d) => {
      d.university.standardSets = ['hbzy-2019-3s3n', 'hbzy-2020'];
      d.university.parameters = [{ rule: 'LIFE-99', org: null, values: { months: 3 } }];
    });
    expect(pointersOf(doc).sort()).toEqual(['/university/parameters/0/rule', '/university/standardSets/1']);
    expect(reasonAt(doc, '/university/standardSets/1')).toContain('未知的标准集 hbzy-2020');
    expect(reasonAt(doc, '/university/parameters/0/rule')).toContain('未知的规则编号 LIFE-99');
  });
});
