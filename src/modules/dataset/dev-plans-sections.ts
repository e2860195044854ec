/**
 * The `developmentPlans`, `poolAnalyses` and `developmentContacts` sections of `zhibu-dataset/1`:
 * a college-level organization's annual development plan (quotas per branch and category), its
 * yearly activist pool analyses with the pipeline counts they discussed, and the secretaries in
 * contact with activists and candidates (a contact names the developed person; their case is
 * found by person). Malformed records are refused; a plan exceeded or a young teacher without a
 * secretary is imported as it was and reported by DEV-12 / DEV-14.
 */
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { devCases, devContacts, devPlanLines, devPlans, devPoolAnalyses, orgs } from '../../db/schema.ts';
import { openStages } from '../../domain/development/steps.ts';
import { devCategories } from '../../domain/rules/dev-college-facts.ts';
import { isoDate } from '../../server/zod.ts';
import { poolCountsOn } from '../dev-plans/pool-counts.ts';
import type { PoolCounts } from '../dev-plans/schema.ts';
import { insertMany } from './bulk-insert.ts';

const code = z.string().trim().min(1).max(64);
const year = z.number().int().min(1900).max(2200);
const note = z.string().trim().max(2000).nullable().optional();
const count = z.number().int().min(0).max(1_000_000);
const byCategory = z.strictObject({ student: count, staff: count });

export const developmentPlansSchema = z.array(
  z.strictObject({
    college: code,
    year,
    note,
    lines: z
      .array(
        z.strictObject({ branch: code, category: z.enum(devCategories), quota: z.number().int().min(0).max(10_000) }),
      )
      .default([]),
  }),
);

/** The pipeline on the day of the analysis: open cases per stage and category, and the young teachers among them. */
export const poolCountsSchema = z.strictObject({
  byStage: z.strictObject({
    applicant: byCategory,
    activist: byCategory,
    candidate: byCategory,
    probationary: byCategory,
  }),
  youngTeachers: count,
});

export const poolAnalysesSchema = z.array(
  z.strictObject({
    college: code,
    year,
    heldOn: isoDate,
    summary: z.string().trim().min(1).max(10_000),
    /** When omitted, the import counts the imported cases as they stood on `heldOn`. */
    counts: poolCountsSchema.optional(),
  }),
);

export const developmentContactsSchema = z.array(
  z.strictObject({
    secretary: code,
    /** The activist or candidate; their development case is the one of this person. */
    person: code,
    from: isoDate,
    /** The last day of the contact; null while it lasts. */
    to: isoDate.nullable().optional(),
    note,
  }),
);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const day = (v: unknown): string | null => (isoDate.safeParse(v).success ? (v as string) : null);

export type DevPlansCheckContext = {
  orgs: Map<string, { kind: string | null; parent: string | null }>;
  people: Map<string, number>;
  add(pointer: string, zh: string, en: string): void;
};

/**
 * Unknown codes; a plan or analysis of an org that is not college-level (a college, or a branch
 * directly under the university); a plan line for a branch outside the plan's org or repeated;
 * a second plan for one org and year; an analysis held before its year or after the March
 * following it (the API's window); a contact of a person without a development case, or ending
 * before it starts, or overlapping another of the same secretary and person.
 */
export function checkDevPlans(doc: Raw, ctx: DevPlansCheckContext) {
  const collegeLevel = (c: string) => {
    const org = ctx.orgs.get(c);
    return org?.kind === 'college' || (org?.kind === 'branch' && org.parent === null);
  };
  const college = (at: string, value: unknown) => {
    const c = str(value);
    if (c === null) return null;
    if (!ctx.orgs.has(c)) ctx.add(at, `未知的组织代码 ${c}`, `unknown org code ${c}`);
    else if (!collegeLevel(c))
      ctx.add(
        at,
        `${c} 不是二级党组织（学院党组织或学校党委直属党支部）`,
        `${c} is not a college-level organization (a college, or a branch directly under the university)`,
      );
    else return c;
    return null;
  };

  const plans = new Map<string, number>();
  items(doc.developmentPlans).forEach((plan, i) => {
    const at = `/developmentPlans/${i}`;
    const owner = college(`${at}/college`, plan.college);
    if (owner !== null && typeof plan.year === 'number') {
      const key = `${owner}|${plan.year}`;
      const first = plans.get(key);
      if (first !== undefined)
        ctx.add(
          `${at}/year`,
          `同一组织同一年度的发展计划重复（见 /developmentPlans/${first}）`,
          `a second plan of this org for this year (see /developmentPlans/${first})`,
        );
      else plans.set(key, i);
    }
    const lines = new Map<string, number>();
    items(plan.lines).forEach((line, j) => {
      const lat = `${at}/lines/${j}`;
      const branch = str(line.branch);
      if (branch === null) return;
      const org = ctx.orgs.get(branch);
      if (!org) ctx.add(`${lat}/branch`, `未知的组织代码 ${branch}`, `unknown org code ${branch}`);
      else if (owner !== null && !(org.kind === 'branch' && (org.parent === owner || branch === owner)))
        ctx.add(`${lat}/branch`, `${branch} 不是 ${owner} 下的党支部`, `${branch} is not a branch of ${owner}`);
      const key = `${branch}|${str(line.category)}`;
      const first = lines.get(key);
      if (first !== undefined) ctx.add(`${lat}`, `与 ${at}/lines/${first} 重复`, `repeats ${at}/lines/${first}`);
      else lines.set(key, j);
    });
  });

  items(doc.poolAnalyses).forEach((analysis, i) => {
    const at = `/poolAnalyses/${i}`;
    college(`${at}/college`, analysis.college);
    const heldOn = day(analysis.heldOn);
    if (heldOn === null || typeof analysis.year !== 'number') return;
    const y = analysis.year;
    if (heldOn < `${y}-01-01` || heldOn > `${y + 1}-03-31`)
      ctx.add(
        `${at}/heldOn`,
        `对${y}年的分析应在${y}年内或次年3月底前开展`,
        `an analysis of ${y} is held in ${y} or by the end of March ${y + 1}`,
      );
  });

  const withCase = new Set(items(doc.development).flatMap((c) => str(c.person) ?? []));
  const contacts = new Map<string, { index: number; from: string; to: string | null }[]>();
  items(doc.developmentContacts).forEach((contact, i) => {
    const at = `/developmentContacts/${i}`;
    const secretary = str(contact.secretary);
    if (secretary !== null && !ctx.people.has(secretary))
      ctx.add(`${at}/secretary`, `未知的人员代码 ${secretary}`, `unknown person code ${secretary}`);
    const person = str(contact.person);
    if (person !== null) {
      if (!ctx.people.has(person)) ctx.add(`${at}/person`, `未知的人员代码 ${person}`, `unknown person code ${person}`);
      else if (!withCase.has(person))
        ctx.add(`${at}/person`, `${person} 没有发展党员档案`, `${person} has no development case`);
    }
    const from = day(contact.from);
    const to = day(contact.to);
    if (from !== null && to !== null && to < from)
      ctx.add(`${at}/to`, `结束日早于开始日 ${from}`, `ends before it starts (${from})`);
    if (secretary === null || person === null || from === null) return;
    const key = `${secretary}|${person}`;
    const list = contacts.get(key) ?? [];
    // Both ends are days of the contact: two intervals overlap when each starts by the other's end.
    const clash = list.find((c) => (c.to === null || from <= c.to) && (to === null || c.from <= to));
    if (clash)
      ctx.add(
        `${at}/from`,
        `与 /developmentContacts/${clash.index} 同一书记联系同一人的期间重叠`,
        `overlaps /developmentContacts/${clash.index} of the same secretary and person`,
      );
    list.push({ index: i, from, to });
    contacts.set(key, list);
  });
}

type Parsed = {
  developmentPlans?: z.output<typeof developmentPlansSchema>;
  poolAnalyses?: z.output<typeof poolAnalysesSchema>;
  developmentContacts?: z.output<typeof developmentContactsSchema>;
};

/** After the development section: contacts find their case by person, counts are taken from the cases. */
export async function importDevPlans(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string; personId: (code: string) => string },
) {
  const { tenantId, orgId, personId } = ids;
  const plans = (dataset.developmentPlans ?? []).map((p) => ({ ...p, id: crypto.randomUUID() }));
  await insertMany(
    tx,
    devPlans,
    plans.map((p) => ({ tenantId, id: p.id, orgId: orgId(p.college), year: p.year, note: p.note ?? null })),
  );
  const lineRows = plans.flatMap((p) =>
    p.lines.map((l) => ({ tenantId, planId: p.id, orgId: orgId(l.branch), category: l.category, quota: l.quota })),
  );
  await insertMany(tx, devPlanLines, lineRows);

  const analyses = dataset.poolAnalyses ?? [];
  const uncounted = [...new Set(analyses.filter((a) => !a.counts).map((a) => orgId(a.college)))];
  const paths = new Map(
    uncounted.length
      ? (await tx.select({ id: orgs.id, path: orgs.path }).from(orgs).where(inArray(orgs.id, uncounted))).map((o) => [
          o.id,
          o.path,
        ])
      : [],
  );
  const analysisRows = [];
  for (const a of analyses) {
    const counts: PoolCounts = a.counts
      ? { on: a.heldOn, ...a.counts }
      : await poolCountsOn(tx, { tenantId, path: paths.get(orgId(a.college)) as string, on: a.heldOn });
    analysisRows.push({
      tenantId,
      orgId: orgId(a.college),
      year: a.year,
      heldOn: a.heldOn,
      summary: a.summary,
      counts,
      recordedByName: '数据集导入',
    });
  }
  await insertMany(tx, devPoolAnalyses, analysisRows);

  const contacts = dataset.developmentContacts ?? [];
  const caseOf = new Map(
    contacts.length
      ? (
          await tx
            .select({ id: devCases.id, personId: devCases.personId })
            .from(devCases)
            .where(eq(devCases.tenantId, tenantId))
        ).map((c) => [c.personId, c.id])
      : [],
  );
  await insertMany(
    tx,
    devContacts,
    contacts.map((c) => ({
      tenantId,
      secretaryId: personId(c.secretary),
      caseId: caseOf.get(personId(c.person)) as string,
      fromOn: c.from,
      toOn: c.to ?? null,
      note: c.note ?? null,
    })),
  );
  return {
    devPlans: plans.length,
    devPlanLines: lineRows.length,
    devPoolAnalyses: analysisRows.length,
    devContacts: contacts.length,
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compare = (...pairs: [string | number, string | number][]) => {
  for (const [a, b] of pairs)
    if (a !== b) return typeof a === 'number' && typeof b === 'number' ? a - b : byText(String(a), String(b));
  return 0;
};

/** The documented shape of stored counts, whatever order jsonb kept (and zeros for a stage it lacks). */
function presentCounts(value: unknown): z.output<typeof poolCountsSchema> {
  const stored = (isObject(value) ? value : {}) as Partial<PoolCounts>;
  const stages = isObject(stored.byStage) ? stored.byStage : {};
  const byStage = Object.fromEntries(
    openStages.map((s) => [s, { student: stages[s]?.student ?? 0, staff: stages[s]?.staff ?? 0 }]),
  ) as z.output<typeof poolCountsSchema>['byStage'];
  return { byStage, youngTeachers: stored.youngTeachers ?? 0 };
}

/** The three sections of a university, by org code and year, person and day: an export is reproducible. */
export async function exportDevPlans(
  db: Tx,
  options: { tenantId: string; codeOfOrg: (id: string) => string; codeOfPerson: (id: string) => string },
) {
  const { tenantId, codeOfOrg, codeOfPerson } = options;
  const [plans, lines, analyses, contacts, cases] = await Promise.all([
    db.select().from(devPlans).where(eq(devPlans.tenantId, tenantId)),
    db.select().from(devPlanLines).where(eq(devPlanLines.tenantId, tenantId)),
    db.select().from(devPoolAnalyses).where(eq(devPoolAnalyses.tenantId, tenantId)),
    db.select().from(devContacts).where(eq(devContacts.tenantId, tenantId)),
    db.select({ id: devCases.id, personId: devCases.personId }).from(devCases).where(eq(devCases.tenantId, tenantId)),
  ]);
  const linesOf = new Map<string, typeof lines>();
  for (const l of lines) linesOf.set(l.planId, [...(linesOf.get(l.planId) ?? []), l]);
  const personOfCase = new Map(cases.map((c) => [c.id, c.personId]));
  return {
    developmentPlans: plans
      .map((p) => ({
        college: codeOfOrg(p.orgId),
        year: p.year,
        note: p.note,
        lines: (linesOf.get(p.id) ?? [])
          .map((l) => ({
            branch: codeOfOrg(l.orgId),
            category: l.category as (typeof devCategories)[number],
            quota: l.quota,
          }))
          .sort((a, b) => compare([a.branch, b.branch], [a.category, b.category])),
      }))
      .sort((a, b) => compare([a.college, b.college], [a.year, b.year])),
    poolAnalyses: analyses
      .map((a) => ({
        college: codeOfOrg(a.orgId),
        year: a.year,
        heldOn: a.heldOn,
        summary: a.summary,
        counts: presentCounts(a.counts),
      }))
      .sort((a, b) => compare([a.college, b.college], [a.year, b.year], [a.heldOn, b.heldOn], [a.summary, b.summary])),
    developmentContacts: contacts
      .map((c) => ({
        secretary: codeOfPerson(c.secretaryId),
        person: codeOfPerson(personOfCase.get(c.caseId) as string),
        from: c.fromOn,
        to: c.toOn,
        note: c.note,
      }))
      .sort((a, b) => compare([a.person, b.person], [a.from, b.from], [a.secretary, b.secretary])),
  };
}
