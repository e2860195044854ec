/**
 * The `acceptance` section of `zhibu-dataset/1`: acceptance campaigns (达标验收) with each
 * branch's review — statement, per-indicator notes with the evidence kept at the self-check,
 * attachments — and its steps in order (ASSESS-06's record). A review's stage is derived from its
 * steps. Steps out of order or by the wrong role are imported as they are: they are ASSESS-06
 * findings, not import errors. Only malformed records are refused.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { acceptanceCampaigns, acceptanceReviews, acceptanceSteps } from '../../db/schema.ts';
import { standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import {
  type AcceptanceStep,
  acceptanceRoles,
  acceptanceStepKinds,
  outcomeOf,
  replaySteps,
} from '../../domain/rules/acceptance-facts.ts';
import { isoDate } from '../../server/zod.ts';
import { campaignIndicators } from '../acceptance/indicators.ts';
import type { Entry, ManualIndicator } from '../acceptance/schema.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const note = z.string().trim().max(2000).nullable().optional();

const evidenceSchema = z.strictObject({
  rule: code,
  severity: z.enum(['breach', 'warning', 'info']),
  period: z.string().max(32).nullable().optional(),
  zh: z.string().max(2000),
  en: z.string().max(2000),
});

const reviewSchema = z.strictObject({
  /** The branch, by code. */
  org: code,
  statement: z.string().trim().max(5000).nullable().optional(),
  entries: z
    .array(z.strictObject({ indicator: code, note, evidence: z.array(evidenceSchema).default([]) }))
    .default([]),
  attachments: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(200), note, indicator: code.nullable().optional() }))
    .default([]),
  steps: z
    .array(
      z.strictObject({
        step: z.enum(acceptanceStepKinds),
        on: isoDate,
        role: z.enum(acceptanceRoles),
        by: z.string().trim().min(1).max(100),
        reason: note,
      }),
    )
    .default([]),
});

export const acceptanceSchema = z.array(
  z.strictObject({
    year: z.number().int().min(1900).max(2200),
    title: z.string().trim().min(1).max(200),
    standardSets: z.array(code).default([]),
    opensOn: isoDate,
    closesOn: isoDate,
    status: z.enum(['open', 'closed']).default('open'),
    manualIndicators: z
      .array(z.strictObject({ code: z.string().regex(/^M[0-9]{1,3}$/), title: z.string().trim().min(1).max(200) }))
      .default([]),
    reviews: z.array(reviewSchema).default([]),
  }),
);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export type AcceptanceCheckContext = {
  orgs: Map<string, { kind: string | null }>;
  add(pointer: string, zh: string, en: string): void;
};

/** Unknown standard sets and branches, a campaign named twice, a branch reviewed twice, dates backwards. */
export function checkAcceptance(doc: Raw, ctx: AcceptanceCheckContext) {
  const campaigns = new Map<string, number>();
  items(doc.acceptance).forEach((c, i) => {
    const at = `/acceptance/${i}`;
    const key = `${c.year}|${str(c.title)}`;
    const first = campaigns.get(key);
    if (first !== undefined)
      ctx.add(
        `${at}/title`,
        `同年同名验收活动重复（见 /acceptance/${first}）`,
        `duplicate campaign (see /acceptance/${first})`,
      );
    else campaigns.set(key, i);
    (Array.isArray(c.standardSets) ? c.standardSets : []).forEach((s, k) => {
      if (typeof s === 'string' && !standardSetByCode.has(s))
        ctx.add(`${at}/standardSets/${k}`, `未知的标准 ${s}`, `unknown standard set ${s}`);
    });
    const opens = str(c.opensOn);
    const closes = str(c.closesOn);
    if (opens && closes && closes < opens)
      ctx.add(`${at}/closesOn`, `截止日期早于开始日期 ${opens}`, `closes before it opens (${opens})`);
    const reviewed = new Map<string, number>();
    items(c.reviews).forEach((r, k) => {
      const org = str(r.org);
      if (org === null) return;
      const info = ctx.orgs.get(org);
      if (!info) ctx.add(`${at}/reviews/${k}/org`, `未知的组织代码 ${org}`, `unknown org code ${org}`);
      else if (info.kind !== 'branch') ctx.add(`${at}/reviews/${k}/org`, `${org}不是党支部`, `${org} is not a branch`);
      const seen = reviewed.get(org);
      if (seen !== undefined)
        ctx.add(
          `${at}/reviews/${k}/org`,
          `同一支部重复（见 ${at}/reviews/${seen}）`,
          `branch reviewed twice (see ${at}/reviews/${seen})`,
        );
      else reviewed.set(org, k);
    });
  });
}

type Parsed = { acceptance?: z.output<typeof acceptanceSchema> };

export async function importAcceptance(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string },
) {
  const { tenantId, orgId } = ids;
  const campaigns = dataset.acceptance ?? [];
  const campaignRows: (typeof acceptanceCampaigns.$inferInsert)[] = [];
  const reviewRows: (typeof acceptanceReviews.$inferInsert)[] = [];
  const stepRows: (typeof acceptanceSteps.$inferInsert)[] = [];
  for (const c of campaigns) {
    const id = randomUUID();
    campaignRows.push({
      tenantId,
      id,
      year: c.year,
      title: c.title,
      standardSets: c.standardSets,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      status: c.status,
      manualIndicators: c.manualIndicators,
    });
    const indicators = new Map(campaignIndicators(c.standardSets, c.manualIndicators).map((i) => [i.code, i]));
    for (const r of c.reviews) {
      const reviewId = randomUUID();
      const steps: AcceptanceStep[] = r.steps.map((s, k) => ({
        seq: k + 1,
        step: s.step,
        on: s.on,
        actorRole: s.role,
        actorName: s.by,
        outcome: outcomeOf(s.step),
        reason: s.reason ?? null,
      }));
      const entries: Entry[] = r.entries.map((e) => {
        const indicator = indicators.get(e.indicator);
        return {
          indicator: e.indicator,
          kind: indicator?.kind ?? 'manual',
          title: indicator?.title ?? { zh: e.indicator, en: e.indicator },
          findings: e.evidence.map((f) => ({
            id: null,
            rule: f.rule,
            severity: f.severity,
            period: f.period ?? null,
            message: { zh: f.zh, en: f.en },
          })),
          note: e.note ?? null,
        };
      });
      reviewRows.push({
        tenantId,
        id: reviewId,
        campaignId: id,
        orgId: orgId(r.org),
        stage: replaySteps(steps).stage,
        statement: r.statement ?? null,
        entries,
        attachments: r.attachments.map((a) => ({ name: a.name, note: a.note ?? null, indicator: a.indicator ?? null })),
      });
      for (const s of steps) stepRows.push({ tenantId, reviewId, ...s });
    }
  }
  await insertMany(tx, acceptanceCampaigns, campaignRows);
  await insertMany(tx, acceptanceReviews, reviewRows);
  await insertMany(tx, acceptanceSteps, stepRows);
  return {
    acceptanceCampaigns: campaignRows.length,
    acceptanceReviews: reviewRows.length,
    acceptanceSteps: stepRows.length,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The section of a university: campaigns by year and title, reviews by branch code, steps in order. */
export async function exportAcceptance(db: Tx, options: { tenantId: string; codeOfOrg: (id: string) => string }) {
  const { tenantId, codeOfOrg } = options;
  const [campaigns, reviews, steps] = await Promise.all([
    db.select().from(acceptanceCampaigns).where(eq(acceptanceCampaigns.tenantId, tenantId)),
    db.select().from(acceptanceReviews).where(eq(acceptanceReviews.tenantId, tenantId)),
    db.select().from(acceptanceSteps).where(eq(acceptanceSteps.tenantId, tenantId)),
  ]);
  const acceptance: z.output<typeof acceptanceSchema> = campaigns
    .sort((a, b) => a.year - b.year || byText(a.title, b.title))
    .map((c) => ({
      year: c.year,
      title: c.title,
      standardSets: c.standardSets as string[],
      opensOn: c.opensOn,
      closesOn: c.closesOn,
      status: c.status as 'open' | 'closed',
      manualIndicators: (c.manualIndicators as ManualIndicator[]).map((m) => ({ code: m.code, title: m.title })),
      reviews: reviews
        .filter((r) => r.campaignId === c.id)
        .map((r) => ({
          org: codeOfOrg(r.orgId),
          statement: r.statement,
          entries: (r.entries as Entry[]).map((e) => ({
            indicator: e.indicator,
            note: e.note,
            evidence: e.findings.map((f) => ({
              rule: f.rule,
              severity: f.severity as 'breach' | 'warning' | 'info',
              period: f.period,
              zh: f.message.zh,
              en: f.message.en,
            })),
          })),
          attachments: (r.attachments as { name: string; note?: string | null; indicator?: string | null }[]).map(
            (a) => ({ name: a.name, note: a.note ?? null, indicator: a.indicator ?? null }),
          ),
          steps: steps
            .filter((s) => s.reviewId === r.id)
            .sort((a, b) => a.seq - b.seq)
            .map((s) => ({
              step: s.step as AcceptanceStep['step'],
              on: s.on,
              role: s.actorRole as (typeof acceptanceRoles)[number],
              by: s.actorName,
              reason: s.reason,
            })),
        }))
        .sort((a, b) => byText(a.org, b.org)),
    }));
  return { acceptance };
}
