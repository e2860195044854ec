import type { Tx } from '../../db/connect.ts';
import type { appraisals, orgs } from '../../db/schema.ts';
import { loadEntries } from './load-appraisal.ts';
import { type AppraisalGrade, appraisalGrades } from './schema.ts';

type EntryRow = Awaited<ReturnType<typeof loadEntries>>[number];

export function presentEntry(row: EntryRow) {
  const e = row.entry;
  return {
    personId: e.personId,
    name: row.name,
    code: row.code,
    leadingCadre: e.leadingCadre,
    version: e.version,
    selfAssessment: e.selfAssessment,
    selfAssessedOn: e.selfAssessedOn,
    peerReviewDone: e.peerReviewDone,
    votes:
      e.votesExcellent === null
        ? null
        : {
            excellent: e.votesExcellent,
            qualified: e.votesQualified ?? 0,
            basicallyQualified: e.votesBasicallyQualified ?? 0,
            unqualified: e.votesUnqualified ?? 0,
          },
    verdict: e.verdict,
    verdictReason: e.verdictReason,
    followUp: e.followUp,
  };
}

/** Counts per grade and the progress of each step: the results summary of an appraisal. */
export function summarize(rows: EntryRow[]) {
  const verdicts = Object.fromEntries(appraisalGrades.map((g) => [g, 0])) as Record<AppraisalGrade, number>;
  for (const r of rows) if (r.entry.verdict) verdicts[r.entry.verdict as AppraisalGrade] += 1;
  const voted = rows.filter((r) => !r.entry.leadingCadre);
  return {
    participants: rows.length,
    leadingCadres: rows.length - voted.length,
    selfAssessed: rows.filter((r) => r.entry.selfAssessment).length,
    peerReviewed: rows.filter((r) => r.entry.peerReviewDone).length,
    votedOn: voted.filter((r) => r.entry.votesExcellent !== null).length,
    toBeVotedOn: voted.length,
    verdicts,
    withoutVerdict: rows.filter((r) => !r.entry.verdict).length,
  };
}

export async function presentAppraisal(
  tx: Tx,
  appraisal: typeof appraisals.$inferSelect,
  org: Pick<typeof orgs.$inferSelect, 'name'>,
) {
  const rows = await loadEntries(tx, appraisal.tenantId, appraisal.id);
  return {
    appraisal: { ...appraisal, orgName: org.name, createdAt: undefined },
    entries: rows.map(presentEntry),
    summary: summarize(rows),
  };
}
