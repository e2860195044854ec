/**
 * The `secretaryReviews` section of `zhibu-dataset/1`: each year's rounds of secretaries' reviews
 * (述职评议考核) — organizer (`null` for the university), level, status — with each secretary's
 * report, reviewers' scores and, once published, the final score and grade. Refused: unknown org or
 * person codes, a round twice (organizer, year, level), an org twice in a round, a reviewer twice on
 * a review, a published round with a review lacking its result.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { secretaryReviewRounds, secretaryReviewScores, secretaryReviews } from '../../db/schema.ts';
import { reviewGrades, reviewLevels } from '../../domain/evaluation/secretary-review.ts';
import { isoDate } from '../../server/zod.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const score = z.number().int().min(0).max(100);

export const secretaryReviewsSchema = z.array(
  z.strictObject({
    org: code.nullable().default(null),
    year: z.number().int().min(1900).max(2200),
    level: z.enum(reviewLevels),
    title: z.string().trim().min(1).max(200),
    status: z.enum(['open', 'published']).default('open'),
    publishedOn: isoDate.nullable().optional(),
    reviews: z
      .array(
        z.strictObject({
          org: code,
          person: code,
          report: z.string().max(20000).nullable().optional(),
          reportedOn: isoDate.nullable().optional(),
          finalScore: score.nullable().optional(),
          grade: z.enum(reviewGrades).nullable().optional(),
          scores: z
            .array(
              z.strictObject({
                reviewer: z.string().trim().min(1).max(100),
                name: z.string().trim().min(1).max(100),
                score,
                comment: z.string().max(2000).nullable().optional(),
              }),
            )
            .default([]),
        }),
      )
      .default([]),
  }),
);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export type SecretaryReviewsCheckContext = {
  orgs: Map<string, unknown>;
  people: Map<string, number>;
  add(pointer: string, zh: string, en: string): void;
};

export function checkSecretaryReviews(doc: Raw, ctx: SecretaryReviewsCheckContext) {
  const rounds = new Map<string, number>();
  items(doc.secretaryReviews).forEach((round, i) => {
    const at = `/secretaryReviews/${i}`;
    const organizer = str(round.org);
    if (organizer !== null && !ctx.orgs.has(organizer))
      ctx.add(`${at}/org`, `未知的组织代码 ${organizer}`, `unknown org code ${organizer}`);
    const key = `${organizer}|${round.year}|${round.level}`;
    const first = rounds.get(key);
    if (first !== undefined)
      ctx.add(
        `${at}/level`,
        `同一组织同一年度同一层级重复（见 /secretaryReviews/${first}）`,
        `duplicate round (see /secretaryReviews/${first})`,
      );
    else rounds.set(key, i);
    const orgsSeen = new Set<string>();
    items(round.reviews).forEach((review, k) => {
      const rat = `${at}/reviews/${k}`;
      const org = str(review.org);
      if (org !== null && !ctx.orgs.has(org)) ctx.add(`${rat}/org`, `未知的组织代码 ${org}`, `unknown org code ${org}`);
      else if (org !== null && orgsSeen.has(org))
        ctx.add(`${rat}/org`, `本轮已有${org}`, `${org} is already in the round`);
      if (org !== null) orgsSeen.add(org);
      const person = str(review.person);
      if (person !== null && !ctx.people.has(person))
        ctx.add(`${rat}/person`, `未知的人员代码 ${person}`, `unknown person code ${person}`);
      const reviewers = new Set<string>();
      items(review.scores).forEach((s, j) => {
        const reviewer = str(s.reviewer);
        if (reviewer !== null && reviewers.has(reviewer))
          ctx.add(`${rat}/scores/${j}/reviewer`, `评分人${reviewer}重复`, `reviewer ${reviewer} twice`);
        if (reviewer !== null) reviewers.add(reviewer);
      });
      if (round.status === 'published' && (typeof review.finalScore !== 'number' || str(review.grade) === null))
        ctx.add(
          `${rat}/finalScore`,
          '已公布的评议须有最终得分和等次',
          'a published review needs its final score and grade',
        );
    });
  });
}

type Parsed = { secretaryReviews?: z.output<typeof secretaryReviewsSchema> };

export async function importSecretaryReviews(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string; personId: (code: string) => string },
) {
  const { tenantId, orgId, personId } = ids;
  const rounds = dataset.secretaryReviews ?? [];
  const roundRows = rounds.map((r) => ({
    tenantId,
    id: crypto.randomUUID(),
    orgId: r.org === null ? tenantId : orgId(r.org),
    year: r.year,
    level: r.level,
    title: r.title,
    status: r.status,
    publishedOn: r.publishedOn ?? null,
  }));
  const reviewRows = rounds.flatMap((r, i) =>
    r.reviews.map((v) => ({
      tenantId,
      id: crypto.randomUUID(),
      roundId: roundRows[i].id,
      orgId: orgId(v.org),
      personId: personId(v.person),
      report: v.report ?? null,
      reportedOn: v.reportedOn ?? null,
      finalScore: v.finalScore ?? null,
      grade: v.grade ?? null,
      scores: v.scores,
    })),
  );
  const scoreRows = reviewRows.flatMap((v) =>
    v.scores.map((s) => ({
      tenantId,
      reviewId: v.id,
      reviewerAccount: s.reviewer,
      reviewerName: s.name,
      score: s.score,
      comment: s.comment ?? null,
    })),
  );
  await insertMany(tx, secretaryReviewRounds, roundRows);
  await insertMany(
    tx,
    secretaryReviews,
    reviewRows.map(({ scores: _s, ...v }) => v),
  );
  await insertMany(tx, secretaryReviewScores, scoreRows);
  return {
    secretaryReviewRounds: roundRows.length,
    secretaryReviews: reviewRows.length,
    secretaryReviewScores: scoreRows.length,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Rounds by year, level and organizer; reviews by org; scores by reviewer. */
export async function exportSecretaryReviews(
  db: Tx,
  options: { tenantId: string; codeOfOrg: (id: string) => string; codeOfPerson: (id: string) => string },
) {
  const { tenantId, codeOfOrg, codeOfPerson } = options;
  const [rounds, reviews, scores] = await Promise.all([
    db.select().from(secretaryReviewRounds).where(eq(secretaryReviewRounds.tenantId, tenantId)),
    db.select().from(secretaryReviews).where(eq(secretaryReviews.tenantId, tenantId)),
    db.select().from(secretaryReviewScores).where(eq(secretaryReviewScores.tenantId, tenantId)),
  ]);
  return {
    secretaryReviews: rounds
      .map((r) => ({
        org: r.orgId === tenantId ? null : codeOfOrg(r.orgId),
        year: r.year,
        level: r.level as (typeof reviewLevels)[number],
        title: r.title,
        status: r.status as 'open' | 'published',
        publishedOn: r.publishedOn,
        reviews: reviews
          .filter((v) => v.roundId === r.id)
          .map((v) => ({
            org: codeOfOrg(v.orgId),
            person: codeOfPerson(v.personId),
            report: v.report,
            reportedOn: v.reportedOn,
            finalScore: v.finalScore,
            grade: v.grade as (typeof reviewGrades)[number] | null,
            scores: scores
              .filter((s) => s.reviewId === v.id)
              .map((s) => ({ reviewer: s.reviewerAccount, name: s.reviewerName, score: s.score, comment: s.comment }))
              .sort((a, b) => byText(a.reviewer, b.reviewer)),
          }))
          .sort((a, b) => byText(a.org, b.org)),
      }))
      .sort(
        (a, b) =>
          a.year - b.year ||
          reviewLevels.indexOf(a.level) - reviewLevels.indexOf(b.level) ||
          byText(a.org ?? '', b.org ?? ''),
      ),
  };
}
