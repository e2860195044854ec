import type { ratings } from '../../db/schema.ts';
import { adjustedScore, gradeFor, type RatingGrade, type RatingItem } from '../../domain/evaluation/rating-rubric.ts';
import type { RatingView } from './schema.ts';

type RatingRow = typeof ratings.$inferSelect;

/** A rating as the API shows it: a draft's grade is the one its score would give. */
export function presentRating(r: RatingRow): RatingView {
  const finalScore = r.computedScore === null ? null : adjustedScore(r.computedScore, r.adjustment);
  return {
    id: r.id,
    orgId: r.orgId,
    year: r.year,
    items: r.items as RatingItem[],
    computedScore: r.computedScore,
    adjustment: r.adjustment,
    adjustmentReason: r.adjustmentReason,
    adjustedByName: r.adjustedByName,
    adjustedAt: r.adjustedAt ? new Date(r.adjustedAt).toISOString() : null,
    finalScore,
    grade: (r.grade as RatingGrade | null) ?? (finalScore === null ? null : gradeFor(finalScore)),
    status: r.status as 'draft' | 'final',
    ratedOn: r.ratedOn,
    ratedByName: r.ratedByName,
    version: r.version,
  };
}
