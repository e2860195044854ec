import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisals } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, conflict, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadAppraisalInScope, loadEntries } from './load-appraisal.ts';
import type { AppraisalStep } from './schema.ts';

type EntryRow = Awaited<ReturnType<typeof loadEntries>>[number];

/** For each step: what must be complete before leaving it, and the column dating the next step. */
const transitions: Partial<
  Record<
    AppraisalStep,
    {
      next: AppraisalStep;
      dateColumn: 'peerReviewOn' | 'voteOn' | 'verdictOn' | 'closedOn';
      missing: (rows: EntryRow[], voters: number | null) => EntryRow[];
      what: { zh: string; en: string };
    }
  >
> = {
  selfAssessment: {
    next: 'peerReview',
    dateColumn: 'peerReviewOn',
    missing: (rows) => rows.filter((r) => !r.entry.selfAssessment),
    what: { zh: '尚未提交个人自评', en: 'have not submitted a self-assessment' },
  },
  peerReview: {
    next: 'vote',
    dateColumn: 'voteOn',
    missing: (rows) => rows.filter((r) => !r.entry.peerReviewDone),
    what: { zh: '尚未完成党员互评', en: 'have no peer review recorded' },
  },
  vote: {
    next: 'verdict',
    dateColumn: 'verdictOn',
    // Leading cadres are not voted on (003 制度机制6), so only the others need tallies.
    missing: (rows, voters) =>
      voters === null ? rows : rows.filter((r) => !r.entry.leadingCadre && r.entry.votesExcellent === null),
    what: { zh: '尚无民主测评票数', en: 'have no vote tallies' },
  },
  verdict: {
    next: 'closed',
    dateColumn: 'closedOn',
    missing: (rows) => rows.filter((r) => !r.entry.verdict),
    what: { zh: '尚无组织评定结果', en: 'have no verdict' },
  },
};

/** Moves the appraisal to its next step once every participant has completed the current one. */
export async function advanceAppraisal(
  tx: Tx,
  options: { appraisalId: string; input: { version: number; on?: string }; today: string; actor: Actor },
) {
  const { input, actor } = options;
  const { appraisal, org } = await loadAppraisalInScope(tx, actor, 'write', options.appraisalId);
  if (appraisal.version !== input.version) throw stale();
  const transition = transitions[appraisal.step as AppraisalStep];
  if (!transition) throw conflict({ zh: '民主评议已结束', en: 'The appraisal is closed' }, { step: appraisal.step });
  const on = input.on ?? options.today;
  const previousDate =
    [appraisal.verdictOn, appraisal.voteOn, appraisal.peerReviewOn, appraisal.startedOn].find(Boolean) ??
    appraisal.startedOn;
  if (on < previousDate)
    throw badInput([{ field: 'body.on', reason: `不能早于上一步开始日期 ${previousDate} / before ${previousDate}` }]);
  const rows = await loadEntries(tx, appraisal.tenantId, appraisal.id);
  const missing = transition.missing(rows, appraisal.voters);
  if (missing.length)
    throw conflict(
      {
        zh: `${missing.length} 名党员${transition.what.zh}：${missing.map((m) => m.name).join('、')}`,
        en: `${missing.length} participant(s) ${transition.what.en}`,
      },
      { step: appraisal.step, missing: missing.map((m) => ({ personId: m.entry.personId, name: m.name })) },
    );
  const [updated] = await tx
    .update(appraisals)
    .set({ step: transition.next, [transition.dateColumn]: on, version: sql`${appraisals.version} + 1` })
    .where(
      and(
        eq(appraisals.tenantId, appraisal.tenantId),
        eq(appraisals.id, appraisal.id),
        eq(appraisals.version, input.version),
      ),
    )
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'advance',
    entity: 'appraisal',
    entityId: appraisal.id,
    tenantId: appraisal.tenantId,
    orgPath: org.path,
    before: { step: appraisal.step },
    after: { step: updated.step, on },
  });
  return updated;
}
