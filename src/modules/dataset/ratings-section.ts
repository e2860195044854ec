/**
 * The `ratings` section of `zhibu-dataset/1`: each org's yearly rating (分类定级) — its rubric items
 * with their scores and sources, the score, any adjustment with its reason and author, and the grade
 * with the day it was given. A rating with a grade is final, without one a draft. A grade without a
 * score is refused (no grade without a rubric score), as are unknown orgs and a second rating of an
 * org for a year. Rectification plans are not part of this section.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { ratings } from '../../db/schema.ts';
import {
  maxAdjustment,
  type RatingItem,
  ratingGrades,
  ratingItemSpecs,
} from '../../domain/evaluation/rating-rubric.ts';
import { isoDate } from '../../server/zod.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const itemKeys = ratingItemSpecs.map((s) => s.key) as [string, ...string[]];

export const ratingsSchema = z.array(
  z.strictObject({
    org: code,
    year: z.number().int().min(1900).max(2200),
    items: z
      .array(
        z.strictObject({
          key: z.enum(itemKeys),
          score: z.number().min(0).max(100).nullable(),
          source: z.enum(['computed', 'manual', 'review']),
          applicable: z.boolean().default(true),
          detail: z.string().max(500).nullable().optional(),
        }),
      )
      .default([]),
    /** 0–100 from the items, before the adjustment. */
    score: z.number().int().min(0).max(100).nullable().optional(),
    adjustment: z.number().int().min(-maxAdjustment).max(maxAdjustment).default(0),
    adjustmentReason: z.string().trim().max(1000).nullable().optional(),
    adjustedBy: z.string().trim().max(100).nullable().optional(),
    grade: z.enum(ratingGrades).nullable().optional(),
    ratedOn: isoDate.nullable().optional(),
    ratedBy: z.string().trim().max(100).nullable().optional(),
  }),
);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export type RatingsCheckContext = {
  orgs: Map<string, { kind: string | null }>;
  add(pointer: string, zh: string, en: string): void;
};

/** Unknown or unrated kinds of org, a second rating of an org for a year, a grade without a score or an adjustment without a reason. */
export function checkRatings(doc: Raw, ctx: RatingsCheckContext) {
  const seen = new Map<string, number>();
  items(doc.ratings).forEach((row, i) => {
    const at = `/ratings/${i}`;
    const org = str(row.org);
    const info = org === null ? undefined : ctx.orgs.get(org);
    if (org !== null && !info) ctx.add(`${at}/org`, `未知的组织代码 ${org}`, `unknown org code ${org}`);
    else if (info && info.kind !== 'branch' && info.kind !== 'college')
      ctx.add(`${at}/org`, `${org}不是党支部或二级党组织`, `${org} is neither a branch nor a college`);
    const key = `${org}|${row.year}`;
    const first = seen.get(key);
    if (first !== undefined)
      ctx.add(
        `${at}/year`,
        `同一组织同一年度重复（见 /ratings/${first}）`,
        `duplicate org and year (see /ratings/${first})`,
      );
    else seen.set(key, i);
    if (row.grade != null && typeof row.score !== 'number')
      ctx.add(`${at}/score`, '有等次须有评分 / 没有评分不能定级', 'a grade needs a rubric score');
    if (typeof row.adjustment === 'number' && row.adjustment !== 0 && str(row.adjustmentReason) === null)
      ctx.add(`${at}/adjustmentReason`, '调整须说明理由', 'an adjustment needs a reason');
  });
}

type Parsed = { ratings?: z.output<typeof ratingsSchema> };

export async function importRatings(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string },
) {
  const rows = dataset.ratings ?? [];
  await insertMany(
    tx,
    ratings,
    rows.map((r) => ({
      tenantId: ids.tenantId,
      orgId: ids.orgId(r.org),
      year: r.year,
      items: r.items.map(
        (i): RatingItem => ({
          key: i.key,
          max: ratingItemSpecs.find((s) => s.key === i.key)?.max ?? 0,
          score: i.score,
          source: i.source,
          applicable: i.applicable,
          detail: i.detail ?? null,
        }),
      ),
      computedScore: r.score ?? null,
      adjustment: r.adjustment,
      adjustmentReason: r.adjustmentReason ?? null,
      adjustedByName: r.adjustedBy ?? null,
      status: r.grade ? 'final' : 'draft',
      grade: r.grade ?? null,
      ratedOn: r.ratedOn ?? null,
      ratedByName: r.ratedBy ?? null,
    })),
  );
  return { ratings: rows.length };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The section of a university, by org code and year, items in rubric order. */
export async function exportRatings(db: Tx, options: { tenantId: string; codeOfOrg: (id: string) => string }) {
  const rows = await db.select().from(ratings).where(eq(ratings.tenantId, options.tenantId));
  const order = (key: string) => ratingItemSpecs.findIndex((s) => s.key === key);
  return {
    ratings: rows
      .map((r) => ({
        org: options.codeOfOrg(r.orgId),
        year: r.year,
        items: (r.items as RatingItem[])
          .map((i) => ({ key: i.key, score: i.score, source: i.source, applicable: i.applicable, detail: i.detail }))
          .sort((a, b) => order(a.key) - order(b.key)),
        score: r.computedScore,
        adjustment: r.adjustment,
        adjustmentReason: r.adjustmentReason,
        adjustedBy: r.adjustedByName,
        grade: r.grade as (typeof ratingGrades)[number] | null,
        ratedOn: r.ratedOn,
        ratedBy: r.ratedByName,
      }))
      .sort((a, b) => byText(a.org, b.org) || a.year - b.year),
  };
}
