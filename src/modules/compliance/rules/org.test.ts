/**
 * The ORG rules (ORG-01…12) on real records through the real evaluation path: each case builds
 * its own university, so the cases do not see each other. Everything is judged as of ASOF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../../test/compliance.ts';
import { createTestDatabase } from '../../../../test/db.ts';
import {
  buildMember,
  buildMembership,
  buildOrg,
  buildPerson,
  buildTerm,
  buildUniversity,
} from '../../../../test/factories.ts';
import type { Database, Db } from '../../../db/connect.ts';
import { parameterOverrides } from '../../../db/schema.ts';
import { namesCounselorOrTeacher, namesUnitHead } from '../../../domain/rules/org-secretaries.ts';

const ASOF = '2026-06-15';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

type OrgProps = Partial<Parameters<typeof buildOrg>[1]>;
type PersonProps = Partial<Parameters<typeof buildPerson>[1]>;

/** A university with one college; helpers to add branches, members, people and terms to it. */
async function world() {
  const u = await buildUniversity(db);
  const t = u.tenantId;
  const college = await buildOrg(db, { tenantId: t, parentId: u.rootId, kind: 'college', code: 'c1' });
  const branch = (code: string, props: OrgProps = {}) =>
    buildOrg(db, { tenantId: t, parentId: college.id, kind: 'branch', code, name: `${code}党支部`, ...props });
  const person = (name: string, props: PersonProps = {}) => buildPerson(db, { tenantId: t, name, ...props });
  /** `n` members of a branch in normal standing, full unless told. */
  const members = async (orgId: string, n: number, status: 'full' | 'probationary' = 'full') => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(await buildMember(db, { tenantId: t, orgId, status }));
    return out;
  };
  const term = (orgId: string, seats: Parameters<typeof buildTerm>[1]['seats'], dates = {}) =>
    buildTerm(db, { tenantId: t, orgId, electedOn: '2024-09-10', endsOn: '2027-09-09', seats, ...dates });
  /** A committee of five holding the four required seats and one plain member's seat. */
  const committee = async (orgId: string) => {
    const roles = ['secretary', 'organizationMember', 'propagandaMember', 'disciplineMember', 'member'];
    const seats = [];
    for (const role of roles) seats.push({ role, personId: (await person(`委员${role}`)).id });
    return term(orgId, seats);
  };
  const run = (rule: string, options: { orgId?: string; asOf?: string } = {}) =>
    findingsFor(db, { tenantId: t, asOf: options.asOf ?? ASOF, rules: [rule], orgId: options.orgId });
  return { u, t, college, branch, person, members, term, committee, run };
}

const pick = (f: { severity: string; org: string; member: string | null; message: string }) => ({
  severity: f.severity,
  org: f.org,
  member: f.member,
  message: f.message,
});

describe('ORG-01 at least 3 full members', () => {
  it('passes a branch with 3 full members', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.members(b.id, 3);
    expect(await w.run('ORG-01')).toEqual([]);
  });

  it('counts only full members in normal standing on asOf: probationary, suspended and joined-later are not', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.members(b.id, 2);
    await w.members(b.id, 2, 'probationary');
    const suspended = await w.person('停党籍');
    await buildMembership(db, { tenantId: w.t, personId: suspended.id, orgId: b.id, standing: 'suspended' });
    const later = await w.person('下月转入');
    await buildMembership(db, { tenantId: w.t, personId: later.id, orgId: b.id, validFrom: '2026-06-16' });
    const findings = await w.run('ORG-01');
    expect(findings.map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'b1',
        member: null,
        message: '支部正式党员仅2名（要求至少3名），应与其他单位组建联合党支部',
      },
    ]);
    expect(findings[0].messageEn).toBe(
      'The branch has only 2 full members (at least 3 required); it should form a joint branch with other units',
    );
    // The member who joins tomorrow is counted from tomorrow.
    expect(await w.run('ORG-01', { asOf: '2026-06-16' })).toEqual([]);
  });

  it('tells a joint branch to widen, and does not judge a dissolved or a temporary branch', async () => {
    const w = await world();
    const joint = await w.branch('joint', { jointUnits: ['图书馆', '档案馆'] });
    await w.members(joint.id, 1);
    await w.branch('gone', { validTo: '2026-06-01' });
    await w.branch('temp', { temporary: { approvedOn: '2026-03-01', endsOn: '2026-12-31' } });
    expect((await w.run('ORG-01')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'joint',
        member: null,
        message: '联合党支部正式党员仅1名（要求至少3名），应扩大联合范围或并入其他党支部',
      },
    ]);
  });
});

describe('ORG-02 a joint branch covers at most 5 units', () => {
  it('passes 5 units and reports 6', async () => {
    const w = await world();
    await w.branch('five', { jointUnits: ['一', '二', '三', '四', '五'] });
    await w.branch('six', { jointUnits: ['图书馆', '档案馆', '校史馆', '网络中心', '医务室', '工会'] });
    expect((await w.run('ORG-02')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'six',
        member: null,
        message: '联合党支部覆盖6个单位（要求不超过5个）：图书馆、档案馆、校史馆、网络中心、医务室、工会',
      },
    ]);
  });
});

describe('ORG-03 a committee from 7 full members', () => {
  it('passes 7 full members with a committee of five holding every required seat', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.members(b.id, 7);
    await w.committee(b.id);
    expect(await w.run('ORG-03')).toEqual([]);
  });

  it('reports a branch of 7 without a committee, and one whose committee is even and lacks a seat', async () => {
    const w = await world();
    const none = await w.branch('none');
    await w.members(none.id, 7);
    const four = await w.branch('four');
    await w.members(four.id, 9);
    const seats = [];
    for (const role of ['secretary', 'organizationMember', 'propagandaMember', 'member'])
      seats.push({ role, personId: (await w.person(role)).id });
    await w.term(four.id, seats);
    const six = await w.branch('six');
    await w.members(six.id, 6);
    const findings = await w.run('ORG-03');
    expect(findings.map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'four',
        member: null,
        message: '支部正式党员9名（达到7名应设支部委员会）：支委会4人（应为3至7人且为单数）；未设纪检委员',
      },
      {
        severity: 'breach',
        org: 'none',
        member: null,
        message: '支部正式党员7名（达到7名应设支部委员会）：未设支部委员会',
      },
    ]);
    expect(findings[0].messageEn).toBe(
      'The branch has 9 full members (a committee is required from 7): the committee has 4 members (3 to 7, an odd number); no discipline member',
    );
  });

  it('leaves a seat that fell vacant to ORG-07 instead of calling it missing', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.members(b.id, 7);
    const seats = [];
    for (const role of ['secretary', 'organizationMember', 'propagandaMember', 'disciplineMember', 'member'])
      seats.push({ role, personId: (await w.person(role)).id, to: role === 'propagandaMember' ? '2026-06-05' : null });
    await w.term(b.id, seats);
    expect(await w.run('ORG-03')).toEqual([]);
    expect((await w.run('ORG-07')).map((f) => f.severity)).toEqual(['warning']);
  });
});

describe('ORG-04 below 7: a secretary, at most one deputy, no committee', () => {
  it('passes 4 full members with a secretary and a deputy', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.members(b.id, 4);
    await w.term(b.id, [
      { role: 'secretary', personId: (await w.person('书记')).id },
      { role: 'deputySecretary', personId: (await w.person('副书记')).id },
    ]);
    expect(await w.run('ORG-04')).toEqual([]);
  });

  it('reports a branch with no secretary, and one with two deputies and a committee member', async () => {
    const w = await world();
    const none = await w.branch('none');
    await w.members(none.id, 4);
    const crowded = await w.branch('crowded');
    await w.members(crowded.id, 5);
    await w.term(crowded.id, [
      { role: 'secretary', personId: (await w.person('书记')).id },
      { role: 'deputySecretary', personId: (await w.person('副书记甲')).id },
      { role: 'deputySecretary', personId: (await w.person('副书记乙')).id },
      { role: 'organizationMember', personId: (await w.person('组织委员')).id },
    ]);
    expect((await w.run('ORG-04')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'crowded',
        member: null,
        message:
          '支部正式党员5名（不足7名，设书记，必要时设1名副书记）：副书记2名（至多1名）；设有支部委员1名（不足7名不设支部委员会）',
      },
      {
        severity: 'breach',
        org: 'none',
        member: null,
        message: '支部正式党员4名（不足7名，设书记，必要时设1名副书记）：未设书记',
      },
    ]);
  });
});

describe('ORG-05 groups above 30 members', () => {
  it('passes 30 members without groups, and 31 all in groups that have leaders', async () => {
    const w = await world();
    const small = await w.branch('small');
    await w.members(small.id, 28);
    await w.members(small.id, 2, 'probationary');
    const large = await w.branch('large');
    const group = await buildOrg(db, { tenantId: w.t, parentId: large.id, kind: 'group', name: '第一党小组' });
    for (let i = 0; i < 31; i++) {
      const p = await w.person(`组员${i}`);
      await buildMembership(db, { tenantId: w.t, personId: p.id, orgId: large.id, groupId: group.id });
    }
    await w.term(group.id, [{ role: 'groupLeader', personId: (await w.person('组长')).id }]);
    expect(await w.run('ORG-05')).toEqual([]);
  });

  it('reports 31 members (probationary included) without groups, and groups without a leader and members outside them', async () => {
    const w = await world();
    const flat = await w.branch('flat');
    await w.members(flat.id, 30);
    await w.members(flat.id, 1, 'probationary');
    const half = await w.branch('half');
    const led = await buildOrg(db, { tenantId: w.t, parentId: half.id, kind: 'group', name: '第一党小组' });
    await buildOrg(db, { tenantId: w.t, parentId: half.id, kind: 'group', name: '第二党小组' });
    await w.term(led.id, [{ role: 'groupLeader', personId: (await w.person('组长')).id }]);
    for (let i = 0; i < 29; i++) {
      const p = await w.person(`组员${i}`);
      await buildMembership(db, { tenantId: w.t, personId: p.id, orgId: half.id, groupId: led.id });
    }
    await w.members(half.id, 3);
    const findings = await w.run('ORG-05');
    expect(findings.map(pick)).toEqual([
      { severity: 'breach', org: 'flat', member: null, message: '支部党员31名（超过30名应划分党小组）：未设党小组' },
      {
        severity: 'breach',
        org: 'half',
        member: null,
        message: '支部党员32名（超过30名应划分党小组）：“第二党小组”未设党小组长；3名党员未编入党小组',
      },
    ]);
    expect(findings[1].messageEn).toBe(
      'The branch has 32 members (groups are required above 30): no group leader in 第二党小组; 3 members are in no group',
    );
  });
});

describe('parameters per subtree', () => {
  it('uses the override of the subtree a branch is in (ORG-01 minFull 5 in one college only)', async () => {
    const w = await world();
    const strict = await buildOrg(db, { tenantId: w.t, parentId: w.u.rootId, kind: 'college', code: 'c2' });
    await db.insert(parameterOverrides).values({
      tenantId: w.t,
      rule: 'ORG-01',
      orgId: strict.id,
      values: { minFull: 5 },
      reason: '本学院要求',
    });
    const here = await w.branch('here');
    await w.members(here.id, 4);
    const there = await buildOrg(db, { tenantId: w.t, parentId: strict.id, kind: 'branch', code: 'there' });
    await w.members(there.id, 4);
    expect((await w.run('ORG-01')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'there',
        member: null,
        message: '支部正式党员仅4名（要求至少5名），应与其他单位组建联合党支部',
      },
    ]);
  });
});

describe('ORG-06 re-election when the term ends', () => {
  it('passes a term ending beyond the warning window', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.term(b.id, [{ role: 'secretary', personId: (await w.person('书记')).id }], {
      electedOn: '2024-01-10',
      endsOn: '2027-01-09',
    });
    expect(await w.run('ORG-06')).toEqual([]);
  });

  it('warns for a term ending tomorrow and breaches for one that ended yesterday', async () => {
    const w = await world();
    const soon = await w.branch('soon');
    await w.term(soon.id, [{ role: 'secretary', personId: (await w.person('甲')).id }], {
      electedOn: '2023-06-16',
      endsOn: '2026-06-16',
    });
    const late = await w.branch('late');
    await w.term(late.id, [{ role: 'secretary', personId: (await w.person('乙')).id }], {
      electedOn: '2023-06-14',
      endsOn: '2026-06-14',
    });
    const findings = await w.run('ORG-06');
    expect(findings.map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'late',
        member: null,
        message: '本届任期（2023-06-14选举）已于2026-06-14届满，已逾期1天未换届',
      },
      {
        severity: 'warning',
        org: 'soon',
        member: null,
        message: '本届任期（2023-06-16选举）将于2026-06-16届满（剩余1天），应按时换届',
      },
    ]);
    expect(findings[1].messageEn).toBe(
      'The term elected on 2023-06-16 ends on 2026-06-16 (1 day left); hold the re-election on time',
    );
  });

  it('judges the latest term elected by asOf, holds a branch to 3 years, and a college to its recorded end', async () => {
    const w = await world();
    const b = await w.branch('b1');
    // Recorded for five years: a branch term is three (003 支部设置7), so it was due in 2024.
    await w.term(b.id, [], { electedOn: '2021-03-01', endsOn: '2026-03-01' });
    // Elected after asOf: not yet the current term.
    await w.term(b.id, [], { electedOn: '2026-07-01', endsOn: '2029-06-30' });
    await w.term(w.college.id, [], { electedOn: '2022-05-01', endsOn: '2027-04-30' });
    expect((await w.run('ORG-06')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'b1',
        member: null,
        message: '本届任期（2021-03-01选举）已于2024-03-01届满，已逾期836天未换届',
      },
    ]);
    expect(await w.run('ORG-06', { asOf: '2026-07-01' })).toEqual([]);
  });
});

describe('ORG-06 for a college', () => {
  it('breaches a college committee whose recorded five-year term has ended', async () => {
    const w = await world();
    await w.term(w.college.id, [], { electedOn: '2021-05-01', endsOn: '2026-04-30' });
    expect((await w.run('ORG-06')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'c1',
        member: null,
        message: '本届任期（2021-05-01选举）已于2026-04-30届满，已逾期46天未换届',
      },
    ]);
  });
});

describe('ORG-07 vacant seats filled within 90 days', () => {
  it('passes a seat filled by a by-election', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.term(b.id, [
      { role: 'secretary', personId: (await w.person('前任')).id, to: '2026-01-10' },
      { role: 'secretary', personId: (await w.person('继任')).id, from: '2026-03-01' },
      { role: 'member', personId: (await w.person('委员')).id },
    ]);
    expect(await w.run('ORG-07')).toEqual([]);
  });

  it('breaches a secretary seat vacant for 100 days, and warns for a seat vacant for 10', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.term(b.id, [
      { role: 'secretary', personId: (await w.person('王强')).id, to: '2026-03-07' },
      { role: 'organizationMember', personId: (await w.person('李娜')).id },
    ]);
    const c = await w.branch('b2');
    await w.term(c.id, [
      { role: 'secretary', personId: (await w.person('赵敏')).id },
      { role: 'member', personId: (await w.person('陈静')).id, to: '2026-06-05' },
      { role: 'member', personId: (await w.person('刘洋')).id },
    ]);
    const findings = await w.run('ORG-07');
    expect(findings.map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'b1',
        member: null,
        message: '书记（原任王强）自2026-03-07起空缺100天（要求90天内补选）',
      },
      {
        severity: 'warning',
        org: 'b2',
        member: null,
        message: '委员（原任陈静）自2026-06-05起空缺10天（要求90天内补选）',
      },
    ]);
    expect(findings[0].messageEn).toBe(
      'The secretary seat (last held by 王强) has been vacant since 2026-03-07, 100 days (to be filled within 90 days)',
    );
  });
});

describe('ORG-08 every member in normal standing belongs to a branch', () => {
  it('passes members of live branches, and does not judge memberships that start after asOf or are suspended', async () => {
    const w = await world();
    const b = await w.branch('b1');
    await w.members(b.id, 2);
    const later = await w.person('下月');
    await buildMembership(db, { tenantId: w.t, personId: later.id, orgId: w.college.id, validFrom: '2026-07-01' });
    const suspended = await w.person('停党籍');
    await buildMembership(db, { tenantId: w.t, personId: suspended.id, orgId: w.college.id, standing: 'suspended' });
    expect(await w.run('ORG-08')).toEqual([]);
  });

  it('reports a member kept on a college and one left in a dissolved branch, on the org that must act', async () => {
    const w = await world();
    const onCollege = await buildPerson(db, { tenantId: w.t, code: 'M1', name: '张三' });
    await buildMembership(db, { tenantId: w.t, personId: onCollege.id, orgId: w.college.id });
    const gone = await w.branch('gone', { name: '原机电学生党支部', validTo: '2026-05-01' });
    const stranded = await buildPerson(db, { tenantId: w.t, code: 'M2', name: '李四' });
    await buildMembership(db, { tenantId: w.t, personId: stranded.id, orgId: gone.id });
    // Both sit on the college, so they are ordered by member here (the engine orders by finding key).
    const findings = (await w.run('ORG-08')).sort((x, y) => String(x.member).localeCompare(String(y.member)));
    expect(findings.map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'c1',
        member: 'M1',
        message: '党员张三的组织关系在“c1党组织”（不是党支部），未编入党支部',
      },
      {
        severity: 'breach',
        org: 'c1',
        member: 'M2',
        message: '党员李四的组织关系仍在已于2026-05-01撤销的“原机电学生党支部”，未编入党支部',
      },
    ]);
  });
});

describe('ORG-09 temporary branches', () => {
  it('passes an approved temporary branch with an end date to come, and ignores one already closed', async () => {
    const w = await world();
    await w.branch('ok', {
      temporary: { approvedOn: '2026-03-01', approvedBy: '机电学院党总支', endsOn: '2026-12-31' },
    });
    await w.branch('closed', { temporary: { endsOn: '2026-01-31' }, validTo: '2026-02-01' });
    expect(await w.run('ORG-09')).toEqual([]);
  });

  it('reports one without approval or end date, and one still open after its end', async () => {
    const w = await world();
    await w.branch('bare', { temporary: { purpose: '校外实习' } });
    await w.branch('over', { temporary: { approvedOn: '2026-01-05', endsOn: '2026-06-01' } });
    const findings = await w.run('ORG-09');
    expect(findings.map(pick)).toEqual([
      { severity: 'breach', org: 'bare', member: null, message: '临时党支部：无上级党组织批准记录；未确定结束日期' },
      {
        severity: 'breach',
        org: 'over',
        member: null,
        message: '临时党支部：已于2026-06-01到期，仍未撤销（逾期14天）',
      },
    ]);
    expect(findings[0].messageEn).toBe(
      "Temporary branch: there is no record of the superior's approval; it has no end date",
    );
  });
});

describe('ORG-10 teacher-branch secretaries are dual leaders', () => {
  it('passes a college whose teacher-branch secretaries are all dual leaders (student branches aside)', async () => {
    const w = await world();
    const t1 = await w.branch('t1');
    await w.term(t1.id, [{ role: 'secretary', personId: (await w.person('甲')).id, dualLeader: true }]);
    const s1 = await w.branch('s1', { branchCategory: 'student' });
    await w.term(s1.id, [{ role: 'secretary', personId: (await w.person('乙')).id }]);
    expect(await w.run('ORG-10')).toEqual([]);
  });

  it('reports the branch whose secretary is not one, and the coverage of its college and university', async () => {
    const w = await world();
    const t1 = await w.branch('t1');
    await w.term(t1.id, [{ role: 'secretary', personId: (await w.person('李磊')).id, dualLeader: true }]);
    const t2 = await w.branch('t2');
    await w.term(t2.id, [{ role: 'secretary', personId: (await w.person('张涛')).id }]);
    const findings = await w.run('ORG-10');
    expect(findings.map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'c1',
        member: null,
        message: '教师党支部书记“双带头人”覆盖率50%（2个教师党支部中1个；要求100%）',
      },
      {
        severity: 'breach',
        org: 't2',
        member: null,
        message: '教师党支部书记张涛不是“双带头人”（要求教师党支部书记均为党建带头人、学术带头人）',
      },
      {
        severity: 'breach',
        org: w.u.code,
        member: null,
        message: '教师党支部书记“双带头人”覆盖率50%（2个教师党支部中1个；要求100%）',
      },
    ]);
    // A college evaluated alone sees its own findings, not the university's.
    expect((await w.run('ORG-10', { orgId: w.college.id })).map((f) => f.org)).toEqual(['c1', 't2']);
  });
});

describe('ORG-11 an office or service branch is led by the head of its unit', () => {
  it('reads head posts from the title', () => {
    expect(['财务处处长', '后勤服务中心主任', '图书馆馆长', '副处长（主持工作）'].map(namesUnitHead)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['财务处副处长', '主任科员', '科员', '讲师'].map(namesUnitHead)).toEqual([false, false, false, false]);
  });

  it('passes a secretary who heads the unit', async () => {
    const w = await world();
    const b = await w.branch('office', { branchCategory: 'office' });
    await w.term(b.id, [{ role: 'secretary', personId: (await w.person('周敏', { title: '财务处处长' })).id }]);
    expect(await w.run('ORG-11')).toEqual([]);
  });

  it('breaches a deputy head or a student, and asks for the title when none is recorded', async () => {
    const w = await world();
    const deputy = await w.branch('deputy', { branchCategory: 'office' });
    await w.term(deputy.id, [{ role: 'secretary', personId: (await w.person('吴刚', { title: '财务处副处长' })).id }]);
    const student = await w.branch('student', { branchCategory: 'service' });
    await w.term(student.id, [
      { role: 'secretary', personId: (await w.person('孙丽', { personCategory: 'student' })).id },
    ]);
    const untitled = await w.branch('untitled', { branchCategory: 'service' });
    await w.term(untitled.id, [{ role: 'secretary', personId: (await w.person('郑凯')).id }]);
    expect((await w.run('ORG-11')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 'deputy',
        member: null,
        message: '党支部书记吴刚（财务处副处长）不是本部门本单位主要负责人',
      },
      {
        severity: 'breach',
        org: 'student',
        member: null,
        message: '党支部书记孙丽不是本单位教职工，应由本部门本单位主要负责人担任',
      },
      {
        severity: 'info',
        org: 'untitled',
        member: null,
        message: '党支部书记郑凯未登记职务，无法核对是否为本部门本单位主要负责人',
      },
    ]);
  });
});

describe('ORG-12 a student branch is led by a counselor, a teacher or a student member', () => {
  it('reads counselor and teaching posts from the title', () => {
    expect(['辅导员', '副教授', '讲师', '财务处科员'].map(namesCounselorOrTeacher)).toEqual([true, true, true, false]);
  });

  it('passes a student full member and a counselor', async () => {
    const w = await world();
    const s1 = await w.branch('s1', { branchCategory: 'student' });
    const student = await w.person('王芳', { personCategory: 'student' });
    await buildMembership(db, { tenantId: w.t, personId: student.id, orgId: s1.id });
    await w.term(s1.id, [{ role: 'secretary', personId: student.id }]);
    const s2 = await w.branch('s2', { branchCategory: 'student' });
    await w.term(s2.id, [{ role: 'secretary', personId: (await w.person('马军', { title: '辅导员' })).id }]);
    expect(await w.run('ORG-12')).toEqual([]);
  });

  it('breaches a probationary student, a retired member and a clerk', async () => {
    const w = await world();
    const s1 = await w.branch('s1', { branchCategory: 'student' });
    const student = await w.person('王芳', { personCategory: 'student' });
    await buildMembership(db, { tenantId: w.t, personId: student.id, orgId: s1.id, status: 'probationary' });
    await w.term(s1.id, [{ role: 'secretary', personId: student.id }]);
    const s2 = await w.branch('s2', { branchCategory: 'student' });
    await w.term(s2.id, [{ role: 'secretary', personId: (await w.person('冯涛', { personCategory: 'retired' })).id }]);
    const s3 = await w.branch('s3', { branchCategory: 'student' });
    await w.term(s3.id, [{ role: 'secretary', personId: (await w.person('黄磊', { title: '财务处科员' })).id }]);
    expect((await w.run('ORG-12')).map(pick)).toEqual([
      {
        severity: 'breach',
        org: 's1',
        member: null,
        message: '学生党支部书记王芳不是正式党员，应从优秀辅导员、骨干教师、优秀大学生党员中选拔',
      },
      {
        severity: 'breach',
        org: 's2',
        member: null,
        message: '学生党支部书记冯涛为离退休人员，应从优秀辅导员、骨干教师、优秀大学生党员中选拔',
      },
      {
        severity: 'breach',
        org: 's3',
        member: null,
        message: '学生党支部书记黄磊（财务处科员）不是辅导员或教师，应从优秀辅导员、骨干教师、优秀大学生党员中选拔',
      },
    ]);
  });
});
