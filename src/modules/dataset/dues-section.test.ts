/** The dues section of the dataset: round trip, and every malformed record reported with nothing written. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { duesPayments } from '../../db/schema.ts';
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

function withDues(code: string) {
  const document = sampleDataset(code);
  document.university.parameters = document.university.parameters.slice(0, 1);
  document.dues = {
    bases: [
      { person: 'T0001', from: '2021-01', category: 'staff', base: 650000, verifiedOn: '2021-01-08' },
      { person: 'T0001', from: '2022-01', category: 'staff', base: 1200000, verifiedOn: null, note: '调资' },
      { person: 'T0002', from: '2021-01', category: 'retired', base: 500000 },
    ],
    payments: [
      { person: 'T0001', month: '2021-03', amount: 9750, paidOn: '2021-03-10', method: 'payroll' },
      { person: 'T0001', month: '2021-02', amount: 9750, paidOn: '2021-02-10' },
      { person: 'T0002', month: '2021-03', amount: 2500, paidOn: '2021-04-02', method: 'cash', note: '补交' },
    ],
    reasons: [{ person: 'T0002', from: '2021-06', to: '2021-12', reason: '病休' }],
    returns: [{ org: 'c-mech', year: 2021, amount: 60000, on: '2022-01-15' }],
  };
  return document;
}

describe('dataset: dues', () => {
  it('export → import into an empty database → export gives the identical document', async () => {
    const first = await load(source.db, withDues('dues-1'));
    expect(first.counts).toMatchObject({ duesBases: 3, duesPayments: 3, duesReasons: 1, duesReturns: 1 });
    const exported = await exportDatasetSnapshot(source.db, { tenantId: first.tenantId });
    expect(exported.dues?.payments).toEqual([
      { person: 'T0001', month: '2021-02', amount: 9750, paidOn: '2021-02-10', method: 'transfer', note: null },
      { person: 'T0001', month: '2021-03', amount: 9750, paidOn: '2021-03-10', method: 'payroll', note: null },
      { person: 'T0002', month: '2021-03', amount: 2500, paidOn: '2021-04-02', method: 'cash', note: '补交' },
    ]);
    expect(exported.dues?.bases.map((b) => [b.person, b.from, b.base])).toEqual([
      ['T0001', '2021-01', 650000],
      ['T0001', '2022-01', 1200000],
      ['T0002', '2021-01', 500000],
    ]);
    const target = await createTestDatabase();
    try {
      const { tenantId } = await load(target.db, JSON.parse(JSON.stringify(exported)));
      const again = await exportDatasetSnapshot(target.db, { tenantId });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await target.close();
    }
  });

  it('reports negative amounts, a base without a month, unknown codes and duplicates; nothing written', async () => {
    const document = withDues('dues-bad');
    const dues = document.dues as Record<string, Record<string, unknown>[]>;
    dues.bases.push(
      { person: 'T0002', category: 'staff', base: 300000 },
      { person: 'X9', from: '2021-01', category: 'staff', base: 1 },
    );
    dues.payments.push(
      { person: 'T0001', month: '2021-03', amount: 9750, paidOn: '2021-03-11' },
      { person: 'T0002', month: '2021-05', amount: -20, paidOn: '2021-05-11' },
    );
    dues.reasons.push({ person: 'T0001', from: '2021-06', to: '2021-01', reason: '出国' });
    dues.returns.push({ org: 'nope', year: 2021, amount: 1, on: '2022-01-15' });
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual([
      '/dues/bases/3/from',
      '/dues/bases/4/person',
      '/dues/payments/3/month',
      '/dues/payments/4/amount',
      '/dues/reasons/1/to',
      '/dues/returns/1/org',
    ]);
    const before = (await source.db.select({ n: count() }).from(duesPayments))[0].n;
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await source.db.select({ n: count() }).from(duesPayments))[0].n).toBe(before);
  });
});
