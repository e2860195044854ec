/**
 * Loads a whole `zhibu-dataset/1` document as a new university, inside the caller's transaction:
 * all of it or (on any problem) nothing. Rows are inserted set-based (bulk-insert.ts), with ids
 * made here so references between records need no round trips.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import {
  appraisalEntries,
  appraisals,
  attendance,
  headcounts,
  meetings,
  memberships,
  orgHistory,
  orgs,
  parameterOverrides,
  people,
  positions,
  semesters,
  tenants,
  terms,
  thoughtReports,
} from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { AppError, conflict } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { nameInitials } from '../members/name-initials.ts';
import { isUniqueViolation } from '../members/unique-violation.ts';
import { createUniversity } from '../tenants/create-university.ts';
import { importAcceptance } from './acceptance-section.ts';
import { insertMany } from './bulk-insert.ts';
import { importDevPlans } from './dev-plans-sections.ts';
import { importDevelopment } from './development-section.ts';
import { importDues } from './dues-section.ts';
import { importExcellence } from './excellence-sections.ts';
import { importImprovement } from './improvement-sections.ts';
import { importRatings } from './ratings-section.ts';
import type { DatasetIssue, DatasetOrg } from './schema.ts';
import { importSecretaryReviews } from './secretary-reviews-section.ts';
import { importTrainingAndFunds } from './training-funds-sections.ts';
import { validateDataset } from './validate-dataset.ts';

export type ImportDatasetOptions = {
  document: unknown;
  actor: Pick<Actor, 'accountId' | 'displayName'>;
  oversightBodyId?: string | null;
};

export type DatasetCounts = {
  orgs: number;
  people: number;
  memberships: number;
  terms: number;
  positions: number;
  meetings: number;
  attendance: number;
  thoughtReports: number;
  appraisals: number;
  appraisalEntries: number;
  semesters: number;
  headcounts: number;
  parameters: number;
  trainingSessions: number;
  trainingCredits: number;
  fundBudgets: number;
  fundAllocations: number;
  fundExpenses: number;
  duesBases: number;
  duesPayments: number;
  duesReasons: number;
  duesReturns: number;
  devCases: number;
  devEvents: number;
  devPlans: number;
  devPlanLines: number;
  devPoolAnalyses: number;
  devContacts: number;
  acceptanceCampaigns: number;
  acceptanceReviews: number;
  acceptanceSteps: number;
  rectifications: number;
  surveys: number;
  reorganizations: number;
  ratings: number;
  secretaryReviewRounds: number;
  secretaryReviews: number;
  secretaryReviewScores: number;
  modelUnits: number;
  awards: number;
  practiceCarriers: number;
};

/** When a document names no date at all, the university's records start here. */
const FALLBACK_START = '2000-01-01';

/**
 * Beyond this many problems the document is systematically wrong (a renamed column, a shifted
 * code list); listing half a million of them helps no one and makes a response of many megabytes.
 */
export const MAX_LISTED_ISSUES = 1000;

/** A 400 listing the problems of a document (up to MAX_LISTED_ISSUES); the message shows the first few. */
export function datasetInvalid(issues: DatasetIssue[]) {
  const head = issues.slice(0, 5).map((i) => `${i.pointer}: ${i.reason}`);
  const more = issues.length > 5 ? issues.length - 5 : 0;
  const hidden = issues.length - MAX_LISTED_ISSUES;
  const details =
    hidden > 0
      ? [
          ...issues.slice(0, MAX_LISTED_ISSUES),
          { pointer: '', reason: `另有 ${hidden} 处问题未列出 / ${hidden} more problem(s) not listed` },
        ]
      : issues;
  return new AppError(
    'BAD_INPUT',
    {
      zh: `数据集有 ${issues.length} 处错误，未导入任何数据：${head.join('；')}${more ? `；另有 ${more} 处` : ''}`,
      en: `The dataset has ${issues.length} problem(s); nothing was imported: ${head.join('; ')}${more ? `; and ${more} more` : ''}`,
    },
    details,
  );
}

export async function importDataset(tx: Tx, options: ImportDatasetOptions) {
  const validation = validateDataset(options.document);
  if (!validation.ok) throw datasetInvalid(validation.issues);
  const dataset = validation.dataset;
  const { university } = dataset;

  const codeTaken = () =>
    conflict(
      { zh: `学校代码 ${university.code} 已存在`, en: `A university with code ${university.code} already exists` },
      [{ pointer: '/university/code', reason: `学校代码已存在 / university code already exists` }],
    );
  const [existing] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, university.code));
  if (existing) throw codeTaken();

  const rootValidFrom = earliest(dataset.orgs.map((o) => o.validFrom)) ?? FALLBACK_START;
  // A concurrent import of the same code can pass the check above; the unique index decides.
  const { tenant, rootPath } = await createUniversity(tx, {
    code: university.code,
    name: university.name,
    validFrom: rootValidFrom,
    standardSets: university.standardSets,
    oversightBodyId: options.oversightBodyId ?? null,
    actor: options.actor,
  }).catch((error) => {
    throw isUniqueViolation(error) ? codeTaken() : error;
  });
  const tenantId = tenant.id;

  const placed = placeOrgs(dataset.orgs, { id: tenantId, path: rootPath, depth: 0, validFrom: rootValidFrom });
  const orgId = (code: string) => {
    if (code === university.code) return tenantId;
    const org = placed.get(code);
    if (!org) throw new Error(`unresolved org code ${code} after validation`);
    return org.id;
  };
  const personIds = new Map(dataset.people.map((p) => [p.code, randomUUID()]));
  const personId = (code: string) => personIds.get(code) as string;

  await insertMany(
    tx,
    orgs,
    dataset.orgs.map((o) => {
      const at = placed.get(o.code) as PlacedOrg;
      return {
        tenantId,
        id: at.id,
        code: o.code,
        kind: o.kind,
        subkind: o.subkind ?? null,
        branchCategory: o.branchCategory ?? null,
        name: o.name,
        parentId: at.parentId,
        path: at.path,
        depth: at.depth,
        jointUnits: o.jointUnits ?? [],
        temporary: o.temporary ?? null,
        validFrom: at.validFrom,
        validTo: o.validTo ?? null,
      };
    }),
  );
  // The document knows each org's current state only: one history interval per org.
  await insertMany(
    tx,
    orgHistory,
    dataset.orgs.map((o) => {
      const at = placed.get(o.code) as PlacedOrg;
      return {
        tenantId,
        orgId: at.id,
        change: 'create',
        name: o.name,
        parentId: at.parentId,
        kind: o.kind,
        subkind: o.subkind ?? null,
        branchCategory: o.branchCategory ?? null,
        validFrom: at.validFrom,
        validTo: o.validTo ?? null,
      };
    }),
  );
  await insertMany(
    tx,
    people,
    dataset.people.map((p) => ({
      tenantId,
      id: personId(p.code),
      code: p.code,
      name: p.name,
      nameInitials: nameInitials(p.name),
      gender: p.gender ?? null,
      birthDate: p.birthDate ?? null,
      personCategory: p.personCategory,
      unit: p.unit ?? null,
      title: p.title ?? null,
      leadingCadre: p.leadingCadre ?? false,
      phone: p.phone ?? null,
      email: p.email ?? null,
    })),
  );
  await insertMany(
    tx,
    memberships,
    dataset.memberships.map((m) => ({
      tenantId,
      personId: personId(m.person),
      status: m.status,
      standing: m.standing,
      joinedOn: m.joinedOn ?? null,
      confirmedOn: m.confirmedOn ?? null,
      orgId: orgId(m.org),
      groupId: m.group ? orgId(m.group) : null,
      validFrom: m.from,
      validTo: m.to ?? null,
    })),
  );

  const termRows = dataset.terms.map((t) => ({ ...t, id: randomUUID() }));
  await insertMany(
    tx,
    terms,
    termRows.map((t) => ({ tenantId, id: t.id, orgId: orgId(t.org), electedOn: t.electedOn, endsOn: t.endsOn })),
  );
  const positionRows = termRows.flatMap((t) =>
    t.positions.map((p) => ({
      tenantId,
      termId: t.id,
      role: p.role,
      personId: personId(p.person),
      validFrom: p.from,
      validTo: p.to ?? null,
      dualLeader: p.dualLeader ?? false,
    })),
  );
  await insertMany(tx, positions, positionRows);

  const meetingRows = dataset.meetings.map((m) => ({ ...m, id: randomUUID() }));
  await insertMany(
    tx,
    meetings,
    meetingRows.map((m) => ({
      tenantId,
      id: m.id,
      code: m.code,
      orgId: orgId(m.org),
      type: m.type,
      heldOn: m.heldOn,
      startTime: m.startTime ?? null,
      endTime: m.endTime ?? null,
      title: m.title,
      lecturerId: m.lecturer ? personId(m.lecturer) : null,
      place: m.place ?? null,
      audience: m.audience ?? null,
      status: m.status ?? 'recorded',
      minutes: m.minutes ?? false,
    })),
  );
  const attendanceRows = meetingRows.flatMap((m) =>
    m.attendance.map((a) => ({
      tenantId,
      meetingId: m.id,
      personId: personId(a.person),
      status: a.status,
      reason: a.reason ?? null,
      makeupOn: a.makeupOn ?? null,
      makeupContent: a.makeupContent ?? null,
    })),
  );
  await insertMany(tx, attendance, attendanceRows);

  await insertMany(
    tx,
    thoughtReports,
    dataset.thoughtReports.map((r) => ({
      tenantId,
      personId: personId(r.person),
      orgId: orgId(r.org),
      submittedOn: r.submittedOn,
      title: r.title,
      content: r.content,
      // The document keeps the day only: noon in Shanghai gives that day back on export.
      readAt: r.readOn ? `${r.readOn}T04:00:00.000Z` : null,
      comment: r.comment ?? null,
    })),
  );
  const appraisalRows = dataset.appraisals.map((a) => ({ ...a, id: randomUUID() }));
  await insertMany(
    tx,
    appraisals,
    appraisalRows.map((a) => ({
      tenantId,
      id: a.id,
      orgId: orgId(a.org),
      year: a.year,
      step: a.step,
      startedOn: a.startedOn,
      peerReviewOn: a.peerReviewOn ?? null,
      voteOn: a.voteOn ?? null,
      verdictOn: a.verdictOn ?? null,
      closedOn: a.closedOn ?? null,
      voters: a.voters ?? null,
    })),
  );
  const entryRows = appraisalRows.flatMap((a) =>
    a.entries.map((e) => ({
      tenantId,
      appraisalId: a.id,
      personId: personId(e.person),
      leadingCadre: e.leadingCadre ?? false,
      selfAssessment: e.selfAssessment ?? null,
      selfAssessedOn: e.selfAssessedOn ?? null,
      peerReviewDone: e.peerReviewDone ?? false,
      votesExcellent: e.votes?.excellent ?? null,
      votesQualified: e.votes?.qualified ?? null,
      votesBasicallyQualified: e.votes?.basicallyQualified ?? null,
      votesUnqualified: e.votes?.unqualified ?? null,
      verdict: e.verdict ?? null,
      verdictReason: e.verdictReason ?? null,
      followUp: e.followUp ?? null,
    })),
  );
  await insertMany(tx, appraisalEntries, entryRows);
  const trainingAndFunds = await importTrainingAndFunds(tx, dataset, { tenantId, orgId, personId });
  const dues = await importDues(tx, dataset, { tenantId, orgId, personId });
  const development = await importDevelopment(tx, dataset, { tenantId, orgId, personId });
  const devPlanCounts = await importDevPlans(tx, dataset, { tenantId, orgId, personId });
  const acceptance = await importAcceptance(tx, dataset, { tenantId, orgId });
  const improvement = await importImprovement(tx, dataset, { tenantId, orgId });
  const ratingCounts = await importRatings(tx, dataset, { tenantId, orgId });
  const reviewCounts = await importSecretaryReviews(tx, dataset, { tenantId, orgId, personId });
  const excellence = await importExcellence(tx, dataset, { tenantId, orgId, personId });

  await insertMany(
    tx,
    semesters,
    university.calendar.map((s) => ({ tenantId, code: s.code, startsOn: s.start, endsOn: s.end })),
  );
  await insertMany(
    tx,
    headcounts,
    university.headcount.map((h) => ({ tenantId, year: h.year, staff: h.staff, students: h.students })),
  );
  await insertMany(
    tx,
    parameterOverrides,
    university.parameters.map((p) => ({
      tenantId,
      rule: p.rule,
      orgId: p.org === null ? null : orgId(p.org),
      values: p.values,
    })),
  );

  const counts: DatasetCounts = {
    orgs: dataset.orgs.length,
    people: dataset.people.length,
    memberships: dataset.memberships.length,
    terms: termRows.length,
    positions: positionRows.length,
    meetings: meetingRows.length,
    attendance: attendanceRows.length,
    thoughtReports: dataset.thoughtReports.length,
    appraisals: appraisalRows.length,
    appraisalEntries: entryRows.length,
    semesters: university.calendar.length,
    headcounts: university.headcount.length,
    parameters: university.parameters.length,
    ...trainingAndFunds,
    ...dues,
    ...development,
    ...devPlanCounts,
    ...acceptance,
    ...improvement,
    ...ratingCounts,
    ...reviewCounts,
    ...excellence,
  };
  await recordAudit(tx, options.actor, {
    action: 'import',
    entity: 'dataset',
    entityId: tenantId,
    tenantId,
    orgPath: rootPath,
    after: { code: university.code, counts },
  });
  // A bulk load leaves the planner without statistics, and PGlite has no autovacuum to gather
  // them: list queries on a fresh import otherwise take seconds instead of milliseconds.
  await tx.execute(sql`analyze orgs, org_history, people, memberships, terms, positions, meetings, attendance`);
  return { tenantId, university: { id: tenantId, code: university.code, name: university.name }, counts };
}

type PlacedOrg = { id: string; parentId: string; path: string; depth: number; validFrom: string };

/**
 * Ids, paths and depths from the parent codes, parents first (the document may list a child
 * before its parent). An org without validFrom is as old as its parent.
 */
function placeOrgs(
  list: DatasetOrg[],
  root: { id: string; path: string; depth: number; validFrom: string },
): Map<string, PlacedOrg> {
  const byCode = new Map(list.map((o) => [o.code, o]));
  const placed = new Map<string, PlacedOrg>();
  const place = (org: DatasetOrg): PlacedOrg => {
    const done = placed.get(org.code);
    if (done) return done;
    // Validation rules out cycles and unknown parents.
    const parent = org.parent === null ? root : place(byCode.get(org.parent) as DatasetOrg);
    const id = randomUUID();
    const at = {
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      validFrom: org.validFrom ?? parent.validFrom,
    };
    placed.set(org.code, at);
    return at;
  };
  for (const org of list) place(org);
  return placed;
}

function earliest(dates: (string | undefined)[]): string | null {
  let min: string | null = null;
  for (const d of dates) if (d !== undefined && (min === null || d < min)) min = d;
  return min;
}
