import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { oversightBodies, tenants } from '../../db/schema.ts';
import { type Actor, tenantIdsInScope } from '../../server/scope.ts';

/**
 * Universities an actor reaches: all for a platform admin, those under their body for an
 * oversight viewer, else their own (a member's included: it is where they belong).
 */
export function universityIdsOf(actor: Actor): string[] | 'all' {
  if (actor.all) return 'all';
  const ids = new Set(tenantIdsInScope(actor, 'read'));
  if (actor.tenantId) ids.add(actor.tenantId);
  return [...ids];
}

export function universityInScope(actor: Actor): SQL {
  const ids = universityIdsOf(actor);
  if (ids === 'all') return sql`true`;
  return ids.length ? inArray(tenants.id, ids) : sql`false`;
}

export async function listUniversities(tx: Tx, options: { actor: Actor; id?: string }) {
  return tx
    .select({
      id: tenants.id,
      code: tenants.code,
      name: tenants.name,
      oversightBodyId: tenants.oversightBodyId,
      oversightBodyName: oversightBodies.name,
      standardSets: tenants.standardSets,
      version: tenants.version,
    })
    .from(tenants)
    .leftJoin(oversightBodies, eq(oversightBodies.id, tenants.oversightBodyId))
    .where(and(universityInScope(options.actor), options.id ? eq(tenants.id, options.id) : undefined))
    .orderBy(asc(tenants.code));
}

/** Oversight bodies an actor reaches: all for a platform admin, else theirs and their university's. */
export async function listOversightBodies(tx: Tx, actor: Actor) {
  const columns = {
    id: oversightBodies.id,
    code: oversightBodies.code,
    name: oversightBodies.name,
    version: oversightBodies.version,
  };
  if (actor.all) return tx.select(columns).from(oversightBodies).orderBy(asc(oversightBodies.code));
  const ids = new Set(actor.grants.map((g) => g.oversightBodyId).filter((b): b is string => b !== null));
  const universities = universityIdsOf(actor) as string[];
  if (universities.length) {
    const rows = await tx
      .select({ body: tenants.oversightBodyId })
      .from(tenants)
      .where(inArray(tenants.id, universities));
    for (const r of rows) if (r.body) ids.add(r.body);
  }
  if (ids.size === 0) return [];
  return tx
    .select(columns)
    .from(oversightBodies)
    .where(inArray(oversightBodies.id, [...ids]))
    .orderBy(asc(oversightBodies.code));
}
