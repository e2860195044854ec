import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildWorld } from '../../../test/factories.ts';
import { type LooseDocument, loadP1, sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import {
  attendance,
  auditLog,
  meetings,
  memberships,
  orgHistory,
  orgs,
  people,
  positions,
  tenants,
  terms,
} from '../../db/schema.ts';
import { systemActor } from '../../server/audit.ts';
import { AppError } from '../../server/errors.ts';
import { exportDatasetSnapshot } from './export-dataset.ts';
import { datasetInvalid, importDataset } from './import-dataset.ts';
import type { Dataset } from './schema.ts';

const actor = systemActor('test');
let source: Database;
beforeAll(async () => {
  source = await createTestDatabase();
});
afterAll(() => source.close());

const load = (db: Db, document: unknown) => db.transaction((tx) => importDataset(tx, { document, actor }));

/** Imports into a brand-new database and exports again: the round trip the contract promises. */
async function throughEmptyDatabase(document: unknown) {
  const target = await createTestDatabase();
  try {
    const { tenantId } = await load(target.db, document);
    return await exportDatasetSnapshot(target.db, { tenantId });
  } finally {
    await target.close();
  }
}

const rowCounts = async (db: Db) => {
  const count = async (
    table: typeof tenants | typeof orgs | typeof people | typeof memberships | typeof meetings | typeof auditLog,
  ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  return {
    tenants: await count(tenants),
    orgs: await count(orgs),
    people: await count(people),
    memberships: await count(memberships),
    meetings: await count(meetings),
    audit: await count(auditLog),
  };
};

/**
 * Every value the document gave is in the export (which also fills in defaults and nulls).
 * Records are matched by their natural keys, since the export has its own order.
 */
function expectEveryValue(exported: Dataset, document: LooseDocument) {
  expect(exported.university).toMatchObject(document.university);
  for (const section of ['orgs', 'people', 'meetings'] as const) {
    const byCode = new Map(exported[section].map((r) => [r.code, r]));
    expect(byCode.size).toBe(document[section].length);
    for (const record of document[section]) {
      const { attendance: rows, ...rest } = record;
      const found = byCode.get(record.code) as LooseDocument;
      expect(found).toMatchObject(rest);
      if (rows) expect(found.attendance).toEqual(expect.arrayContaining(rows));
    }
  }
  expect(exported.memberships).toHaveLength(document.memberships.length);
  for (const m of document.memberships)
    expect(exported.memberships.find((e) => e.person === m.person && e.from === m.from)).toMatchObject(m);
  expect(exported.terms).toHaveLength(document.terms.length);
  for (const term of document.terms) {
    const match = exported.terms.find((t) => t.org === term.org && t.electedOn === term.electedOn);
    expect(match?.positions).toHaveLength(term.positions.length);
    expect(match).toMatchObject({
      ...term,
      positions: expect.arrayContaining(term.positions.map((p: object) => expect.objectContaining(p))),
    });
  }
}

describe('importDataset: p1', () => {
  let tenantId: string;
  it('imports every record and reports the counts', async () => {
    const result = await load(source.db, loadP1());
    tenantId = result.tenantId;
    expect(result.counts).toEqual({
      orgs: 5,
      people: 61,
      memberships: 61,
      terms: 4,
      positions: 16,
      meetings: 117,
      attendance: 1440,
      thoughtReports: 0,
      appraisals: 0,
      appraisalEntries: 0,
      semesters: 2,
      headcounts: 1,
      parameters: 0,
      trainingSessions: 0,
      trainingCredits: 0,
      fundBudgets: 0,
      fundAllocations: 0,
      fundExpenses: 0,
      duesBases: 0,
      duesPayments: 0,
      duesReasons: 0,
      duesReturns: 0,
      devCases: 0,
      devEvents: 0,
      devPlans: 0,
      devPlanLines: 0,
      devPoolAnalyses: 0,
      devContacts: 0,
      modelUnits: 0,
      awards: 0,
      practiceCarriers: 0,
      rectifications: 0,
      surveys: 0,
      reorganizations: 0,
      acceptanceCampaigns: 0,
      acceptanceReviews: 0,
      acceptanceSteps: 0,
      ratings: 0,
      secretaryReviewRounds: 0,
      secretaryReviews: 0,
      secretaryReviewScores: 0,
    });
    const n = (rows: { n: number }[]) => rows[0].n;
    const count = sql<number>`count(*)::int`;
    expect(n(await source.db.select({ n: count }).from(people).where(eq(people.tenantId, tenantId)))).toBe(61);
    expect(n(await source.db.select({ n: count }).from(attendance).where(eq(attendance.tenantId, tenantId)))).toBe(
      1440,
    );
    expect(n(await source.db.select({ n: count }).from(positions).where(eq(positions.tenantId, tenantId)))).toBe(16);
  });

  it('builds paths and depths from the parent codes, and one history interval per org', async () => {
    const rows = await source.db.select().from(orgs).where(eq(orgs.tenantId, tenantId));
    const byCode = new Map(rows.map((o) => [o.code, o]));
    const root = byCode.get('p1');
    const college = byCode.get('p-c1');
    const branch = byCode.get('p-b1');
    expect(root).toMatchObject({ id: tenantId, kind: 'university', depth: 0, path: `/${tenantId}/` });
    expect(college).toMatchObject({ parentId: tenantId, depth: 1, path: `/${tenantId}/${college?.id}/` });
    expect(branch).toMatchObject({ parentId: college?.id, depth: 2, path: `${college?.path}${branch?.id}/` });
    const history = await source.db.select().from(orgHistory).where(eq(orgHistory.tenantId, tenantId));
    expect(history).toHaveLength(6); // the root and five orgs
    expect(history.find((h) => h.orgId === branch?.id)).toMatchObject({
      change: 'create',
      validFrom: '2015-01-01',
      validTo: null,
      parentId: college?.id,
    });
  });

  it('fills the derived columns (pinyin initials) and records one import audit entry', async () => {
    const [person] = await source.db
      .select()
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.code, 'P0001')));
    expect(person).toMatchObject({ name: '李磊', nameInitials: 'll', leadingCadre: false, title: null });
    const audit = await source.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.action, 'import')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'test', entity: 'dataset', entityId: tenantId });
    expect((audit[0].after as { counts: { people: number } }).counts.people).toBe(61);
  });

  it('exports every value p1 holds, and the export survives a trip through an empty database', async () => {
    const p1 = loadP1();
    const exported = await exportDatasetSnapshot(source.db, { tenantId });
    expectEveryValue(exported, p1);
    const again = await throughEmptyDatabase(JSON.parse(JSON.stringify(exported)));
    expect(again).toEqual(exported);
    expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
  });

  it('refuses a university code that exists with 409 and leaves everything as it was', async () => {
    const before = await rowCounts(source.db);
    const error = await load(source.db, loadP1()).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(409);
    expect(await rowCounts(source.db)).toEqual(before);
  });
});

describe('importDataset: two imports of one code at once', () => {
  it('lets one win and answers the other with 409, even when both passed the check', async () => {
    const results = await Promise.allSettled([
      load(source.db, sampleDataset('racing')),
      load(source.db, sampleDataset('racing')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(AppError);
    expect(lost.reason.status).toBe(409);
    expect(await source.db.select().from(tenants).where(eq(tenants.code, 'racing'))).toHaveLength(1);
  });
});

describe('importDataset: the sample with every field', () => {
  it('round-trips through an empty database and keeps every field', async () => {
    const document = sampleDataset('sample-rt');
    const { tenantId } = await load(source.db, document);
    const exported = await exportDatasetSnapshot(source.db, { tenantId });
    expectEveryValue(exported, document);
    // A group without validFrom is as old as its branch; the root's terms and meetings keep its code.
    expect(exported.orgs.find((o) => o.code === 'g-mech-t1-1')).toEqual({
      code: 'g-mech-t1-1',
      parent: 'b-mech-t1',
      kind: 'group',
      name: '第一党小组',
      validFrom: '2016-03-01',
      validTo: null,
    });
    expect(exported.orgs.find((o) => o.code === 'b-temp')?.temporary).toEqual(document.orgs[4].temporary);
    expect(exported.terms.map((t) => t.org)).toEqual(['b-mech-t1', 'g-mech-t1-1', 'sample-rt']);
    expect(exported.meetings[1]).toMatchObject({ org: 'sample-rt', lecturer: 'T0001' });
    expect(exported.meetings[0].attendance[1]).toEqual(document.meetings[0].attendance[1]);
    expect(exported.university).toEqual(document.university);
    expect(exported.people[0]).toEqual({
      ...document.people.find((p: LooseDocument) => p.code === 'R0001'),
      gender: null,
      birthDate: null,
      unit: null,
      title: null,
      leadingCadre: false,
      phone: null,
      email: null,
    });
    expect(exported.memberships.filter((m) => m.person === 'T0002').map((m) => [m.org, m.from, m.to])).toEqual([
      ['b-joint', '2020-06-30', '2021-06-30'],
      ['b-mech-t1', '2021-06-30', null],
    ]);
    expect(await throughEmptyDatabase(exported)).toEqual(exported);
  });
});

describe('importDataset: a university built with the factories', () => {
  it('exports, imports into an empty database and exports the identical document', async () => {
    const world = await buildWorld(source.db);
    const t = world.uniA.tenantId;
    const [term] = await source.db
      .insert(terms)
      .values({ tenantId: t, orgId: world.branchA1.id, electedOn: '2020-09-01', endsOn: '2023-08-31' })
      .returning();
    await source.db.insert(positions).values([
      {
        tenantId: t,
        termId: term.id,
        role: 'secretary',
        personId: world.secretaryA1.person.id,
        validFrom: '2020-09-01',
      },
      {
        tenantId: t,
        termId: term.id,
        role: 'organizationMember',
        personId: world.memberA1.person.id,
        validFrom: '2020-09-01',
        validTo: '2022-01-01',
      },
    ]);
    const [meeting] = await source.db
      .insert(meetings)
      .values({
        tenantId: t,
        code: 'm-a1-1',
        orgId: world.branchA1.id,
        type: 'themeDay',
        heldOn: '2021-05-08',
        title: '主题党日',
        minutes: true,
      })
      .returning();
    await source.db.insert(attendance).values([
      { tenantId: t, meetingId: meeting.id, personId: world.memberA1.person.id, status: 'leave', reason: '病假' },
      { tenantId: t, meetingId: meeting.id, personId: world.secretaryA1.person.id, status: 'present' },
    ]);

    const exported = await exportDatasetSnapshot(source.db, { tenantId: t });
    expect(exported.university.code).toBe('uni-a');
    expect(exported.orgs.map((o) => o.code)).toEqual(['b-a1', 'b-a2', 'b-a3', 'c-a1', 'c-a2', 'g-a1']);
    expect(exported.people.map((p) => p.code)).toEqual(['A0001', 'A0002', 'A0003', 'A0004']);
    expect(exported.terms[0].positions.map((p) => p.role)).toEqual(['secretary', 'organizationMember']);
    expect(exported.meetings[0].attendance).toEqual([
      { person: 'A0001', status: 'leave', reason: '病假' },
      { person: 'A0002', status: 'present' },
    ]);
    expect(await throughEmptyDatabase(exported)).toEqual(exported);
  });
});

describe('importDataset: a bad document', () => {
  it('throws a 400 listing every problem and writes nothing', async () => {
    const before = await rowCounts(source.db);
    const document = sampleDataset('bad-one');
    document.memberships[0].group = 'g-nowhere';
    document.people[2].birthDate = '2001-02-29';
    const error = await load(source.db, document).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      { pointer: '/people/2/birthDate', reason: '日期不存在 / not a real date' },
      { pointer: '/memberships/0/group', reason: '未知的组织代码 g-nowhere / unknown org code g-nowhere' },
    ]);
    expect(await rowCounts(source.db)).toEqual(before);
    expect(await source.db.select().from(tenants).where(eq(tenants.code, 'bad-one'))).toEqual([]);
  });

  it('leaves an empty database empty', async () => {
    const empty = await createTestDatabase();
    try {
      const document = loadP1();
      document.meetings[116].attendance[0].person = 'P9999';
      const error = await load(empty.db, document).catch((e) => e);
      expect(error.details).toEqual([
        { pointer: '/meetings/116/attendance/0/person', reason: '未知的人员代码 P9999 / unknown person code P9999' },
      ]);
      for (const table of [
        tenants,
        orgs,
        orgHistory,
        people,
        memberships,
        terms,
        positions,
        meetings,
        attendance,
        auditLog,
      ])
        expect(await empty.db.select().from(table)).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('runs in the caller’s transaction: a failure after it undoes the whole import', async () => {
    const before = await rowCounts(source.db);
    const error = await source.db
      .transaction(async (tx) => {
        await importDataset(tx, { document: sampleDataset('fails-late'), actor });
        throw new Error('a later step of the caller failed');
      })
      .catch((e) => e);
    expect(error.message).toBe('a later step of the caller failed');
    expect(await rowCounts(source.db)).toEqual(before);
  });

  it('refuses text the database cannot store (NUL) as a document problem', async () => {
    const document = sampleDataset('nul');
    document.people[3].name = 'bad\u0000name';
    const error = await load(source.db, document).catch((e) => e);
    expect(error.status).toBe(400);
    expect(error.details.map((d: { pointer: string }) => d.pointer)).toEqual(['/people/3/name']);
  });
});

describe('datasetInvalid', () => {
  it('lists the first thousand problems and counts the rest', () => {
    const issues = Array.from({ length: 1500 }, (_, i) => ({ pointer: `/people/${i}/code`, reason: 'x' }));
    const error = datasetInvalid(issues);
    expect(error.details).toHaveLength(1001);
    expect((error.details as { reason: string }[])[1000].reason).toContain('500 more problem(s) not listed');
    expect(error.text.en).toMatch(/^The dataset has 1500 problem\(s\)/);
  });
});
