/**
 * The rubric of the yearly rating (分类定级, 004 三.2): four items drawn from the compliance
 * engine (organizational life, development, training, dues — the share of the subtree's checks of
 * that family met in the year), two items a superior scores by hand (作用发挥, 群众评议) and the
 * secretary's review (述职评议). The score is the points earned over the points of the applicable
 * items, 0–100; the grade follows from the score after any adjustment. Pure: no I/O, no clock.
 */

export const ratingGrades = ['advanced', 'good', 'fair', 'lagging'] as const;
export type RatingGrade = (typeof ratingGrades)[number];

export const gradeLabels: Record<RatingGrade, { zh: string; en: string }> = {
  advanced: { zh: '先进', en: 'advanced' },
  good: { zh: '较好', en: 'good' },
  fair: { zh: '一般', en: 'fair' },
  lagging: { zh: '后进', en: 'lagging' },
};

/** Lowest adjusted score of each grade; below the last one is lagging. */
export const gradeThresholds = { advanced: 90, good: 75, fair: 60 } as const;

/** How far a superior may move the computed score by hand (with a reason). */
export const maxAdjustment = 15;

export const engineFamilies = ['LIFE', 'DEV', 'EDU', 'DUES'] as const;
export type EngineFamily = (typeof engineFamilies)[number];

export type ItemSource = 'computed' | 'manual' | 'review';

type ItemSpec = { key: string; max: number; kind: 'engine' | 'manual' | 'review'; label: { zh: string; en: string } };

/** The items in order; the points add up to 100. */
export const ratingItemSpecs: ItemSpec[] = [
  { key: 'LIFE', max: 25, kind: 'engine', label: { zh: '组织生活', en: 'organizational life' } },
  { key: 'DEV', max: 15, kind: 'engine', label: { zh: '发展党员', en: 'member development' } },
  { key: 'EDU', max: 15, kind: 'engine', label: { zh: '教育培训', en: 'training' } },
  { key: 'DUES', max: 10, kind: 'engine', label: { zh: '党费收缴', en: 'dues' } },
  { key: 'role', max: 15, kind: 'manual', label: { zh: '作用发挥', en: 'role played' } },
  { key: 'masses', max: 10, kind: 'manual', label: { zh: '群众评议', en: 'opinion of the masses' } },
  { key: 'review', max: 10, kind: 'review', label: { zh: '书记述职评议', en: "secretary's review" } },
];
export const manualItemKeys = ['role', 'masses', 'review'] as const;

export type RatingItem = {
  key: string;
  max: number;
  /** Points earned, or null while not yet scored. */
  score: number | null;
  source: ItemSource;
  /** False when nothing can be measured (no adopted rule of the family): left out of the total. */
  applicable: boolean;
  /** What the score came from, e.g. `checks 12, breached 1, warned 2` or a review's score. */
  detail: string | null;
};

/** The checks of one family in the org's subtree for the year, counted as `score.ts` counts them. */
export type FamilyChecks = { rules: number; branches: number; breachedChecks: number; warnedChecks: number };

/** Share of checks met, 0–1: an open breach fails a check, a check with only warnings counts half. */
export function shareMet(c: FamilyChecks): number {
  const checks = Math.max(1, c.branches) * c.rules;
  if (checks === 0) return 1;
  const failed = Math.min(checks, c.breachedChecks + 0.5 * c.warnedChecks);
  return 1 - failed / checks;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The items of a rating: engine items from the family checks, manual items from the scores entered
 * (kept across recomputations), the review item from the published review score (0–100) when there is
 * one, else from a score entered by hand.
 */
export function buildRatingItems(input: {
  checks: Partial<Record<EngineFamily, FamilyChecks>>;
  manual: Partial<Record<string, number | null>>;
  reviewScore: number | null;
}): RatingItem[] {
  return ratingItemSpecs.map((spec) => {
    if (spec.kind === 'engine') {
      const c = input.checks[spec.key as EngineFamily];
      if (!c || c.rules === 0)
        return { key: spec.key, max: spec.max, score: null, source: 'computed', applicable: false, detail: null };
      return {
        key: spec.key,
        max: spec.max,
        score: round1(spec.max * shareMet(c)),
        source: 'computed',
        applicable: true,
        detail: `rules ${c.rules}, branches ${c.branches}, breached ${c.breachedChecks}, warned ${c.warnedChecks}`,
      };
    }
    if (spec.kind === 'review' && input.reviewScore !== null)
      return {
        key: spec.key,
        max: spec.max,
        score: round1((spec.max * input.reviewScore) / 100),
        source: 'review',
        applicable: true,
        detail: `review ${input.reviewScore}`,
      };
    const entered = input.manual[spec.key];
    return {
      key: spec.key,
      max: spec.max,
      score: entered ?? null,
      source: 'manual',
      applicable: true,
      detail: null,
    };
  });
}

/** The items with the review item taken from a published review score (0–100). */
export function withReviewScore(items: RatingItem[], reviewScore: number): RatingItem[] {
  return items.map((i) => {
    if (i.key !== 'review') return i;
    return { ...i, score: round1((i.max * reviewScore) / 100), source: 'review', detail: `review ${reviewScore}` };
  });
}

/** 0–100 over the applicable items, or null while one of them has no score (no grade without a score). */
export function rubricScore(items: RatingItem[]): number | null {
  const applicable = items.filter((i) => i.applicable);
  if (applicable.length === 0 || applicable.some((i) => i.score === null)) return null;
  const max = applicable.reduce((s, i) => s + i.max, 0);
  const earned = applicable.reduce((s, i) => s + (i.score ?? 0), 0);
  return Math.round((100 * earned) / max);
}

/** Items still waiting for a score: the ones that block a grade. */
export const unscoredItems = (items: RatingItem[]) => items.filter((i) => i.applicable && i.score === null);

export function gradeFor(score: number): RatingGrade {
  if (score >= gradeThresholds.advanced) return 'advanced';
  if (score >= gradeThresholds.good) return 'good';
  if (score >= gradeThresholds.fair) return 'fair';
  return 'lagging';
}

/** The score the grade is given on: computed plus adjustment, within 0–100. */
export const adjustedScore = (computed: number, adjustment: number) =>
  Math.max(0, Math.min(100, computed + adjustment));

/** Grades that must get a rectification plan (ASSESS-02). */
export const needsRectification = (grade: RatingGrade) => grade === 'fair' || grade === 'lagging';

export type Movement = 'promoted' | 'demoted' | 'same' | 'new';

/** Year-on-year movement (晋位升级): a better grade than last year's final one is a promotion. */
export function movementOf(grade: RatingGrade | null, previous: RatingGrade | null): Movement | null {
  if (grade === null) return null;
  if (previous === null) return 'new';
  const diff = ratingGrades.indexOf(previous) - ratingGrades.indexOf(grade);
  return diff > 0 ? 'promoted' : diff < 0 ? 'demoted' : 'same';
}
