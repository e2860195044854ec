/**
 * Read-only transactions on other connections of a PostgreSQL server that see exactly what one
 * open transaction sees (its exported snapshot), so independent read queries of one evaluation can
 * run side by side on the server's cores instead of one after another on one connection.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Db, Tx } from './connect.ts';
import * as schema from './schema.ts';

/**
 * Readers come from a pool of their own, never from the pool of the transactions they serve: ten
 * evaluations holding every connection of that pool while waiting for readers from it would wait
 * forever. Three at once measured best on a 2-core server (bench: a university 2.2–2.5 s, a
 * province batch of ten 8.2–8.7 s; with two, four or six 2.3–3.1 s and 8.5–9.5 s), the
 * application's own thread taking in their rows and running the rules meanwhile.
 */
const READERS = 3;
const readerPools = new WeakMap<pg.Pool, pg.Pool>();

function readerPoolOf(pool: pg.Pool) {
  let readers = readerPools.get(pool);
  if (!readers) {
    readers = new pg.Pool({ ...pool.options, max: READERS, allowExitOnIdle: true });
    // An idle reader whose server went away is replaced on its next use.
    readers.on('error', () => {});
    readerPools.set(pool, readers);
  }
  return readers;
}

/** Closes the readers of a pool (when the pool itself is closed). */
export async function closeSnapshotReaders(pool: pg.Pool) {
  const readers = readerPools.get(pool);
  readerPools.delete(pool);
  await readers?.end();
}

export type SnapshotReaders = {
  /** Runs `work` in a read-only transaction on its own connection, seeing the snapshot of `tx`. */
  run<T>(work: (reader: Tx) => Promise<T>): Promise<T>;
};

/**
 * Readers sharing the snapshot of `tx`, or null where that cannot be done: on PGlite (one
 * connection), when `tx` is not a transaction, and when `tx` has already written (its own
 * uncommitted rows would be invisible to the readers, so the caller must read on `tx`). `settings`
 * are `set local` in each reader, as the caller set them on `tx`.
 */
export async function snapshotReaders(
  tx: Tx,
  db: Db | undefined,
  settings: Record<string, string> = {},
): Promise<SnapshotReaders | null> {
  const pool = (db as { $client?: unknown } | undefined)?.$client;
  if (!(pool instanceof pg.Pool) || !(tx instanceof PgTransaction)) return null;
  const [state] = (
    (await tx.execute(
      sql`select pg_export_snapshot() as snapshot, pg_current_xact_id_if_assigned() is null as clean`,
    )) as unknown as { rows: { snapshot: string; clean: boolean }[] }
  ).rows;
  if (!state.clean) return null;
  return {
    async run(work) {
      const client = await readerPoolOf(pool).connect();
      try {
        await client.query('begin isolation level repeatable read read only');
        await client.query(`set transaction snapshot '${state.snapshot}'`);
        for (const [name, value] of Object.entries(settings)) {
          await client.query('select set_config($1, $2, true)', [name, value]);
        }
        const result = await work(drizzle(client, { schema }) as unknown as Tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * Runs independent reads: side by side, each on a reader, when there are readers; else one after
 * another on `tx`. Results in the order of `reads`.
 */
export async function readAll<T extends unknown[]>(
  tx: Tx,
  readers: SnapshotReaders | null,
  reads: { [K in keyof T]: (on: Tx) => Promise<T[K]> },
): Promise<T> {
  if (readers) return (await Promise.all(reads.map((read) => readers.run(read)))) as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read(tx));
  return results as T;
}
