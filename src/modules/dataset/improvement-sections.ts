/**
 * The `rectifications`, `surveys` and `reorganizations` sections of `zhibu-dataset/1`: rectification
 * items with their evidence and verification (ASSESS-03), the yearly six-checks surveys of branches
 * (ASSESS-05) and the reorganizations of weak branches (ASSESS-04), orgs by code. Links to records a
 * document cannot carry (a finding, a rating) are not exported; an item from a survey is linked
 * again to the survey of its branch and year on import.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { rectifications, reorganizations, surveys } from '../../db/schema.ts';
import { isoDate } from '../../server/zod.ts';
import { rectificationSources, rectificationStatuses } from '../rectifications/schema.ts';
import { reorganizationReasons } from '../surveys/schema.ts';
import { checkResults, sixChecks } from '../surveys/six-checks.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const year = z.number().int().min(1900).max(2200);

export const rectificationsSchema = z.array(
  z.strictObject({
    org: code,
    source: z.enum(rectificationSources).default('manual'),
    year,
    problem: text(2000),
    owner: text(100),
    measures: text(4000),
    deadline: isoDate,
    status: z.enum(rectificationStatuses).default('open'),
    evidence: optionalText(4000),
    doneOn: isoDate.nullable().optional(),
    verifiedOn: isoDate.nullable().optional(),
    verifiedBy: optionalText(100),
    verificationNote: optionalText(2000),
  }),
);

export const surveysSchema = z.array(
  z.strictObject({
    org: code,
    year,
    surveyedOn: isoDate,
    checklist: z
      .array(
        z.strictObject({
          check: z.enum(sixChecks),
          result: z.enum(checkResults),
          note: z.string().max(2000).default(''),
        }),
      )
      .length(sixChecks.length),
    conclusion: text(4000),
    weak: z.boolean().default(false),
    recordedBy: text(100),
  }),
);

export const reorganizationsSchema = z.array(
  z.strictObject({
    org: code,
    reasons: z.array(z.enum(reorganizationReasons)).min(1),
    startedOn: isoDate,
    endsOn: isoDate,
    plan: text(8000),
    status: z.enum(['open', 'closed']).default('open'),
    closedOn: isoDate.nullable().optional(),
    outcome: optionalText(4000),
  }),
);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

export type ImprovementCheckContext = {
  orgs: Map<string, { kind: string | null }>;
  universityCode: string | null;
  add(pointer: string, zh: string, en: string): void;
};

/**
 * Unknown orgs; a survey or reorganization of something that is not a branch; a branch surveyed
 * twice a year or with two open reorganizations; a check listed twice; a done or verified item
 * without its evidence and day; dates backwards; a closed reorganization without its day and outcome.
 */
export function checkImprovement(doc: Raw, ctx: ImprovementCheckContext) {
  const known = (org: string | null, at: string) => {
    if (org === null) return null;
    if (org === ctx.universityCode) return { kind: 'university' };
    const info = ctx.orgs.get(org);
    if (!info) ctx.add(at, `未知的组织代码 ${org}`, `unknown org code ${org}`);
    return info ?? null;
  };
  const branch = (org: string | null, at: string) => {
    const info = known(org, at);
    if (info && info.kind !== 'branch') ctx.add(at, `${org}不是党支部`, `${org} is not a branch`);
  };

  items(doc.rectifications).forEach((r, i) => {
    const at = `/rectifications/${i}`;
    known(str(r.org), `${at}/org`);
    const status = str(r.status) ?? 'open';
    if (status !== 'open') {
      if (!str(r.evidence)) ctx.add(`${at}/evidence`, '已完成的整改须有佐证', 'a done item needs its evidence');
      if (!str(r.doneOn)) ctx.add(`${at}/doneOn`, '已完成的整改须有完成日期', 'a done item needs its day');
    }
    if (status === 'verified' && !str(r.verifiedOn))
      ctx.add(`${at}/verifiedOn`, '已验收的整改须有验收日期', 'a verified item needs its day');
    const doneOn = str(r.doneOn);
    const verifiedOn = str(r.verifiedOn);
    if (doneOn && verifiedOn && verifiedOn < doneOn)
      ctx.add(`${at}/verifiedOn`, `验收日期早于完成日期 ${doneOn}`, `verified before it was done (${doneOn})`);
  });

  const surveyed = new Map<string, number>();
  items(doc.surveys).forEach((s, i) => {
    const at = `/surveys/${i}`;
    const org = str(s.org);
    branch(org, `${at}/org`);
    const key = `${org}|${s.year}`;
    const first = surveyed.get(key);
    if (first !== undefined)
      ctx.add(
        `${at}/year`,
        `同一支部同一年度重复（见 /surveys/${first}）`,
        `branch surveyed twice (see /surveys/${first})`,
      );
    else surveyed.set(key, i);
    const seen = new Map<string, number>();
    items(s.checklist).forEach((c, k) => {
      const check = str(c.check);
      if (check === null) return;
      if (seen.has(check)) ctx.add(`${at}/checklist/${k}/check`, `${check}重复`, `${check} listed twice`);
      seen.set(check, k);
      if (c.result === 'problem' && !str(c.note))
        ctx.add(`${at}/checklist/${k}/note`, '发现问题须写明', 'say what the problem is');
    });
  });

  const open = new Map<string, number>();
  items(doc.reorganizations).forEach((r, i) => {
    const at = `/reorganizations/${i}`;
    const org = str(r.org);
    branch(org, `${at}/org`);
    const started = str(r.startedOn);
    const ends = str(r.endsOn);
    if (started && ends && ends <= started)
      ctx.add(`${at}/endsOn`, `限期不晚于开始日期 ${started}`, `ends on or before its start (${started})`);
    if (str(r.status) === 'closed') {
      if (!str(r.closedOn))
        ctx.add(`${at}/closedOn`, '已结束的整顿须有结束日期', 'a closed reorganization needs its day');
      if (!str(r.outcome))
        ctx.add(`${at}/outcome`, '已结束的整顿须写明成效', 'a closed reorganization needs its outcome');
    } else if (org !== null) {
      const first = open.get(org);
      if (first !== undefined)
        ctx.add(
          `${at}/status`,
          `同一支部有两项未结束的整顿（见 /reorganizations/${first}）`,
          `two open reorganizations of one branch (see /reorganizations/${first})`,
        );
      else open.set(org, i);
    }
  });
}

type Parsed = {
  rectifications?: z.output<typeof rectificationsSchema>;
  surveys?: z.output<typeof surveysSchema>;
  reorganizations?: z.output<typeof reorganizationsSchema>;
};

export async function importImprovement(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string },
) {
  const { tenantId, orgId } = ids;
  const surveyRows = (dataset.surveys ?? []).map((s) => ({
    tenantId,
    id: crypto.randomUUID(),
    orgId: orgId(s.org),
    year: s.year,
    surveyedOn: s.surveyedOn,
    checklist: sixChecks.map((check) => {
      const c = s.checklist.find((x) => x.check === check);
      return { check, result: c?.result ?? 'good', note: c?.note ?? '' };
    }),
    conclusion: s.conclusion,
    weak: s.weak,
    recordedByName: s.recordedBy,
  }));
  const surveyOf = new Map(surveyRows.map((s) => [`${s.orgId}|${s.year}`, s.id]));
  const rectificationRows = (dataset.rectifications ?? []).map((r) => {
    const org = orgId(r.org);
    return {
      tenantId,
      orgId: org,
      source: r.source,
      sourceId: r.source === 'survey' ? (surveyOf.get(`${org}|${r.year}`) ?? null) : null,
      year: r.year,
      problem: r.problem,
      ownerName: r.owner,
      measures: r.measures,
      deadline: r.deadline,
      status: r.status,
      evidence: r.evidence ?? null,
      doneOn: r.doneOn ?? null,
      verifiedOn: r.verifiedOn ?? null,
      verifiedByName: r.verifiedBy ?? null,
      verificationNote: r.verificationNote ?? null,
    };
  });
  const reorganizationRows = (dataset.reorganizations ?? []).map((r) => ({
    tenantId,
    orgId: orgId(r.org),
    reasons: r.reasons,
    startedOn: r.startedOn,
    endsOn: r.endsOn,
    plan: r.plan,
    status: r.status,
    closedOn: r.closedOn ?? null,
    outcome: r.outcome ?? null,
  }));
  await insertMany(tx, surveys, surveyRows);
  await insertMany(tx, rectifications, rectificationRows);
  await insertMany(tx, reorganizations, reorganizationRows);
  return {
    rectifications: rectificationRows.length,
    surveys: surveyRows.length,
    reorganizations: reorganizationRows.length,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The sections of a university, each sorted by org code and then by date, so export → import → export is identical. */
export async function exportImprovement(db: Tx, options: { tenantId: string; codeOfOrg: (id: string) => string }) {
  const { tenantId, codeOfOrg } = options;
  const [itemRows, surveyRows, reorganizationRows] = await Promise.all([
    db.select().from(rectifications).where(eq(rectifications.tenantId, tenantId)),
    db.select().from(surveys).where(eq(surveys.tenantId, tenantId)),
    db.select().from(reorganizations).where(eq(reorganizations.tenantId, tenantId)),
  ]);
  const exportedRectifications: z.output<typeof rectificationsSchema> = itemRows
    .map((r) => ({
      org: codeOfOrg(r.orgId),
      source: r.source as z.output<typeof rectificationsSchema>[number]['source'],
      year: r.year,
      problem: r.problem,
      owner: r.ownerName,
      measures: r.measures,
      deadline: r.deadline,
      status: r.status as z.output<typeof rectificationsSchema>[number]['status'],
      evidence: r.evidence,
      doneOn: r.doneOn,
      verifiedOn: r.verifiedOn,
      verifiedBy: r.verifiedByName,
      verificationNote: r.verificationNote,
    }))
    .sort(
      (a, b) =>
        byText(a.org, b.org) || a.year - b.year || byText(a.deadline, b.deadline) || byText(a.problem, b.problem),
    );
  const exportedSurveys: z.output<typeof surveysSchema> = surveyRows
    .map((s) => ({
      org: codeOfOrg(s.orgId),
      year: s.year,
      surveyedOn: s.surveyedOn,
      checklist: (s.checklist as z.output<typeof surveysSchema>[number]['checklist']).map((c) => ({
        check: c.check,
        result: c.result,
        note: c.note,
      })),
      conclusion: s.conclusion,
      weak: s.weak,
      recordedBy: s.recordedByName,
    }))
    .sort((a, b) => byText(a.org, b.org) || a.year - b.year);
  const exportedReorganizations: z.output<typeof reorganizationsSchema> = reorganizationRows
    .map((r) => ({
      org: codeOfOrg(r.orgId),
      reasons: r.reasons as z.output<typeof reorganizationsSchema>[number]['reasons'],
      startedOn: r.startedOn,
      endsOn: r.endsOn,
      plan: r.plan,
      status: r.status as 'open' | 'closed',
      closedOn: r.closedOn,
      outcome: r.outcome,
    }))
    .sort((a, b) => byText(a.org, b.org) || byText(a.startedOn, b.startedOn));
  return {
    rectifications: exportedRectifications,
    surveys: exportedSurveys,
    reorganizations: exportedReorganizations,
  };
}
