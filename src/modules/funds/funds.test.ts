/** The funds endpoints: budgets, allocations, expenses, the overview and the ledger. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, fundAllocations, fundBudgets, fundExpenses } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-03-15T04:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1] = await Promise.all(
    ['orgadmin-a', 'orgadmin-b', 'college-a1', 'college-a2', 'secretary-a1'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const counts = async () => ({
  budgets: (await server.db.select({ n: count() }).from(fundBudgets))[0].n,
  allocations: (await server.db.select({ n: count() }).from(fundAllocations))[0].n,
  expenses: (await server.db.select({ n: count() }).from(fundExpenses))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

let budget: { id: string; version: number };

describe('PUT /funds/budgets', () => {
  it('creates a budget, changes it at the version read, and is a 409 on a stale one', async () => {
    const before = await counts();
    const res = await orgAdminA.put('/api/v1/funds/budgets', { orgId: world.collegeA1.id, year: 2026, amount: 60000 });
    expect(res.statusCode).toBe(200);
    budget = res.json();
    const changed = await orgAdminA.put('/api/v1/funds/budgets', {
      orgId: world.collegeA1.id,
      year: 2026,
      amount: 80000,
      version: budget.version,
    });
    expect(changed.json()).toMatchObject({ amount: 80000, version: budget.version + 1 });
    const staleRes = await orgAdminA.put('/api/v1/funds/budgets', {
      orgId: world.collegeA1.id,
      year: 2026,
      amount: 90000,
      version: budget.version,
    });
    expect(staleRes.statusCode).toBe(409);
    expect(await counts()).toEqual({ ...before, budgets: before.budgets + 1, audit: before.audit + 2 });
  });

  it('refuses a negative amount naming the field, a branch, and a college admin; another university gets a 404', async () => {
    const before = await counts();
    const negative = await orgAdminA.put('/api/v1/funds/budgets', {
      orgId: world.collegeA2.id,
      year: 2026,
      amount: -5,
    });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().error.details)).toContain('amount');
    const branch = await orgAdminA.put('/api/v1/funds/budgets', { orgId: world.branchA1.id, year: 2026, amount: 100 });
    expect(fieldsOf(branch)).toEqual(['orgId']);
    expect(
      (await collegeA1.put('/api/v1/funds/budgets', { orgId: world.collegeA1.id, year: 2026, amount: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await orgAdminB.put('/api/v1/funds/budgets', { orgId: world.collegeA1.id, year: 2026, amount: 1 })).statusCode,
    ).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('POST /funds/allocations and /funds/expenses', () => {
  it('records an allocation and expenses of the college and of a branch below it', async () => {
    const allocation = await orgAdminA.post('/api/v1/funds/allocations', {
      orgId: world.collegeA1.id,
      year: 2026,
      allocatedOn: '2026-03-01',
      amount: 50000,
    });
    expect(allocation.statusCode).toBe(200);
    const expense = await collegeA1.post('/api/v1/funds/expenses', {
      orgId: world.collegeA1.id,
      spentOn: '2026-03-05',
      amount: 12050,
      category: 'activities',
      description: '主题党日活动用车',
    });
    expect(expense.statusCode).toBe(200);
    const byBranch = await secretaryA1.post('/api/v1/funds/expenses', {
      orgId: world.branchA1.id,
      spentOn: '2026-03-06',
      amount: 3000,
      category: 'materials',
      description: '学习资料',
    });
    expect(byBranch.statusCode).toBe(200);
    const fixed = await collegeA1.put(`/api/v1/funds/expenses/${expense.json().id}`, { version: 1, amount: 12000 });
    expect(fixed.json()).toMatchObject({ amount: 12000, version: 2 });
    expect(
      (await collegeA1.put(`/api/v1/funds/expenses/${expense.json().id}`, { version: 1, amount: 1 })).statusCode,
    ).toBe(409);
  });

  it('refuses negative amounts and future days writing nothing; other colleges and universities get a 404', async () => {
    const before = await counts();
    const expense = {
      orgId: world.collegeA1.id,
      spentOn: '2026-03-05',
      amount: 100,
      category: 'activities',
      description: '活动',
    };
    const negative = await collegeA1.post('/api/v1/funds/expenses', { ...expense, amount: -100 });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().error.details)).toContain('amount');
    expect(fieldsOf(await collegeA1.post('/api/v1/funds/expenses', { ...expense, spentOn: '2026-04-01' }))).toEqual([
      'spentOn',
    ]);
    const negativeAllocation = await orgAdminA.post('/api/v1/funds/allocations', {
      orgId: world.collegeA1.id,
      year: 2026,
      allocatedOn: '2026-03-01',
      amount: -1,
    });
    expect(negativeAllocation.statusCode).toBe(400);
    expect((await collegeA2.post('/api/v1/funds/expenses', expense)).statusCode).toBe(404);
    expect((await orgAdminB.post('/api/v1/funds/expenses', expense)).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe('GET /funds/overview and the ledger', () => {
  it('shows budget against spending per college, with the FUND-01 floor, and exports it', async () => {
    const res = await orgAdminA.get('/api/v1/funds/overview?year=2026');
    expect(res.statusCode).toBe(200);
    const a1 = res.json().items.find((r: { orgId: string }) => r.orgId === world.collegeA1.id);
    // College A1 has 李娜 and the secretary (staff) and 刘洋 (student): 2 × 300 + 1 × 100 元.
    expect(a1).toMatchObject({
      staffMembers: 2,
      studentMembers: 1,
      minimum: 70000,
      budget: 80000,
      allocated: 50000,
      spent: 15000,
      expenses: 2,
      balance: 35000,
    });
    expect(
      res
        .json()
        .items.map((r: { orgCode: string }) => r.orgCode)
        .sort(),
    ).toEqual(['c-a1', 'c-a2']);
    const exported = await orgAdminA.get('/api/v1/funds/overview/export.xlsx?year=2026');
    expect(exported.statusCode).toBe(200);
    const ledger = await collegeA1.get(`/api/v1/funds/orgs/${world.collegeA1.id}/ledger?year=2026`);
    expect(ledger.json().expenses.map((e: { amount: number }) => e.amount)).toEqual([12000, 3000]);
    expect(ledger.json().budget.amount).toBe(80000);
  });

  it('hides other colleges and universities', async () => {
    expect(
      (await collegeA2.get('/api/v1/funds/overview?year=2026')).json().items.map((r: { orgCode: string }) => r.orgCode),
    ).toEqual(['c-a2']);
    expect((await collegeA2.get(`/api/v1/funds/orgs/${world.collegeA1.id}/ledger`)).statusCode).toBe(404);
    expect((await orgAdminB.get(`/api/v1/funds/overview?orgId=${world.collegeA1.id}`)).statusCode).toBe(404);
    expect((await orgAdminB.get('/api/v1/funds/overview?year=2026')).json().items).toEqual([
      expect.objectContaining({ orgCode: 'c-b1' }),
    ]);
  });
});
