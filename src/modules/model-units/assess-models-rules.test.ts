/** ASSESS-07, ASSESS-08 and ASSESS-09 on real records through the engine: passing and failing, with the messages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildMember, buildOrg, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { awards, modelUnits, practiceCarriers } from '../../db/schema.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const summary = async (tenantId: string, rule: string, range: { asOf: string; from?: string; to?: string }) =>
  (await findingsFor(database.db, { tenantId, rules: [rule], ...range })).map((f) => [
    f.severity,
    f.org,
    f.period,
    f.message,
    f.messageEn,
  ]);

/** A university with one college and `n` branches. */
async function university(n: number) {
  const db = database.db;
  const uni = await buildUniversity(db);
  const college = await buildOrg(db, { tenantId: uni.tenantId, parentId: uni.rootId, kind: 'college' });
  const branches = [];
  for (let i = 0; i < n; i++)
    branches.push(await buildOrg(db, { tenantId: uni.tenantId, parentId: college.id, kind: 'branch' }));
  return { ...uni, college, branches };
}

const modelBranch = (
  tenantId: string,
  orgId: string,
  status: string,
  acceptedOn: string | null,
  extra: { decidedOn?: string; level?: string } = {},
) =>
  database.db.insert(modelUnits).values({
    tenantId,
    orgId,
    kind: 'modelBranch',
    planYear: Number((acceptedOn ?? '2020').slice(0, 4)),
    appliedOn: '2020-03-01',
    status,
    acceptedOn,
    decidedOn: extra.decidedOn ?? null,
    level: extra.level ?? 'school',
  });

describe('ASSESS-07 school-level model branches reach 1/10 of all branches in 2020 and 1/5 in 2021 (hbzy-2019-3s3n)', () => {
  const range = { asOf: '2022-03-01', from: '2020-01-01', to: '2021-12-31' };

  it('passes 2020 with 1 of 10 and fails 2021, which needs 2; a second acceptance passes it', async () => {
    const u = await university(10);
    await modelBranch(u.tenantId, u.branches[0].id, 'accepted', '2020-11-20');
    // Neither an application in progress nor a revoked model branch counts.
    await modelBranch(u.tenantId, u.branches[1].id, 'cultivating', null);
    await modelBranch(u.tenantId, u.branches[2].id, 'revoked', '2020-11-20', { decidedOn: '2021-05-01' });
    expect(await summary(u.tenantId, 'ASSESS-07', range)).toEqual([
      [
        'breach',
        u.code,
        '2021',
        '2021年校级样板党支部1个，支部总数10个，未达到1/5的比例（应不少于2个）',
        '1 school-level model branches of 10 branches in 2021, below 1/5 (at least 2)',
      ],
    ]);
    // A province-level model branch is a school-level one too.
    await modelBranch(u.tenantId, u.branches[3].id, 'accepted', '2021-10-08', { level: 'province' });
    expect(await summary(u.tenantId, 'ASSESS-07', range)).toEqual([]);
  });

  it('fails 2020 with 11 branches and 1 model branch (1/10 of 11 rounds up to 2)', async () => {
    const u = await university(11);
    await modelBranch(u.tenantId, u.branches[0].id, 'accepted', '2020-11-20');
    expect((await summary(u.tenantId, 'ASSESS-07', range)).map((f) => f[3])).toEqual([
      '2020年校级样板党支部1个，支部总数11个，未达到1/10的比例（应不少于2个）',
      '2021年校级样板党支部1个，支部总数11个，未达到1/5的比例（应不少于3个）',
    ]);
  });

  it('does not judge 2019, before the plan year, nor a university that does not adopt the set', async () => {
    const u = await university(3);
    expect(
      await summary(u.tenantId, 'ASSESS-07', { asOf: '2020-03-01', from: '2019-01-01', to: '2019-12-31' }),
    ).toEqual([]);
    const other = await findingsFor(database.db, {
      tenantId: u.tenantId,
      rules: ['ASSESS-07'],
      standardSets: ['jljy-2016-five'],
      ...range,
    });
    expect(other).toEqual([]);
  });
});

const award = (tenantId: string, orgId: string, personId: string, roundYear: number, status: string) =>
  database.db.insert(awards).values({
    tenantId,
    roundYear,
    kind: 'outstandingMember',
    personId,
    nominatingOrgId: orgId,
    nominatedOn: `${roundYear}-05-01`,
    reason: '模范带头作用突出',
    status,
    decidedOn: status === 'decided' ? `${roundYear}-06-28` : null,
  });

describe('ASSESS-08 commendation rounds every 2 years', () => {
  it('is a breach with no round at all, a warning in the year the next round is due, and passes after it', async () => {
    const u = await university(1);
    const m = await buildMember(database.db, { tenantId: u.tenantId, orgId: u.branches[0].id });
    const asOf = { asOf: '2026-03-01' };
    expect(await summary(u.tenantId, 'ASSESS-08', asOf)).toEqual([
      [
        'breach',
        u.code,
        null,
        '未开展过评选表彰，2017年应开展而未开展优秀共产党员、优秀党务工作者、先进基层党组织评选表彰（要求每2年开展1次）',
        'no commendation round recorded; the round due in 2017 for outstanding members, Party-affairs workers and organizations was not held (required every 2 years)',
      ],
    ]);
    await award(u.tenantId, u.branches[0].id, m.person.id, 2024, 'decided');
    // A nomination still under review is not a round held.
    await award(u.tenantId, u.branches[0].id, m.person.id, 2025, 'publicized');
    expect(await summary(u.tenantId, 'ASSESS-08', asOf)).toEqual([
      [
        'warning',
        u.code,
        null,
        '最近一次评选表彰为2024年，2026年应开展优秀共产党员、优秀党务工作者、先进基层党组织评选表彰（要求每2年开展1次）',
        'the last commendation round was in 2024; a round for outstanding members, Party-affairs workers and organizations is due in 2026 (required every 2 years)',
      ],
    ]);
    expect(await summary(u.tenantId, 'ASSESS-08', { asOf: '2025-12-31' })).toEqual([]);
    expect((await summary(u.tenantId, 'ASSESS-08', { asOf: '2027-01-02' }))[0][0]).toBe('breach');
  });
});

describe('ASSESS-09 each college-level org and branch sets up a practical rule or service carrier a year', () => {
  const range = { asOf: '2026-03-01', from: '2025-01-01', to: '2025-12-31' };

  it('fails the college and the branch without one, and passes the branch that set one up', async () => {
    const u = await university(2);
    const [b1, b2] = u.branches;
    await database.db.insert(practiceCarriers).values({
      tenantId: u.tenantId,
      orgId: b1.id,
      year: 2025,
      kind: 'carrier',
      title: '党员先锋岗',
      establishedOn: '2025-04-01',
    });
    // Another year's carrier does not count for 2025.
    await database.db.insert(practiceCarriers).values({
      tenantId: u.tenantId,
      orgId: b2.id,
      year: 2024,
      kind: 'rule',
      title: '支部学习制度',
      establishedOn: '2024-04-01',
    });
    const rows = await summary(u.tenantId, 'ASSESS-09', range);
    const message = '2025年建立务实管用的制度或服务载体0项（要求每年至少1项）';
    const messageEn = '0 practical rules or service carriers set up in 2025 (at least 1 a year)';
    expect(rows.sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual(
      [
        ['breach', u.college.code, '2025', message, messageEn],
        ['breach', b2.code, '2025', message, messageEn],
      ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
    );
  });

  it('does not judge a branch founded during the year', async () => {
    const u = await university(0);
    await buildOrg(database.db, {
      tenantId: u.tenantId,
      parentId: u.college.id,
      kind: 'branch',
      validFrom: '2025-09-01',
    });
    expect((await summary(u.tenantId, 'ASSESS-09', range)).map((f) => f[1])).toEqual([u.college.code]);
  });
});
