/**
 * Starts the compliance engine's background work in a serving process: incremental evaluation of
 * changed branches every few seconds, and the nightly evaluation check every minute. Not started
 * in tests (they call the jobs directly with their own clock).
 */
import type { Db } from '../../../db/connect.ts';
import { todayInShanghai } from '../../../server/context.ts';
import { evaluateChangedBranches } from './incremental.ts';
import { runNightlyEvaluation } from './nightly.ts';

type Log = { info(msg: string): void; error(msg: string): void };

export function startComplianceJobs(db: Db, options: { now?: () => Date; log: Log; incrementalMs?: number }) {
  const now = options.now ?? (() => new Date());
  let busy = false;
  const guarded = (name: string, work: () => Promise<string | null>) => async () => {
    if (busy) return; // one job at a time per process; the next tick catches up
    busy = true;
    try {
      const message = await work();
      if (message) options.log.info(message);
    } catch (error) {
      options.log.error(`${name} failed: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  };
  const incremental = setInterval(
    guarded('incremental evaluation', async () => {
      const r = await evaluateChangedBranches(db, { asOf: todayInShanghai(now()) });
      return r.branches
        ? `compliance: re-evaluated ${r.branches} changed branch(es), +${r.findingsOpened} −${r.findingsResolved}`
        : null;
    }),
    options.incrementalMs ?? 5_000,
  );
  const nightly = setInterval(
    guarded('nightly evaluation', async () => {
      const r = await runNightlyEvaluation(db, now());
      return r.ran ? `compliance: nightly evaluation of ${r.universities} universities, ${r.findings} findings` : null;
    }),
    60_000,
  );
  incremental.unref();
  nightly.unref();
  return () => {
    clearInterval(incremental);
    clearInterval(nightly);
  };
}
