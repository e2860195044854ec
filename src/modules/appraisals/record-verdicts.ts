import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisalEntries } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { excellentShareFor } from './excellent-share.ts';
import { loadAppraisalInScope, loadEntries, requireStep } from './load-appraisal.ts';
import type { VerdictsInput } from './schema.ts';
import { touchAppraisal } from './touch-appraisal.ts';

/**
 * 组织评定: the branch's verdict per member. An unqualified member must be told why and handled
 * (限期改正 / 劝其退党 / 除名, 003 制度机制7 “妥善处理不合格党员”); excellent verdicts are limited
 * to a share of the participants.
 */
export async function recordVerdicts(tx: Tx, options: { appraisalId: string; input: VerdictsInput; actor: Actor }) {
  const { input, actor } = options;
  const { appraisal, org } = await loadAppraisalInScope(tx, actor, 'write', options.appraisalId);
  requireStep(appraisal, 'verdict', input.version);
  const rows = await loadEntries(tx, appraisal.tenantId, appraisal.id);
  const verdictOf = new Map(rows.map((r) => [r.entry.personId, r.entry.verdict]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, v] of input.verdicts.entries()) {
    const field = `body.verdicts.${i}`;
    if (!verdictOf.has(v.personId)) {
      issues.push({ field: `${field}.personId`, reason: '不是本次评议的参评党员 / not a participant' });
      continue;
    }
    if (seen.has(v.personId)) issues.push({ field: `${field}.personId`, reason: '重复 / listed twice' });
    seen.add(v.personId);
    if (v.verdict === 'unqualified') {
      if (!v.reason)
        issues.push({
          field: `${field}.reason`,
          reason: '评定为不合格须写明理由 / an unqualified verdict needs a reason',
        });
      if (!v.followUp)
        issues.push({
          field: `${field}.followUp`,
          reason:
            '评定为不合格须确定处置措施（限期改正/劝其退党/除名） / an unqualified verdict needs a follow-up measure',
        });
    } else if (v.followUp) {
      issues.push({ field: `${field}.followUp`, reason: '仅不合格党员需要处置措施 / only for an unqualified verdict' });
    }
    verdictOf.set(v.personId, v.verdict);
  }
  const share = await excellentShareFor(tx, appraisal.tenantId, org.path);
  const allowed = Math.floor(rows.length * share + 1e-9);
  const excellent = [...verdictOf.values()].filter((v) => v === 'excellent').length;
  if (excellent > allowed)
    issues.push({
      field: 'body.verdicts',
      reason: `评定优秀 ${excellent} 人，超过参评党员 ${rows.length} 人的 ${Math.round(share * 100)}%（至多 ${allowed} 人） / ${excellent} excellent verdicts exceed ${Math.round(share * 100)}% of ${rows.length} participants (at most ${allowed})`,
    });
  if (issues.length) throw badInput(issues);

  const updated = await touchAppraisal(tx, appraisal, input.version);
  for (const v of input.verdicts)
    await tx
      .update(appraisalEntries)
      .set({
        verdict: v.verdict,
        verdictReason: v.reason ?? null,
        followUp: v.verdict === 'unqualified' ? (v.followUp ?? null) : null,
        version: sql`${appraisalEntries.version} + 1`,
      })
      .where(
        and(
          eq(appraisalEntries.tenantId, appraisal.tenantId),
          eq(appraisalEntries.appraisalId, appraisal.id),
          eq(appraisalEntries.personId, v.personId),
        ),
      );
  await recordAudit(tx, actor, {
    action: 'verdict',
    entity: 'appraisal',
    entityId: appraisal.id,
    tenantId: appraisal.tenantId,
    orgPath: org.path,
    before: rows
      .filter((r) => seen.has(r.entry.personId))
      .map((r) => ({ personId: r.entry.personId, verdict: r.entry.verdict })),
    after: input.verdicts,
  });
  return updated;
}
