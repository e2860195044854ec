/**
 * The nightly evaluation of every university, after 02:00 Asia/Shanghai. A day's run is claimed
 * by inserting its row in `job_runs`; a second server (or a restart) finds it taken and skips.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { jobRuns, tenants } from '../../../db/schema.ts';
import { todayInShanghai } from '../../../server/context.ts';
import { evaluateUniversities } from '../evaluate.ts';

export const NIGHTLY_JOB = 'compliance.nightly';
const START_HOUR = 2;
/**
 * Universities evaluated together: their facts are read by the same statements, which costs far
 * less than one pass per university (see docs/bench.md); ten keep the facts held in memory bounded.
 */
export const NIGHTLY_BATCH = 10;

const shanghaiHour = (now: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hourCycle: 'h23' }).format(now),
  );

export type NightlyOutcome =
  | { ran: false; reason: 'tooEarly' | 'alreadyClaimed' }
  | { ran: true; day: string; universities: number; findings: number };

export async function runNightlyEvaluation(db: Db, now: Date): Promise<NightlyOutcome> {
  if (shanghaiHour(now) < START_HOUR) return { ran: false, reason: 'tooEarly' };
  const day = todayInShanghai(now);
  const claimed = await db
    .insert(jobRuns)
    .values({ job: NIGHTLY_JOB, runKey: day })
    .onConflictDoNothing()
    .returning({ job: jobRuns.job });
  if (claimed.length === 0) return { ran: false, reason: 'alreadyClaimed' };
  const universities = await db.select({ id: tenants.id, code: tenants.code }).from(tenants).orderBy(tenants.code);
  let findings = 0;
  const failures: string[] = [];
  const evaluateTogether = (batch: typeof universities) =>
    db.transaction((tx) =>
      evaluateUniversities(tx, {
        tenantIds: batch.map((u) => u.id),
        asOf: day,
        trigger: 'nightly',
        actorName: 'system',
        parallelReads: db,
      }),
    );
  for (let i = 0; i < universities.length; i += NIGHTLY_BATCH) {
    const batch = universities.slice(i, i + NIGHTLY_BATCH);
    try {
      const { results } = await evaluateTogether(batch);
      for (const r of results) findings += r.counts.produced;
    } catch {
      // One transaction per batch; when it fails, each of its universities is evaluated on its
      // own, so one failing university does not hold back the others.
      for (const u of batch) {
        try {
          const { results } = await evaluateTogether([u]);
          findings += results[0].counts.produced;
        } catch (error) {
          failures.push(`${u.code}: ${(error as Error).message}`);
        }
      }
    }
  }
  const outcome = failures.length
    ? `failed: ${failures.join('; ')}`
    : `ok: ${universities.length} universities, ${findings} findings`;
  await db.execute(
    sql`update job_runs set finished_at = now(), outcome = ${outcome} where job = ${NIGHTLY_JOB} and run_key = ${day}`,
  );
  return { ran: true, day, universities: universities.length, findings };
}
