/**
 * The `modelUnits`, `awards` and `practiceCarriers` sections of `zhibu-dataset/1`: model branches,
 * benchmark colleges and dual-leader studios with their steps (ASSESS-07), commendation
 * nominations with review, publicity and decision (ASSESS-08), and the practical rules and service
 * carriers each org set up (ASSESS-09). Records are imported as they are (history is not
 * re-judged: a nomination of someone who has since left stays); only malformed records and
 * unknown or wrong-kind codes are refused.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/connect.ts';
import { awards, modelUnits, practiceCarriers } from '../../db/schema.ts';
import { isoDate } from '../../server/zod.ts';
import { insertMany } from './bulk-insert.ts';
import type { SectionCheckContext } from './training-funds-sections.ts';

const code = z.string().trim().min(1).max(64);
const year = z.number().int().min(1900).max(2200);
const note = z.string().trim().max(2000).nullable().optional();
const day = isoDate.nullable().optional();

export const modelUnitsSchema = z.array(
  z.strictObject({
    kind: z.enum(['modelBranch', 'benchmarkCollege', 'dualLeaderStudio']),
    org: code,
    /** The studio's leader (dualLeaderStudio), by person code. */
    leader: code.nullable().optional(),
    level: z.enum(['school', 'province', 'national']).default('school'),
    planYear: year,
    appliedOn: isoDate,
    status: z.enum(['applied', 'cultivating', 'accepted', 'rejected', 'revoked']).default('applied'),
    cultivationFrom: day,
    midtermOn: day,
    midtermResult: z.enum(['passed', 'failed']).nullable().optional(),
    midtermNote: note,
    acceptedOn: day,
    decidedOn: day,
    note,
  }),
);

export const awardsSchema = z.array(
  z.strictObject({
    roundYear: year,
    kind: z.enum(['outstandingMember', 'outstandingWorker', 'advancedOrg']),
    /** The member commended, by person code (not for advancedOrg). */
    person: code.nullable().optional(),
    /** The org commended, by org code (advancedOrg only). */
    org: code.nullable().optional(),
    nominatedBy: code,
    nominatedOn: isoDate,
    reason: z.string().trim().min(1).max(2000),
    status: z.enum(['nominated', 'reviewed', 'publicized', 'decided', 'rejected']).default('nominated'),
    reviewedOn: day,
    reviewNote: note,
    publicityFrom: day,
    publicityUntil: day,
    decidedOn: day,
    decisionDocument: z.string().trim().max(200).nullable().optional(),
  }),
);

export const practiceCarriersSchema = z.array(
  z.strictObject({
    org: code,
    year,
    kind: z.enum(['rule', 'carrier']),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    establishedOn: isoDate,
  }),
);

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const items = (v: unknown): Raw[] => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const unitOrgKind: Record<string, string> = {
  modelBranch: 'branch',
  benchmarkCollege: 'college',
  dualLeaderStudio: 'branch',
};

/** Unknown or wrong-kind orgs and people, a person and an org mixed up, dates backwards or outside the year. */
export function checkExcellence(doc: Raw, ctx: SectionCheckContext) {
  const unknownOrg = (at: string, value: string) => ctx.add(at, `未知的组织代码 ${value}`, `unknown org code ${value}`);
  const unknownPerson = (at: string, value: string) =>
    ctx.add(at, `未知的人员代码 ${value}`, `unknown person code ${value}`);
  items(doc.modelUnits).forEach((u, i) => {
    const at = `/modelUnits/${i}`;
    const org = str(u.org);
    const want = unitOrgKind[String(u.kind)];
    if (org !== null) {
      const info = ctx.orgs.get(org);
      if (!info) unknownOrg(`${at}/org`, org);
      else if (want && info.kind !== want)
        ctx.add(
          `${at}/org`,
          `${org}不是${want === 'branch' ? '党支部' : '二级党组织'}`,
          `${org} is not a ${want === 'branch' ? 'branch' : 'college'}`,
        );
    }
    const leader = str(u.leader);
    if (leader !== null && !ctx.people.has(leader)) unknownPerson(`${at}/leader`, leader);
    if (u.kind === 'dualLeaderStudio' && leader === null)
      ctx.add(`${at}/leader`, '工作室须有书记', 'a studio needs its leader');
  });
  items(doc.awards).forEach((a, i) => {
    const at = `/awards/${i}`;
    const by = str(a.nominatedBy);
    if (by !== null && !ctx.orgs.has(by) && by !== ctx.universityCode) unknownOrg(`${at}/nominatedBy`, by);
    const person = str(a.person);
    const org = str(a.org);
    if (a.kind === 'advancedOrg') {
      if (org === null) ctx.add(`${at}/org`, '先进基层党组织须填组织', 'an org award names the org');
      else if (!ctx.orgs.has(org)) unknownOrg(`${at}/org`, org);
      if (person !== null) ctx.add(`${at}/person`, '先进基层党组织不填个人', 'an org award names no person');
    } else if (typeof a.kind === 'string') {
      if (person === null) ctx.add(`${at}/person`, '个人表彰须填党员', 'a person award names the member');
      else if (!ctx.people.has(person)) unknownPerson(`${at}/person`, person);
      if (org !== null) ctx.add(`${at}/org`, '个人表彰不填组织', 'a person award names no org');
    }
    const from = str(a.publicityFrom);
    const until = str(a.publicityUntil);
    if (from && until && until < from)
      ctx.add(`${at}/publicityUntil`, `公示截止早于开始 ${from}`, `publicity ends before it starts (${from})`);
  });
  items(doc.practiceCarriers).forEach((c, i) => {
    const at = `/practiceCarriers/${i}`;
    const org = str(c.org);
    if (org !== null) {
      const info = ctx.orgs.get(org);
      if (!info) unknownOrg(`${at}/org`, org);
      else if (info.kind !== 'college' && info.kind !== 'branch')
        ctx.add(`${at}/org`, `${org}不是二级党组织或党支部`, `${org} is not a college or branch`);
    }
    const on = str(c.establishedOn);
    if (on && typeof c.year === 'number' && on.slice(0, 4) !== String(c.year))
      ctx.add(`${at}/establishedOn`, `不在${c.year}年内`, `not in ${c.year}`);
  });
}

type Parsed = {
  modelUnits?: z.output<typeof modelUnitsSchema>;
  awards?: z.output<typeof awardsSchema>;
  practiceCarriers?: z.output<typeof practiceCarriersSchema>;
};

export async function importExcellence(
  tx: Tx,
  dataset: Parsed,
  ids: { tenantId: string; orgId: (code: string) => string; personId: (code: string) => string },
) {
  const { tenantId, orgId, personId } = ids;
  const unitRows = (dataset.modelUnits ?? []).map((u) => ({
    tenantId,
    id: randomUUID(),
    kind: u.kind,
    orgId: orgId(u.org),
    leaderId: u.leader ? personId(u.leader) : null,
    level: u.level,
    planYear: u.planYear,
    appliedOn: u.appliedOn,
    status: u.status,
    cultivationFrom: u.cultivationFrom ?? null,
    midtermOn: u.midtermOn ?? null,
    midtermResult: u.midtermResult ?? null,
    midtermNote: u.midtermNote ?? null,
    acceptedOn: u.acceptedOn ?? null,
    decidedOn: u.decidedOn ?? null,
    note: u.note ?? null,
  }));
  const awardRows = (dataset.awards ?? []).map((a) => ({
    tenantId,
    id: randomUUID(),
    roundYear: a.roundYear,
    kind: a.kind,
    personId: a.person ? personId(a.person) : null,
    orgId: a.org ? orgId(a.org) : null,
    nominatingOrgId: orgId(a.nominatedBy),
    nominatedOn: a.nominatedOn,
    reason: a.reason,
    status: a.status,
    reviewedOn: a.reviewedOn ?? null,
    reviewNote: a.reviewNote ?? null,
    publicityFrom: a.publicityFrom ?? null,
    publicityUntil: a.publicityUntil ?? null,
    decidedOn: a.decidedOn ?? null,
    decisionDocument: a.decisionDocument ?? null,
  }));
  const carrierRows = (dataset.practiceCarriers ?? []).map((c) => ({
    tenantId,
    id: randomUUID(),
    orgId: orgId(c.org),
    year: c.year,
    kind: c.kind,
    title: c.title,
    description: c.description,
    establishedOn: c.establishedOn,
  }));
  await insertMany(tx, modelUnits, unitRows);
  await insertMany(tx, awards, awardRows);
  await insertMany(tx, practiceCarriers, carrierRows);
  return { modelUnits: unitRows.length, awards: awardRows.length, practiceCarriers: carrierRows.length };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compare = (...pairs: [string | number, string | number][]) => {
  for (const [a, b] of pairs) if (a !== b) return a < b ? -1 : 1;
  return 0;
};

/** The sections of a university, in a stable order (year, then codes and days). */
export async function exportExcellence(
  db: Tx,
  options: { tenantId: string; codeOfOrg: (id: string) => string; codeOfPerson: (id: string) => string },
) {
  const { tenantId, codeOfOrg, codeOfPerson } = options;
  const [unitRows, awardRows, carrierRows] = await Promise.all([
    db.select().from(modelUnits).where(eq(modelUnits.tenantId, tenantId)),
    db.select().from(awards).where(eq(awards.tenantId, tenantId)),
    db.select().from(practiceCarriers).where(eq(practiceCarriers.tenantId, tenantId)),
  ]);
  type Units = z.output<typeof modelUnitsSchema>;
  type Awards = z.output<typeof awardsSchema>;
  type Carriers = z.output<typeof practiceCarriersSchema>;
  const modelUnitsOut: Units = unitRows
    .map((u) => ({
      kind: u.kind as Units[number]['kind'],
      org: codeOfOrg(u.orgId),
      leader: u.leaderId ? codeOfPerson(u.leaderId) : null,
      level: u.level as Units[number]['level'],
      planYear: u.planYear,
      appliedOn: u.appliedOn,
      status: u.status as Units[number]['status'],
      cultivationFrom: u.cultivationFrom,
      midtermOn: u.midtermOn,
      midtermResult: u.midtermResult as Units[number]['midtermResult'],
      midtermNote: u.midtermNote,
      acceptedOn: u.acceptedOn,
      decidedOn: u.decidedOn,
      note: u.note,
    }))
    .sort((a, b) =>
      compare(
        [a.planYear, b.planYear],
        [a.kind, b.kind],
        [a.org, b.org],
        [a.level, b.level],
        [a.appliedOn, b.appliedOn],
      ),
    );
  const awardsOut: Awards = awardRows
    .map((a) => ({
      roundYear: a.roundYear,
      kind: a.kind as Awards[number]['kind'],
      person: a.personId ? codeOfPerson(a.personId) : null,
      org: a.orgId ? codeOfOrg(a.orgId) : null,
      nominatedBy: codeOfOrg(a.nominatingOrgId),
      nominatedOn: a.nominatedOn,
      reason: a.reason,
      status: a.status as Awards[number]['status'],
      reviewedOn: a.reviewedOn,
      reviewNote: a.reviewNote,
      publicityFrom: a.publicityFrom,
      publicityUntil: a.publicityUntil,
      decidedOn: a.decidedOn,
      decisionDocument: a.decisionDocument,
    }))
    .sort((a, b) =>
      compare(
        [a.roundYear, b.roundYear],
        [a.kind, b.kind],
        [a.person ?? a.org ?? '', b.person ?? b.org ?? ''],
        [a.nominatedOn, b.nominatedOn],
      ),
    );
  const carriersOut: Carriers = carrierRows
    .map((c) => ({
      org: codeOfOrg(c.orgId),
      year: c.year,
      kind: c.kind as Carriers[number]['kind'],
      title: c.title,
      description: c.description,
      establishedOn: c.establishedOn,
    }))
    .sort(
      (a, b) =>
        compare([a.year, b.year], [a.org, b.org], [a.establishedOn, b.establishedOn]) || byText(a.title, b.title),
    );
  return { modelUnits: modelUnitsOut, awards: awardsOut, practiceCarriers: carriersOut };
}
