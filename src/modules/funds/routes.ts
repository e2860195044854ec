import { z } from 'zod';
import type { App, AppContext } from '../../server/context.ts';
import { requireActor, todayInShanghai } from '../../server/context.ts';
import { sendWorkbook } from '../../server/excel.ts';
import { idParams } from '../../server/zod.ts';
import { viewRoot } from '../training/scope-root.ts';
import { addAllocation } from './add-allocation.ts';
import { loadLedger } from './load-ledger.ts';
import { loadOverview } from './load-overview.ts';
import { buildOverviewSheet } from './overview-sheet.ts';
import { recordExpense, updateExpense } from './record-expense.ts';
import { saveBudget } from './save-budget.ts';
import {
  addAllocationBody,
  allocationView,
  budgetView,
  expenseView,
  ledgerResponse,
  overviewQuery,
  overviewResponse,
  recordExpenseBody,
  saveBudgetBody,
  updateExpenseBody,
} from './schema.ts';

const tags = ['funds'];

const presentExpense = (
  e: {
    id: string;
    orgId: string;
    spentOn: string;
    amount: number;
    category: string;
    description: string;
    version: number;
  },
  orgName = '',
) => ({
  ...e,
  orgName,
});

export default async function fundRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const today = () => todayInShanghai(ctx.now());
  const thisYear = () => Number(today().slice(0, 4));

  const overview = async (actor: ReturnType<typeof requireActor>, query: z.infer<typeof overviewQuery>) => {
    const year = query.year ?? thisYear();
    const root = await viewRoot(db, actor, query.orgId);
    const items = await db.transaction((tx) => loadOverview(tx, { actor, root, year }));
    return { year, root, items };
  };

  app.get(
    '/funds/overview',
    {
      schema: {
        tags,
        summary: '党建工作经费：预算与支出 Budget against spending per college-level organization',
        querystring: overviewQuery,
        response: { 200: overviewResponse },
      },
    },
    async (req) => {
      const { year, items } = await overview(requireActor(req), req.query);
      const sum = (f: (r: (typeof items)[number]) => number) => items.reduce((s, r) => s + f(r), 0);
      return {
        year,
        items,
        totals: {
          minimum: sum((r) => r.minimum),
          budget: sum((r) => r.budget ?? 0),
          allocated: sum((r) => r.allocated),
          spent: sum((r) => r.spent),
        },
      };
    },
  );

  app.get(
    '/funds/overview/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出经费预算与支出（Excel） Budget against spending as Excel',
        querystring: overviewQuery,
      },
    },
    async (req, reply) => {
      const { year, root, items } = await overview(requireActor(req), req.query);
      return sendWorkbook(reply, `${root.name}${year}年党建工作经费.xlsx`, await buildOverviewSheet(year, items));
    },
  );

  app.get(
    '/funds/orgs/:id/ledger',
    {
      schema: {
        tags,
        summary: '某二级党组织的经费台账 An org’s budget, allocations and expenses',
        params: idParams,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: ledgerResponse },
      },
    },
    async (req) =>
      loadLedger(db, { actor: requireActor(req), orgId: req.params.id, year: req.query.year ?? thisYear() }),
  );

  app.put(
    '/funds/budgets',
    {
      schema: {
        tags,
        summary: '编列年度预算（学校组织部） Set a college-level budget for a year',
        body: saveBudgetBody,
        response: { 200: budgetView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const b = await db.transaction((tx) => saveBudget(tx, { input: req.body, actor }));
      return { id: b.id, orgId: b.orgId, year: b.year, amount: b.amount, note: b.note, version: b.version };
    },
  );

  app.post(
    '/funds/allocations',
    {
      schema: {
        tags,
        summary: '登记经费拨付 Record an allocation',
        body: addAllocationBody,
        response: { 200: allocationView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const a = await db.transaction((tx) => addAllocation(tx, { input: req.body, actor }));
      return { id: a.id, orgId: a.orgId, year: a.year, allocatedOn: a.allocatedOn, amount: a.amount, note: a.note };
    },
  );

  app.post(
    '/funds/expenses',
    {
      schema: {
        tags,
        summary: '登记经费支出 Record an expense',
        body: recordExpenseBody,
        response: { 200: expenseView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const e = await db.transaction((tx) => recordExpense(tx, { input: req.body, today: today(), actor }));
      return presentExpense(e);
    },
  );

  app.put(
    '/funds/expenses/:id',
    {
      schema: {
        tags,
        summary: '更正经费支出（版本不符为409） Correct an expense (409 on a stale version)',
        params: idParams,
        body: updateExpenseBody,
        response: { 200: expenseView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const e = await db.transaction((tx) =>
        updateExpense(tx, { id: req.params.id, input: req.body, today: today(), actor }),
      );
      return presentExpense(e);
    },
  );
}
