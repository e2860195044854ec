/**
 * Login throttling kept in the database, so it holds across several app servers: after
 * `maxFailures` failures within `windowMs` a key (a username, an address) is locked for `lockMs`.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { loginFailures } from '../../db/schema.ts';

export const throttlePolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** The time until which the key is locked, or null. */
export async function lockedUntil(db: Db, key: string, now: Date): Promise<Date | null> {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export async function recordFailure(db: Db, key: string, now: Date, maxFailures = throttlePolicy.maxFailures) {
  const windowStart = new Date(now.getTime() - throttlePolicy.windowMs);
  const lockUntil = new Date(now.getTime() + throttlePolicy.lockMs);
  // One upsert: a failure outside the window restarts the count.
  await db.execute(sql`
    insert into login_failures (key, failures, window_started_at, locked_until)
    values (${key}, 1, ${now.toISOString()}, null)
    on conflict (key) do update set
      failures = case when login_failures.window_started_at < ${windowStart.toISOString()} then 1
                      else login_failures.failures + 1 end,
      window_started_at = case when login_failures.window_started_at < ${windowStart.toISOString()}
                      then ${now.toISOString()}::timestamptz else login_failures.window_started_at end,
      locked_until = case when login_failures.window_started_at >= ${windowStart.toISOString()}
                      and login_failures.failures + 1 >= ${maxFailures}
                      then ${lockUntil.toISOString()}::timestamptz else login_failures.locked_until end`);
}

export async function clearFailures(db: Db, key: string) {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
}
