/**
 * An on-demand evaluation of a subtree the caller may write to (their university by default),
 * stored with its run record; returns the summary, not the findings (those are listed by filter).
 */
import type { Db, Tx } from '../../db/connect.ts';
import { addDays } from '../../domain/periods.ts';
import { badInput, forbidden } from '../../server/errors.ts';
import { type Actor, pathInScope } from '../../server/scope.ts';
import { evaluate } from './evaluate.ts';
import { defaultDashboardOrg } from './finding-scope.ts';

/** Ten years at most: the facts of the whole range are loaded at once. */
const MAX_RANGE_DAYS = 3653;

export async function runEvaluation(
  tx: Tx,
  options: { actor: Actor; org?: string; asOf: string; from?: string; to?: string },
  /** The database of `tx`: a whole university's facts are then read side by side (see `evaluate`). */
  parallelReads?: Db,
) {
  const { from, to } = options;
  if (from && to && from > to)
    throw badInput([{ field: 'body.to', reason: '不能早于 from / must not be before from' }]);
  if (from && addDays(from, MAX_RANGE_DAYS) < (to ?? options.asOf)) {
    throw badInput([{ field: 'body.from', reason: '区间至多十年 / at most ten years' }]);
  }
  const org = await defaultDashboardOrg(tx, options.actor, options.org, 'body.org');
  if (!pathInScope(options.actor, 'write', org.tenantId, org.path)) throw forbidden();
  const result = await evaluate(tx, {
    tenantId: org.tenantId,
    orgId: org.id,
    asOf: options.asOf,
    from,
    to,
    trigger: 'manual',
    actorName: options.actor.displayName,
    // A branch's facts are a few milliseconds of queries: more connections would not pay.
    parallelReads: org.kind === 'branch' || org.kind === 'group' ? undefined : parallelReads,
  });
  return {
    runId: result.runId,
    rules: result.rules,
    counts: result.counts,
    durationMs: result.durationMs,
    asOf: result.asOf,
    from: result.from,
    to: result.to,
  };
}
