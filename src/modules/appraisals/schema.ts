/** Requests of the democratic appraisal (民主评议党员, LIFE-08). */
import { z } from 'zod';
import { isoDate, version } from '../../server/zod.ts';

/** The four steps of LIFE-08 in their required order, then closed. */
export const appraisalSteps = ['selfAssessment', 'peerReview', 'vote', 'verdict', 'closed'] as const;
export type AppraisalStep = (typeof appraisalSteps)[number];

/** 优秀 / 合格 / 基本合格 / 不合格. */
export const appraisalGrades = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof appraisalGrades)[number];

/** What follows an unqualified verdict: 限期改正 / 劝其退党 / 除名. */
export const unqualifiedFollowUps = ['rectifyWithinDeadline', 'persuadeToLeave', 'removal'] as const;

export const listAppraisalsQuery = z.object({
  orgId: z.uuid().optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
});

export const createAppraisalBody = z.object({
  orgId: z.uuid(),
  year: z.number().int().min(1949).max(2100),
  startedOn: isoDate,
});
export type CreateAppraisalInput = z.infer<typeof createAppraisalBody>;

export const advanceBody = z.object({
  version,
  /** The day the next step begins; today when left out. */
  on: isoDate.optional(),
});

export const selfAssessmentBody = z.object({
  text: z.string().trim().min(1).max(5000),
  /** The entry's version when resubmitting; a mismatch is a 409. */
  version: version.optional(),
});

export const peerReviewsBody = z.object({
  version,
  personIds: z.array(z.uuid()).min(1).max(500),
  done: z.boolean().default(true),
});

const count = z.number().int().min(0);
export const votesBody = z.object({
  version,
  voters: z.number().int().min(1).max(10000),
  tallies: z
    .array(
      z.object({
        personId: z.uuid(),
        excellent: count,
        qualified: count,
        basicallyQualified: count,
        unqualified: count,
      }),
    )
    .max(500)
    .default([]),
});
export type VotesInput = z.infer<typeof votesBody>;

export const verdictsBody = z.object({
  version,
  verdicts: z
    .array(
      z.object({
        personId: z.uuid(),
        verdict: z.enum(appraisalGrades),
        reason: z.string().trim().min(1).max(2000).nullable().optional(),
        followUp: z.enum(unqualifiedFollowUps).nullable().optional(),
      }),
    )
    .min(1)
    .max(500),
});
export type VerdictsInput = z.infer<typeof verdictsBody>;
