/** FUND-01 and FUND-02 on real records through the engine: passing and failing, with the messages. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildMember, buildOrg, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { fundAllocations, fundBudgets, fundExpenses } from '../../db/schema.ts';

let database: Database;
const range = { asOf: '2026-03-01', from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** A college with two staff members and one student member, and a second college with nobody. */
async function college() {
  const db = database.db;
  const uni = await buildUniversity(db);
  const tenantId = uni.tenantId;
  const c = await buildOrg(db, { tenantId, parentId: uni.rootId, kind: 'college' });
  const b = await buildOrg(db, { tenantId, parentId: c.id, kind: 'branch' });
  await buildMember(db, { tenantId, orgId: b.id });
  await buildMember(db, { tenantId, orgId: b.id });
  await buildMember(db, { tenantId, orgId: b.id, personCategory: 'student' });
  await buildOrg(db, { tenantId, parentId: uni.rootId, kind: 'college' });
  return { tenantId, college: c, branch: b };
}

const budget = (tenantId: string, orgId: string, amount: number) =>
  database.db.insert(fundBudgets).values({ tenantId, orgId, year: 2025, amount });
const allocate = (tenantId: string, orgId: string, amount: number) =>
  database.db.insert(fundAllocations).values({ tenantId, orgId, year: 2025, allocatedOn: '2025-03-01', amount });
const spend = (tenantId: string, orgId: string, amount: number) =>
  database.db
    .insert(fundExpenses)
    .values({ tenantId, orgId, spentOn: '2025-06-01', amount, category: 'activities', description: '主题党日活动' });

const summary = async (tenantId: string, rule: string) =>
  (await findingsFor(database.db, { tenantId, rules: [rule], ...range })).map((f) => [
    f.severity,
    f.org,
    f.period,
    f.message,
    f.messageEn,
  ]);

describe('FUND-01 the budget covers 300 元 per staff member and 100 元 per student member', () => {
  it('fails a college without a budget, then one below the floor, and passes at the floor', async () => {
    const { tenantId, college: c } = await college();
    expect(await summary(tenantId, 'FUND-01')).toEqual([
      [
        'breach',
        c.code,
        '2025',
        '2025年未编列党建工作经费预算（应不少于700.00元：教职工党员2人×300.00元、学生党员1人×100.00元）',
        'no Party-work budget for 2025 (at least 700.00 yuan: 2 staff members × 300.00, 1 student members × 100.00)',
      ],
    ]);
    await budget(tenantId, c.id, 50000);
    expect((await summary(tenantId, 'FUND-01')).map((f) => f[3])).toEqual([
      '2025年党建工作经费预算500.00元，低于标准700.00元（教职工党员2人×300.00元、学生党员1人×100.00元）',
    ]);
    await database.db.update(fundBudgets).set({ amount: 70000 });
    expect(await summary(tenantId, 'FUND-01')).toEqual([]);
  });
});

describe('FUND-02 each college receives its allocation and records its expenses', () => {
  it('fails without allocation, with a short allocation and no expense, and passes when both are done', async () => {
    const { tenantId, college: c, branch } = await college();
    await budget(tenantId, c.id, 70000);
    expect((await summary(tenantId, 'FUND-02')).map((f) => [f[0], f[1], f[3], f[4]])).toEqual([
      ['breach', c.code, '2025年未拨付党建工作经费', '2025: no Party-work funds allocated'],
    ]);
    await allocate(tenantId, c.id, 50000);
    expect((await summary(tenantId, 'FUND-02')).map((f) => f[3])).toEqual([
      '2025年党建工作经费仅拨付500.00元（预算700.00元），未登记经费支出',
    ]);
    await allocate(tenantId, c.id, 20000);
    // An expense recorded by a branch of the college counts for the college.
    await spend(tenantId, branch.id, 12000);
    expect(await summary(tenantId, 'FUND-02')).toEqual([]);
  });
});
