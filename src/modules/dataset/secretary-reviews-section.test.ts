/** The secretaryReviews section of the dataset: round trip, and malformed rounds reported with nothing written. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { secretaryReviewRounds } from '../../db/schema.ts';
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

const rounds = [
  {
    org: null,
    year: 2021,
    level: 'college',
    title: '2021年度二级党组织书记抓基层党建述职评议考核',
    status: 'published',
    publishedOn: '2022-01-12',
    reviews: [
      {
        org: 'b-direct',
        person: 'T0002',
        report: '一年来……',
        reportedOn: '2022-01-05',
        finalScore: 87,
        grade: 'good',
        scores: [
          { reviewer: 'orgadmin', name: '组织部 周明', score: 90, comment: null },
          { reviewer: 'party-secretary', name: '党委书记', score: 84, comment: '材料翔实' },
        ],
      },
    ],
  },
  {
    org: 'c-mech',
    year: 2021,
    level: 'branch',
    title: '2021年度党支部书记述职评议',
    status: 'open',
    publishedOn: null,
    reviews: [
      { org: 'b-mech-t1', person: 'T0001', report: null, reportedOn: null, finalScore: null, grade: null, scores: [] },
    ],
  },
];

function withReviews(code: string) {
  const document = sampleDataset(code);
  document.university.parameters = document.university.parameters.slice(0, 1);
  document.secretaryReviews = JSON.parse(JSON.stringify(rounds));
  return document;
}

describe('dataset: secretaryReviews', () => {
  it('export → import into an empty database → export gives the identical document', async () => {
    const first = await load(source.db, withReviews('reviews-1'));
    expect(first.counts).toMatchObject({ secretaryReviewRounds: 2, secretaryReviews: 2, secretaryReviewScores: 2 });
    const exported = await exportDatasetSnapshot(source.db, { tenantId: first.tenantId });
    expect(exported.secretaryReviews).toEqual(rounds);
    const target = await createTestDatabase();
    try {
      const { tenantId } = await load(target.db, JSON.parse(JSON.stringify(exported)));
      const again = await exportDatasetSnapshot(target.db, { tenantId });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await target.close();
    }
  });

  it('refuses unknown codes, a second round, a reviewer twice and a published review without its result', async () => {
    const document = withReviews('reviews-bad');
    const list = document.secretaryReviews as { reviews: Record<string, unknown>[] }[];
    list[0].reviews.push(
      { org: 'nope', person: 'X1', finalScore: 80, grade: 'good' },
      {
        org: 'c-mech',
        person: 'T0001',
        scores: [
          { reviewer: 'a', name: 'A', score: 80 },
          { reviewer: 'a', name: 'A', score: 81 },
        ],
      },
    );
    list.push({ org: 'c-mech', year: 2021, level: 'branch', title: '重复', reviews: [] } as never);
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual([
      '/secretaryReviews/0/reviews/1/org',
      '/secretaryReviews/0/reviews/1/person',
      '/secretaryReviews/0/reviews/2/finalScore',
      '/secretaryReviews/0/reviews/2/scores/1/reviewer',
      '/secretaryReviews/2/level',
    ]);
    const before = (await source.db.select({ n: count() }).from(secretaryReviewRounds))[0].n;
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await source.db.select({ n: count() }).from(secretaryReviewRounds))[0].n).toBe(before);
  });
});
