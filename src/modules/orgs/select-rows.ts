import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';

/** Rows of a raw query (recursive and lateral SQL the query builder does not express), on PGlite and node-postgres alike. */
export async function selectRows<Row>(tx: Tx, query: SQL): Promise<Row[]> {
  const result = (await tx.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}
