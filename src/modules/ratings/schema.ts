/** Requests and responses of ratings (分类定级). */
import { z } from 'zod';
import { maxAdjustment, ratingGrades } from '../../domain/evaluation/rating-rubric.ts';
import { isoDate, version } from '../../server/zod.ts';

export const year = z.coerce.number().int().min(2000).max(2100);

export const computeBody = z.object({ orgId: z.uuid(), year });
export type ComputeInput = z.infer<typeof computeBody>;

const points = z.number().min(0).max(100);

export const itemScoresBody = z.object({
  version,
  /** Scores of the manual items (作用发挥, 群众评议, and the review item while no review is published). */
  scores: z.object({ role: points.nullish(), masses: points.nullish(), review: points.nullish() }),
});
export type ItemScoresInput = z.infer<typeof itemScoresBody>;

export const adjustBody = z.object({
  version,
  adjustment: z.number().int().min(-maxAdjustment).max(maxAdjustment),
  reason: z.string().trim().max(1000).nullish(),
});
export type AdjustInput = z.infer<typeof adjustBody>;

export const finalizeBody = z.object({
  version,
  /** Deadline of the rectification plan a fair or lagging grade creates; three months by default. */
  rectificationDeadline: isoDate.optional(),
});
export type FinalizeInput = z.infer<typeof finalizeBody>;

export const listQuery = z.object({ year: year.optional(), orgId: z.uuid().optional() });

export const ratingItem = z.object({
  key: z.string(),
  max: z.number(),
  score: z.number().nullable(),
  source: z.enum(['computed', 'manual', 'review']),
  applicable: z.boolean(),
  detail: z.string().nullable(),
});

const grade = z.enum(ratingGrades);
const movement = z.enum(['promoted', 'demoted', 'same', 'new']);

export const ratingView = z.object({
  id: z.string(),
  orgId: z.string(),
  year: z.number(),
  items: z.array(ratingItem),
  computedScore: z.number().nullable(),
  adjustment: z.number(),
  adjustmentReason: z.string().nullable(),
  adjustedByName: z.string().nullable(),
  adjustedAt: z.string().nullable(),
  /** Computed plus adjustment, the score the grade is given on. */
  finalScore: z.number().nullable(),
  /** The grade of a final rating; for a draft, the grade its score would give. */
  grade: grade.nullable(),
  status: z.enum(['draft', 'final']),
  ratedOn: z.string().nullable(),
  ratedByName: z.string().nullable(),
  version: z.number(),
});
export type RatingView = z.infer<typeof ratingView>;

export const listRow = z.object({
  org: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string(), parentName: z.string() }),
  rating: ratingView.nullable(),
  previousGrade: grade.nullable(),
  movement: movement.nullable(),
  /** Whether the caller rates this org (writes its parent). */
  canRate: z.boolean(),
});
export type ListRow = z.infer<typeof listRow>;

export const listResponse = z.object({
  year: z.number(),
  root: z.object({ id: z.string(), name: z.string() }),
  items: z.array(listRow),
  counts: z.object({
    advanced: z.number(),
    good: z.number(),
    fair: z.number(),
    lagging: z.number(),
    unrated: z.number(),
  }),
});

export const computeResponse = z.object({ year: z.number(), computed: z.number(), kept: z.number() });

export const evaluationResponse = z.object({
  org: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
  years: z.array(
    z.object({
      year: z.number(),
      rating: ratingView.nullable(),
      movement: movement.nullable(),
      reviews: z.array(
        z.object({
          id: z.string(),
          roundTitle: z.string(),
          personName: z.string(),
          finalScore: z.number().nullable(),
          grade: z.string().nullable(),
        }),
      ),
      acceptance: z.array(z.object({ campaign: z.string(), status: z.string() })),
      rectifications: z.array(
        z.object({
          id: z.string(),
          source: z.string(),
          problem: z.string(),
          deadline: z.string(),
          status: z.string(),
        }),
      ),
    }),
  ),
});
