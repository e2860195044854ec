import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { terms } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { badInput, stale } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { termDatesIssue } from './check-positions.ts';
import { loadSeats, loadTermInScope } from './load-term.ts';

/** Corrects a term's election or end date; no seat may then start before the election. */
export async function updateTerm(
  tx: Tx,
  options: { termId: string; input: { version: number; electedOn?: string; endsOn?: string }; actor: Actor },
) {
  const { input, actor } = options;
  const { term, org } = await loadTermInScope(tx, actor, 'write', options.termId);
  if (term.version !== input.version) throw stale();
  const electedOn = input.electedOn ?? term.electedOn;
  const endsOn = input.endsOn ?? term.endsOn;
  const issues = termDatesIssue(electedOn, endsOn);
  const seats = await loadSeats(tx, term.tenantId, term.id);
  const early = seats.find((s) => s.validFrom < electedOn);
  if (early)
    issues.push({
      field: 'body.electedOn',
      reason: `已有职务自 ${early.validFrom} 起任职，选举日期不能晚于此 / a seat begins on ${early.validFrom}, before this election date`,
    });
  if (issues.length) throw badInput(issues);
  const [updated] = await tx
    .update(terms)
    .set({ electedOn, endsOn, version: sql`${terms.version} + 1` })
    .where(and(eq(terms.tenantId, term.tenantId), eq(terms.id, term.id), eq(terms.version, input.version)))
    .returning();
  if (!updated) throw stale();
  await recordAudit(tx, actor, {
    action: 'update',
    entity: 'term',
    entityId: term.id,
    tenantId: term.tenantId,
    orgPath: org.path,
    before: term,
    after: updated,
  });
  return updated;
}
