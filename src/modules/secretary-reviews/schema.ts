/** Requests and responses of secretaries' reviews (述职评议考核). */
import { z } from 'zod';
import { reviewGrades, reviewLevels } from '../../domain/evaluation/secretary-review.ts';
import { version } from '../../server/zod.ts';

const year = z.coerce.number().int().min(2000).max(2100);

export const createRoundBody = z.object({
  /** The organizer: the university for college-level secretaries, the university or a college for branch secretaries. */
  orgId: z.uuid(),
  year,
  level: z.enum(reviewLevels),
  title: z.string().trim().min(1).max(200).optional(),
});
export type CreateRoundInput = z.infer<typeof createRoundBody>;

export const addReviewBody = z.object({ personId: z.uuid(), orgId: z.uuid() });
export type AddReviewInput = z.infer<typeof addReviewBody>;

export const reportBody = z.object({ version, report: z.string().trim().min(1).max(20000) });
export type ReportInput = z.infer<typeof reportBody>;

export const scoreBody = z.object({
  score: z.number().int().min(0).max(100),
  comment: z.string().trim().max(2000).nullish(),
  /** Required to change a score already given; a stale one is a 409. */
  version: version.optional(),
});
export type ScoreInput = z.infer<typeof scoreBody>;

export const publishBody = z.object({ version });

export const roundsQuery = z.object({ year: year.optional(), orgId: z.uuid().optional() });

export const roundView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  level: z.enum(reviewLevels),
  title: z.string(),
  status: z.enum(['open', 'published']),
  publishedOn: z.string().nullable(),
  version: z.number(),
  reviews: z.number(),
  reported: z.number(),
  scored: z.number(),
  /** Whether the caller organizes this round (scores, publishes). */
  canManage: z.boolean(),
});

export const scoreView = z.object({
  id: z.string(),
  reviewerAccount: z.string(),
  reviewerName: z.string(),
  score: z.number(),
  comment: z.string().nullable(),
  version: z.number(),
});

export const reviewView = z.object({
  id: z.string(),
  roundId: z.string(),
  personId: z.string(),
  personName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  report: z.string().nullable(),
  reportedOn: z.string().nullable(),
  /** Shown once the round is published, or to its organizers. */
  finalScore: z.number().nullable(),
  grade: z.enum(reviewGrades).nullable(),
  version: z.number(),
  /** Reviewers' scores: to the organizers only. */
  scores: z.array(scoreView).nullable(),
  /** The caller's own score, if they gave one. */
  myScore: scoreView.nullable(),
  isMine: z.boolean(),
  /** Whether the caller writes the reviewed org, so may open a rectification item from the review. */
  canRectify: z.boolean(),
  /** The latest rectification item opened from this review, if the caller reads the org. */
  rectification: z.object({ id: z.string(), status: z.enum(['open', 'done', 'verified']) }).nullable(),
});

export const roundDetail = z.object({ round: roundView, reviews: z.array(reviewView) });
