import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { appraisalEntries } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, type FieldIssue } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { loadAppraisalInScope, loadEntries, requireStep } from './load-appraisal.ts';
import type { VotesInput } from './schema.ts';
import { touchAppraisal } from './touch-appraisal.ts';

const gradeKeys = ['excellent', 'qualified', 'basicallyQualified', 'unqualified'] as const;

/**
 * 民主测评: the number of voters and, per member, the ballots for each grade. A ballot grades a
 * member once, so a member's tallies add up to at most the voters. Leading cadres take part in
 * the appraisal but are not voted on (003 制度机制6), so tallies for them are refused.
 */
export async function recordVotes(tx: Tx, options: { appraisalId: string; input: VotesInput; actor: Actor }) {
  const { input, actor } = options;
  const { appraisal, org } = await loadAppraisalInScope(tx, actor, 'write', options.appraisalId);
  requireStep(appraisal, 'vote', input.version);
  const rows = await loadEntries(tx, appraisal.tenantId, appraisal.id);
  const byPerson = new Map(rows.map((r) => [r.entry.personId, r]));
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [i, tally] of input.tallies.entries()) {
    const row = byPerson.get(tally.personId);
    const field = `body.tallies.${i}`;
    if (!row) {
      issues.push({ field: `${field}.personId`, reason: '不是本次评议的参评党员 / not a participant' });
      continue;
    }
    if (seen.has(tally.personId)) issues.push({ field: `${field}.personId`, reason: '重复 / listed twice' });
    seen.add(tally.personId);
    if (row.entry.leadingCadre)
      issues.push({
        field: `${field}.personId`,
        reason: `${row.name}为党员领导干部，不参加民主测评 / a leading cadre is not voted on`,
      });
    for (const key of gradeKeys)
      if (tally[key] > input.voters)
        issues.push({
          field: `${field}.${key}`,
          reason: `${tally[key]} 票超过投票人数 ${input.voters} / exceeds the voters`,
        });
    const total = gradeKeys.reduce((sum, key) => sum + tally[key], 0);
    if (total > input.voters)
      issues.push({
        field,
        reason: `${row.name}得票合计 ${total} 超过投票人数 ${input.voters} / ${total} votes exceed ${input.voters} voters`,
      });
  }
  // Tallies entered earlier must still fit when the number of voters is corrected downwards.
  for (const row of rows) {
    if (seen.has(row.entry.personId) || row.entry.votesExcellent === null) continue;
    const total =
      (row.entry.votesExcellent ?? 0) +
      (row.entry.votesQualified ?? 0) +
      (row.entry.votesBasicallyQualified ?? 0) +
      (row.entry.votesUnqualified ?? 0);
    if (total > input.voters)
      issues.push({
        field: 'body.voters',
        reason: `${row.name}已录入 ${total} 票，多于投票人数 ${input.voters} / ${row.name} already has ${total} votes`,
      });
  }
  if (issues.length) throw badInput(issues);

  const updated = await touchAppraisal(tx, appraisal, input.version, { voters: input.voters });
  for (const tally of input.tallies)
    await tx
      .update(appraisalEntries)
      .set({
        votesExcellent: tally.excellent,
        votesQualified: tally.qualified,
        votesBasicallyQualified: tally.basicallyQualified,
        votesUnqualified: tally.unqualified,
        version: sql`${appraisalEntries.version} + 1`,
      })
      .where(
        and(
          eq(appraisalEntries.tenantId, appraisal.tenantId),
          eq(appraisalEntries.appraisalId, appraisal.id),
          eq(appraisalEntries.personId, tally.personId),
        ),
      );
  await recordAudit(tx, actor, {
    action: 'vote',
    entity: 'appraisal',
    entityId: appraisal.id,
    tenantId: appraisal.tenantId,
    orgPath: org.path,
    before: { voters: appraisal.voters },
    after: { voters: input.voters, tallies: input.tallies },
  });
  return updated;
}
