import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectAwards } from './load-award.ts';
import type { ListQuery } from './schema.ts';

/** Nominations made by orgs the actor may read, filtered by round, kind or status. */
export function listAwards(tx: Tx, options: { actor: Actor; query: ListQuery }) {
  const { actor, query } = options;
  const parts: SQL[] = [orgInScope(actor, 'read', sql`n.tenant_id`, sql`n.path`)];
  if (query.year !== undefined) parts.push(sql`a.round_year = ${query.year}`);
  if (query.kind) parts.push(sql`a.kind = ${query.kind}`);
  if (query.status) parts.push(sql`a.status = ${query.status}`);
  return selectAwards(tx, sql.join(parts, sql` and `));
}
