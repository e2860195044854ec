/**
 * One university back as a `zhibu-dataset/1` document. The output is deterministic — records
 * ordered by code, then dates; keys in the documented order; every field the import accepts
 * written out — so export → import → export gives the same document.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import {
  appraisalEntries,
  appraisals,
  attendance,
  headcounts,
  meetings,
  memberships,
  orgs,
  parameterOverrides,
  people,
  positions,
  semesters,
  tenants,
  terms,
  thoughtReports,
} from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { exportAcceptance } from './acceptance-section.ts';
import { exportDevPlans } from './dev-plans-sections.ts';
import { exportDevelopment } from './development-section.ts';
import { exportDues } from './dues-section.ts';
import { exportExcellence } from './excellence-sections.ts';
import { exportImprovement } from './improvement-sections.ts';
import { exportRatings } from './ratings-section.ts';
import { DATASET_FORMAT, type Dataset, positionRoles } from './schema.ts';
import { exportSecretaryReviews } from './secretary-reviews-section.ts';
import { exportTrainingAndFunds } from './training-funds-sections.ts';

/** Code order independent of the machine's locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const compare = (...pairs: [string | number | null, string | number | null][]) => {
  for (const [a, b] of pairs) {
    if (a === b) continue;
    if (a === null) return -1;
    if (b === null) return 1;
    return typeof a === 'number' && typeof b === 'number' ? a - b : byText(String(a), String(b));
  }
  return 0;
};

export async function exportDataset(db: Tx, options: { tenantId: string }): Promise<Dataset> {
  const { tenantId } = options;
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
  if (!tenant) throw notFound({ zh: '学校', en: 'university' });

  const [orgRows, personRows, membershipRows, termRows, positionRows, meetingRows, attendanceRows] = await Promise.all([
    db.select().from(orgs).where(eq(orgs.tenantId, tenantId)),
    db.select().from(people).where(eq(people.tenantId, tenantId)),
    db.select().from(memberships).where(eq(memberships.tenantId, tenantId)),
    db.select().from(terms).where(eq(terms.tenantId, tenantId)),
    db.select().from(positions).where(eq(positions.tenantId, tenantId)),
    db.select().from(meetings).where(eq(meetings.tenantId, tenantId)),
    db.select().from(attendance).where(eq(attendance.tenantId, tenantId)),
  ]);
  const [semesterRows, headcountRows, parameterRows, reportRows, appraisalRows, entryRows] = await Promise.all([
    db.select().from(semesters).where(eq(semesters.tenantId, tenantId)),
    db.select().from(headcounts).where(eq(headcounts.tenantId, tenantId)),
    db.select().from(parameterOverrides).where(eq(parameterOverrides.tenantId, tenantId)),
    db.select().from(thoughtReports).where(eq(thoughtReports.tenantId, tenantId)),
    db.select().from(appraisals).where(eq(appraisals.tenantId, tenantId)),
    db.select().from(appraisalEntries).where(eq(appraisalEntries.tenantId, tenantId)),
  ]);

  // The root is the implicit university: referred to by null as a parent, by its code elsewhere.
  const orgCode = new Map(orgRows.map((o) => [o.id, o.code]));
  const personCode = new Map(personRows.map((p) => [p.id, p.code]));
  const codeOfOrg = (id: string) => orgCode.get(id) as string;
  const codeOfPerson = (id: string) => personCode.get(id) as string;
  const trainingAndFunds = await exportTrainingAndFunds(db, { tenantId, codeOfOrg, codeOfPerson });
  const dues = await exportDues(db, { tenantId, codeOfOrg, codeOfPerson });
  const development = await exportDevelopment(db, { tenantId, codeOfOrg, codeOfPerson });
  const devPlanSections = await exportDevPlans(db, { tenantId, codeOfOrg, codeOfPerson });
  const acceptance = await exportAcceptance(db, { tenantId, codeOfOrg });
  const improvement = await exportImprovement(db, { tenantId, codeOfOrg });
  const ratingSection = await exportRatings(db, { tenantId, codeOfOrg });
  const reviewSection = await exportSecretaryReviews(db, { tenantId, codeOfOrg, codeOfPerson });
  const excellence = await exportExcellence(db, { tenantId, codeOfOrg, codeOfPerson });
  const roleOrder = (role: string) => positionRoles.indexOf(role as (typeof positionRoles)[number]);

  const parameters = parameterRows
    .map((p) => ({
      rule: p.rule,
      org: p.orgId === null || p.orgId === tenantId ? null : codeOfOrg(p.orgId),
      values: p.values as Record<string, never>,
    }))
    // The import refuses duplicates, but rows entered in the app may tie: the content decides then.
    .sort((a, b) => compare([a.rule, b.rule], [a.org, b.org], [JSON.stringify(a.values), JSON.stringify(b.values)]));

  const positionsByTerm = new Map<string, typeof positionRows>();
  for (const p of positionRows) {
    const list = positionsByTerm.get(p.termId) ?? [];
    list.push(p);
    positionsByTerm.set(p.termId, list);
  }
  const attendanceByMeeting = new Map<string, typeof attendanceRows>();
  for (const a of attendanceRows) {
    const list = attendanceByMeeting.get(a.meetingId) ?? [];
    list.push(a);
    attendanceByMeeting.set(a.meetingId, list);
  }

  return {
    format: DATASET_FORMAT,
    university: {
      code: tenant.code,
      name: tenant.name,
      standardSets: [...tenant.standardSets],
      parameters,
      calendar: semesterRows
        .map((s) => ({ code: s.code, start: s.startsOn, end: s.endsOn }))
        .sort((a, b) => compare([a.code, b.code])),
      headcount: headcountRows
        .map((h) => ({ year: h.year, staff: h.staff, students: h.students }))
        .sort((a, b) => a.year - b.year),
    },
    orgs: orgRows
      .filter((o) => o.id !== tenantId)
      .sort((a, b) => compare([a.code, b.code]))
      .map((o) => ({
        code: o.code,
        parent: o.parentId === null || o.parentId === tenantId ? null : codeOfOrg(o.parentId),
        kind: o.kind as Dataset['orgs'][number]['kind'],
        ...(o.kind === 'college' ? { subkind: o.subkind as Dataset['orgs'][number]['subkind'] } : {}),
        ...(o.kind === 'branch'
          ? { branchCategory: o.branchCategory as Dataset['orgs'][number]['branchCategory'] }
          : {}),
        name: o.name,
        ...(o.kind === 'branch' ? { jointUnits: [...o.jointUnits], temporary: presentTemporary(o.temporary) } : {}),
        validFrom: o.validFrom,
        validTo: o.validTo,
      })),
    people: personRows
      .sort((a, b) => compare([a.code, b.code]))
      .map((p) => ({
        code: p.code,
        name: p.name,
        gender: p.gender as 'male' | 'female' | null,
        birthDate: p.birthDate,
        personCategory: p.personCategory as Dataset['people'][number]['personCategory'],
        unit: p.unit,
        title: p.title,
        leadingCadre: p.leadingCadre,
        phone: p.phone,
        email: p.email,
      })),
    memberships: membershipRows
      .map((m) => ({
        person: codeOfPerson(m.personId),
        status: m.status as Dataset['memberships'][number]['status'],
        standing: m.standing as Dataset['memberships'][number]['standing'],
        joinedOn: m.joinedOn,
        confirmedOn: m.confirmedOn,
        org: codeOfOrg(m.orgId),
        group: m.groupId === null ? null : codeOfOrg(m.groupId),
        from: m.validFrom,
        to: m.validTo,
      }))
      .sort((a, b) => compare([a.person, b.person], [a.from, b.from], [a.to, b.to], [a.org, b.org])),
    terms: termRows
      .map((t) => ({
        org: codeOfOrg(t.orgId),
        electedOn: t.electedOn,
        endsOn: t.endsOn,
        positions: (positionsByTerm.get(t.id) ?? [])
          .map((p) => ({
            role: p.role as Dataset['terms'][number]['positions'][number]['role'],
            person: codeOfPerson(p.personId),
            from: p.validFrom,
            to: p.validTo,
            dualLeader: p.dualLeader,
          }))
          .sort(
            (a, b) =>
              roleOrder(a.role) - roleOrder(b.role) || compare([a.from, b.from], [a.person, b.person], [a.to, b.to]),
          ),
      }))
      .sort((a, b) =>
        compare(
          [a.org, b.org],
          [a.electedOn, b.electedOn],
          [a.endsOn, b.endsOn],
          [JSON.stringify(a.positions), JSON.stringify(b.positions)],
        ),
      ),
    meetings: meetingRows
      .sort((a, b) => compare([a.code, b.code]))
      .map((m) => ({
        code: m.code,
        org: codeOfOrg(m.orgId),
        type: m.type as Dataset['meetings'][number]['type'],
        heldOn: m.heldOn,
        startTime: m.startTime,
        endTime: m.endTime,
        title: m.title,
        lecturer: m.lecturerId === null ? null : codeOfPerson(m.lecturerId),
        place: m.place,
        audience: m.audience as Dataset['meetings'][number]['audience'],
        status: m.status as Dataset['meetings'][number]['status'],
        minutes: m.minutes,
        attendance: (attendanceByMeeting.get(m.id) ?? [])
          .map((a) => ({
            person: codeOfPerson(a.personId),
            status: a.status as Dataset['meetings'][number]['attendance'][number]['status'],
            // Most rows are a plain "present": empty optional fields are left out to keep files small.
            ...(a.reason !== null ? { reason: a.reason } : {}),
            ...(a.makeupOn !== null ? { makeupOn: a.makeupOn } : {}),
            ...(a.makeupContent !== null ? { makeupContent: a.makeupContent } : {}),
          }))
          .sort((a, b) => compare([a.person, b.person])),
      })),
    thoughtReports: reportRows
      .map((r) => ({
        person: codeOfPerson(r.personId),
        org: codeOfOrg(r.orgId),
        submittedOn: r.submittedOn,
        title: r.title,
        content: r.content,
        readOn: r.readAt === null ? null : shanghaiDate(r.readAt),
        comment: r.comment,
      }))
      .sort((a, b) =>
        compare([a.person, b.person], [a.submittedOn, b.submittedOn], [a.title, b.title], [a.content, b.content]),
      ),
    appraisals: appraisalRows
      .map((a) => ({
        org: codeOfOrg(a.orgId),
        year: a.year,
        step: a.step as Dataset['appraisals'][number]['step'],
        startedOn: a.startedOn,
        peerReviewOn: a.peerReviewOn,
        voteOn: a.voteOn,
        verdictOn: a.verdictOn,
        closedOn: a.closedOn,
        voters: a.voters,
        entries: entryRows
          .filter((e) => e.appraisalId === a.id)
          .map((e) => ({
            person: codeOfPerson(e.personId),
            leadingCadre: e.leadingCadre,
            selfAssessment: e.selfAssessment,
            selfAssessedOn: e.selfAssessedOn,
            peerReviewDone: e.peerReviewDone,
            votes:
              e.votesExcellent === null &&
              e.votesQualified === null &&
              e.votesBasicallyQualified === null &&
              e.votesUnqualified === null
                ? null
                : {
                    excellent: e.votesExcellent ?? 0,
                    qualified: e.votesQualified ?? 0,
                    basicallyQualified: e.votesBasicallyQualified ?? 0,
                    unqualified: e.votesUnqualified ?? 0,
                  },
            verdict: e.verdict as Dataset['appraisals'][number]['entries'][number]['verdict'],
            verdictReason: e.verdictReason,
            followUp: e.followUp as Dataset['appraisals'][number]['entries'][number]['followUp'],
          }))
          .sort((x, y) => compare([x.person, y.person])),
      }))
      .sort((a, b) => compare([a.org, b.org], [a.year, b.year])),
    ...development,
    ...devPlanSections,
    ...trainingAndFunds,
    ...dues,
    ...acceptance,
    ...improvement,
    ...ratingSection,
    ...reviewSection,
    ...excellence,
  };
}

/** The calendar day in Asia/Shanghai (UTC+8, no daylight saving) of a moment. */
const shanghaiDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The documented shape, in the documented key order, whatever order jsonb kept. */
function presentTemporary(value: unknown): Dataset['orgs'][number]['temporary'] {
  if (value === null || typeof value !== 'object') return null;
  const t = value as Record<string, string | null | undefined>;
  return {
    approvedOn: t.approvedOn as string,
    approvedBy: t.approvedBy ?? null,
    endsOn: t.endsOn as string,
    purpose: t.purpose ?? null,
  };
}

/** The export read from one snapshot, so a concurrent change cannot tear it. */
export function exportDatasetSnapshot(db: Db, options: { tenantId: string }): Promise<Dataset> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    return exportDataset(tx, options);
  });
}
