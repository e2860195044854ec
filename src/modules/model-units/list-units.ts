import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectUnits } from './load-unit.ts';
import type { ListQuery } from './schema.ts';

/** Model units on orgs the actor may read, filtered by plan year, kind, level, status or subtree. */
export async function listUnits(tx: Tx, options: { actor: Actor; query: ListQuery; rootPath?: string }) {
  const { actor, query, rootPath } = options;
  const parts: SQL[] = [orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)];
  if (rootPath) parts.push(sql`o.path like ${`${rootPath}%`}`);
  if (query.year !== undefined) parts.push(sql`mu.plan_year = ${query.year}`);
  if (query.kind) parts.push(sql`mu.kind = ${query.kind}`);
  if (query.level) parts.push(sql`mu.level = ${query.level}`);
  if (query.status) parts.push(sql`mu.status = ${query.status}`);
  return selectUnits(tx, sql.join(parts, sql` and `));
}
