/**
 * Set-based inserts for large imports. Scalar columns go through `insert … select from
 * unnest($1::uuid[], $2::text[], …)`: one parameter per column instead of one per value, which
 * makes building and sending a statement several times cheaper than a multi-row VALUES list.
 * Tables with array or JSON columns (orgs, rule parameters: few rows) use ordinary multi-row
 * inserts, since unnest would flatten nested arrays.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/connect.ts';

const UNNEST_CHUNK = 5000;
const VALUES_CHUNK = 1000;

export async function insertMany(tx: Tx, table: PgTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const columns = getTableColumns(table);
  const chosen = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertMany: ${key} is not a column`);
    return column;
  });
  const scalar = chosen.every((c) => !c.getSQLType().endsWith('[]') && !c.getSQLType().startsWith('json'));
  if (!scalar) {
    for (let i = 0; i < rows.length; i += VALUES_CHUNK)
      await tx.insert(table).values(rows.slice(i, i + VALUES_CHUNK) as never);
    return;
  }
  const names = sql.join(
    chosen.map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += UNNEST_CHUNK) {
    const chunk = rows.slice(i, i + UNNEST_CHUNK);
    const arrays = chosen.map(
      (column, k) => sql`${sql.param(chunk.map((row) => row[keys[k]] ?? null))}::${sql.raw(column.getSQLType())}[]`,
    );
    await tx.execute(sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
  }
}
