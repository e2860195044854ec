import { describe, expect, it } from 'vitest';
import {
  adjustedScore,
  buildRatingItems,
  gradeFor,
  movementOf,
  rubricScore,
  shareMet,
  unscoredItems,
  withReviewScore,
} from './rating-rubric.ts';
import { finalReviewScore, reviewGradeFor } from './secretary-review.ts';

const checks = (rules: number, breachedChecks = 0, warnedChecks = 0, branches = 1) => ({
  rules,
  branches,
  breachedChecks,
  warnedChecks,
});

describe('shareMet', () => {
  it('fails a check per breach and half a check per warning, over branches × rules', () => {
    expect(shareMet(checks(10))).toBe(1);
    expect(shareMet(checks(10, 2, 2))).toBeCloseTo(0.7);
    expect(shareMet(checks(5, 3, 0, 4))).toBeCloseTo(17 / 20);
    expect(shareMet(checks(2, 5, 5))).toBe(0);
  });
});

describe('buildRatingItems and rubricScore', () => {
  it('scores engine items by the share met, keeps manual scores and scales a published review', () => {
    const items = buildRatingItems({
      checks: { LIFE: checks(10, 2, 2), DEV: checks(4), EDU: checks(4, 1), DUES: checks(2, 0, 1) },
      manual: { role: 12, masses: 8 },
      reviewScore: 85,
    });
    expect(items.map((i) => [i.key, i.score, i.source])).toEqual([
      ['LIFE', 17.5, 'computed'],
      ['DEV', 15, 'computed'],
      ['EDU', 11.3, 'computed'],
      ['DUES', 7.5, 'computed'],
      ['role', 12, 'manual'],
      ['masses', 8, 'manual'],
      ['review', 8.5, 'review'],
    ]);
    // 17.5 + 15 + 11.3 + 7.5 + 12 + 8 + 8.5 = 79.8 of 100
    expect(rubricScore(items)).toBe(80);
    expect(gradeFor(80)).toBe('good');
  });

  it('leaves a family without adopted rules out of the total', () => {
    const items = buildRatingItems({
      checks: { LIFE: checks(10), EDU: checks(4), DUES: checks(2) },
      manual: { role: 15, masses: 10, review: 10 },
      reviewScore: null,
    });
    expect(items.find((i) => i.key === 'DEV')).toMatchObject({ applicable: false, score: null });
    expect(rubricScore(items)).toBe(100);
  });

  it('has no score while a manual item is unscored', () => {
    const items = buildRatingItems({ checks: { LIFE: checks(1) }, manual: { role: 10 }, reviewScore: null });
    expect(rubricScore(items)).toBeNull();
    expect(unscoredItems(items).map((i) => i.key)).toEqual(['masses', 'review']);
  });
});

describe('grades, adjustment and movement', () => {
  it('grades at the thresholds', () => {
    expect([90, 89, 75, 74, 60, 59].map(gradeFor)).toEqual(['advanced', 'good', 'good', 'fair', 'fair', 'lagging']);
  });
  it('clamps the adjusted score to 0–100', () => {
    expect(adjustedScore(95, 10)).toBe(100);
    expect(adjustedScore(5, -10)).toBe(0);
    expect(adjustedScore(70, 6)).toBe(76);
  });
  it('compares with last year', () => {
    expect(movementOf('good', 'fair')).toBe('promoted');
    expect(movementOf('fair', 'advanced')).toBe('demoted');
    expect(movementOf('good', 'good')).toBe('same');
    expect(movementOf('good', null)).toBe('new');
    expect(movementOf(null, 'good')).toBeNull();
  });
});

describe('secretary review grading', () => {
  it('averages the reviewers and grades the mean', () => {
    expect(finalReviewScore([])).toBeNull();
    expect(finalReviewScore([90, 85, 80])).toBe(85);
    expect([90, 80, 79, 60, 59].map(reviewGradeFor)).toEqual(['excellent', 'good', 'fair', 'fair', 'poor']);
  });
});

describe('withReviewScore', () => {
  it('replaces a hand-entered review item by the published review', () => {
    const items = buildRatingItems({ checks: {}, manual: { role: 15, masses: 10, review: 2 }, reviewScore: null });
    const after = withReviewScore(items, 70);
    expect(after.find((i) => i.key === 'review')).toMatchObject({ score: 7, source: 'review', detail: 'review 70' });
    expect(rubricScore(after)).toBe(Math.round((100 * 32) / 35));
  });
});
