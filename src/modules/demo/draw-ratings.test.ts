/** Last year's demo ratings and reviews: every college and branch rated, every secretary reviewed, plans for fair and lagging, ASSESS-01/02 met. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connect.ts';
import { adjustedScore, gradeFor } from '../../domain/evaluation/rating-rubric.ts';
import { systemActor } from '../../server/audit.ts';
import { importDataset } from '../dataset/import-dataset.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const document = generateDemoDataset({ asOf });
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('demo ratings', () => {
  it('rates every college and branch that existed at the end of last year, by the rubric', () => {
    const rated = new Set((document.ratings ?? []).map((r) => r.org));
    const expected = (document.orgs ?? [])
      .filter((o) => (o.kind === 'college' || o.kind === 'branch') && (o.validFrom ?? '') <= '2025-12-31')
      .map((o) => o.code);
    expect([...rated].sort()).toEqual([...expected].sort());
    for (const r of document.ratings ?? []) {
      expect(r.year).toBe(2025);
      expect(r.grade).toBe(gradeFor(adjustedScore(r.score as number, r.adjustment ?? 0)));
      if (r.adjustment) expect(r.adjustmentReason).toBeTruthy();
    }
    const grades = (document.ratings ?? []).map((r) => r.grade);
    expect(grades).toContain('lagging');
    const planned = new Set((document.rectifications ?? []).filter((x) => x.source === 'rating').map((x) => x.org));
    const weak = (document.ratings ?? []).filter((r) => r.grade === 'fair' || r.grade === 'lagging').map((r) => r.org);
    expect([...planned].sort()).toEqual([...weak].sort());
  });

  it('reviews every secretary at last year’s end, and the rating’s review item is the published result', () => {
    const reviews = (document.secretaryReviews ?? []).flatMap((r) => r.reviews ?? []);
    expect(reviews.length).toBeGreaterThan(10);
    for (const r of document.ratings ?? []) {
      const review = reviews.find((v) => v.org === r.org);
      const item = (r.items ?? []).find((i) => i.key === 'review');
      if (review) expect(item).toMatchObject({ source: 'review', score: Math.round(review.finalScore as number) / 10 });
      else expect(item?.source).toBe('manual');
    }
  });

  it('imports, and ASSESS-01 and ASSESS-02 find nothing for last year', async () => {
    const { tenantId } = await database.db.transaction((tx) =>
      importDataset(tx, { document, actor: systemActor('test'), oversightBodyId: null }),
    );
    const findings = await findingsFor(database.db, {
      tenantId,
      asOf,
      from: '2025-01-01',
      to: '2025-12-31',
      rules: ['ASSESS-01', 'ASSESS-02'],
      standardSets: ['zjjm-2012-year', 'hbzy-2019-3s3n'],
    });
    expect(findings).toEqual([]);
  });
});
