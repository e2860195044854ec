/** The ratings section of the dataset: round trip, and malformed ratings reported with nothing written. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
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

const items = [
  {
    key: 'LIFE',
    score: 22.5,
    source: 'computed',
    applicable: true,
    detail: 'rules 15, branches 1, breached 1, warned 1',
  },
  { key: 'DEV', score: null, source: 'computed', applicable: false, detail: null },
  { key: 'EDU', score: 15, source: 'computed', applicable: true, detail: null },
  { key: 'DUES', score: 10, source: 'computed', applicable: true, detail: null },
  { key: 'role', score: 12, source: 'manual', applicable: true, detail: null },
  { key: 'masses', score: 8, source: 'manual', applicable: true, detail: null },
  { key: 'review', score: 9.1, source: 'review', applicable: true, detail: 'review 91' },
];

function withRatings(code: string) {
  const document = sampleDataset(code);
  document.university.parameters = document.university.parameters.slice(0, 1);
  document.ratings = [
    {
      org: 'b-mech-t1',
      year: 2021,
      items,
      score: 91,
      adjustment: -3,
      adjustmentReason: '年内一次组织生活未按期召开',
      adjustedBy: '组织部 张三',
      grade: 'good',
      ratedOn: '2022-01-20',
      ratedBy: '机电学院党总支',
    },
    { org: 'c-mech', year: 2021, items: items.slice(0, 4), score: null },
  ];
  return document;
}

describe('dataset: ratings', () => {
  it('export → import into an empty database → export gives the identical document', async () => {
    const first = await load(source.db, withRatings('ratings-1'));
    expect(first.counts).toMatchObject({ ratings: 2 });
    const exported = await exportDatasetSnapshot(source.db, { tenantId: first.tenantId });
    expect(exported.ratings).toEqual([
      {
        org: 'b-mech-t1',
        year: 2021,
        items,
        score: 91,
        adjustment: -3,
        adjustmentReason: '年内一次组织生活未按期召开',
        adjustedBy: '组织部 张三',
        grade: 'good',
        ratedOn: '2022-01-20',
        ratedBy: '机电学院党总支',
      },
      {
        org: 'c-mech',
        year: 2021,
        items: items.slice(0, 4),
        score: null,
        adjustment: 0,
        adjustmentReason: null,
        adjustedBy: null,
        grade: null,
        ratedOn: null,
        ratedBy: null,
      },
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

  it('refuses a grade without a score, an unknown org, a group, a duplicate and an unexplained adjustment; nothing written', async () => {
    const document = withRatings('ratings-bad');
    const list = document.ratings as Record<string, unknown>[];
    list.push(
      { org: 'b-joint', year: 2021, grade: 'fair' },
      { org: 'nope', year: 2021, score: 70 },
      { org: 'g-mech-t1-1', year: 2021, score: 70 },
      { org: 'b-mech-t1', year: 2021, score: 70 },
      { org: 'b-direct', year: 2021, score: 70, adjustment: 5 },
      { org: 'b-temp', year: 2021, score: 70, grade: 'superb' },
    );
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual([
      '/ratings/2/score',
      '/ratings/3/org',
      '/ratings/4/org',
      '/ratings/5/year',
      '/ratings/6/adjustmentReason',
      '/ratings/7/grade',
    ]);
    const before = (await source.db.select({ n: count() }).from(ratings))[0].n;
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await source.db.select({ n: count() }).from(ratings))[0].n).toBe(before);
  });
});
