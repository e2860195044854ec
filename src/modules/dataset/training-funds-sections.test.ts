/** The training and funds sections of the dataset: round trip, and every malformed record reported. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { fundBudgets, trainingCredits } from '../../db/schema.ts';
import { systemActor } from '../../server/audit.ts';
import { exportDatasetSnapshot } from './export-dataset.ts';
import { importDataset } from './import-dataset.ts';
import { validateDataset } from './validate-dataset.ts';

const actor = systemActor('test');
let source: Database;
beforeAll(async () => {
  source = await createTestDatabase();
});
afterAll(() => source.close());

const load = (db: Db, document: unknown) => db.transaction((tx) => importDataset(tx, { document, actor }));

function withSections(code: string) {
  const document = sampleDataset(code);
  // The fixture's second override carries a note the rule no longer accepts; not this test's subject.
  document.university.parameters = document.university.parameters.slice(0, 1);
  document.trainingSessions = [
    {
      code: 'TS-2021-0001',
      org: code,
      kind: 'rotation',
      audience: 'secretaries',
      title: '党支部书记轮训班',
      startsOn: '2021-05-10',
      endsOn: '2021-05-12',
      hours: 24,
      place: '党校报告厅',
    },
  ];
  document.training = [
    {
      person: 'T0001',
      on: '2021-05-12',
      hours: 24,
      kind: 'rotation',
      title: '党支部书记轮训班',
      session: 'TS-2021-0001',
    },
    { person: 'T0001', on: '2021-06-01', hours: 2.5, kind: 'online', title: '网上党校专题' },
    { person: 'T0002', on: '2021-06-01', hours: 1.5, kind: 'online', title: '网上党校专题' },
  ];
  document.funds = {
    budgets: [{ org: 'c-mech', year: 2021, amount: 1200000, note: '按标准编列' }],
    allocations: [{ org: 'c-mech', year: 2021, on: '2021-03-01', amount: 600000 }],
    expenses: [
      { org: 'b-mech-t1', on: '2021-04-01', amount: 35050, category: 'activities', description: '主题党日活动' },
      { org: 'c-mech', on: '2021-05-01', amount: 12000, category: 'materials', description: '学习资料' },
    ],
  };
  return document;
}

describe('dataset: training and funds', () => {
  it('export → import into an empty database → export gives the identical document', async () => {
    const first = await load(source.db, withSections('tf-1'));
    expect(first.counts).toMatchObject({
      trainingSessions: 1,
      trainingCredits: 3,
      fundBudgets: 1,
      fundAllocations: 1,
      fundExpenses: 2,
    });
    const exported = await exportDatasetSnapshot(source.db, { tenantId: first.tenantId });
    expect(exported.training).toEqual([
      {
        person: 'T0001',
        on: '2021-05-12',
        hours: 24,
        kind: 'rotation',
        title: '党支部书记轮训班',
        session: 'TS-2021-0001',
      },
      { person: 'T0001', on: '2021-06-01', hours: 2.5, kind: 'online', title: '网上党校专题', session: null },
      { person: 'T0002', on: '2021-06-01', hours: 1.5, kind: 'online', title: '网上党校专题', session: null },
    ]);
    expect(exported.funds?.expenses.map((e) => e.amount)).toEqual([35050, 12000]);
    const target = await createTestDatabase();
    try {
      const { tenantId } = await load(target.db, JSON.parse(JSON.stringify(exported)));
      const again = await exportDatasetSnapshot(target.db, { tenantId });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await target.close();
    }
  });

  it('reports negative hours and amounts, unknown codes, a branch budget and duplicates; nothing written', async () => {
    const document = withSections('tf-bad');
    (document.training as Record<string, unknown>[]).push(
      { person: 'X0001', on: '2021-06-01', hours: -2, kind: 'online', title: '学习' },
      { person: 'T0001', on: '2021-05-12', hours: 24, kind: 'rotation', title: '轮训', session: 'TS-2021-0001' },
      { person: 'T0002', on: '2021-05-12', hours: 24, kind: 'rotation', title: '轮训', session: 'NOPE' },
    );
    const funds = document.funds as Record<string, Record<string, unknown>[]>;
    funds.budgets.push({ org: 'b-mech-t1', year: 2021, amount: 100 }, { org: 'c-mech', year: 2021, amount: 5 });
    funds.expenses.push({ org: 'c-mech', on: '2021-05-01', amount: -300, category: 'activities', description: '退款' });
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual([
      '/training/3/hours',
      '/training/3/person',
      '/training/4/person',
      '/training/5/session',
      '/funds/budgets/1/org',
      '/funds/budgets/2/year',
      '/funds/expenses/2/amount',
    ]);
    const credits = (await source.db.select({ n: count() }).from(trainingCredits))[0].n;
    const budgets = (await source.db.select({ n: count() }).from(fundBudgets))[0].n;
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await source.db.select({ n: count() }).from(trainingCredits))[0].n).toBe(credits);
    expect((await source.db.select({ n: count() }).from(fundBudgets))[0].n).toBe(budgets);
  });
});
