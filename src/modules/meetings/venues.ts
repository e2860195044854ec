/** 党员活动场所: rooms an org's meetings are held in. */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, venues } from '../../db/schema.ts';
import { recordAudit } from '../../server/audit.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { loadOrgInScope } from '../orgs/load-org.ts';

/**
 * Venues in the actor's read scope; for an org, the rooms it may use: its own and those of its
 * college and university (a branch borrows the college's room), even above the actor's scope.
 */
export async function listVenues(tx: Tx, options: { actor: Actor; orgId?: string }) {
  let where: SQL | undefined = orgInScope(options.actor, 'read', orgs.tenantId, orgs.path);
  if (options.orgId) {
    const org = await loadOrgInScope(tx, options.actor, 'read', options.orgId);
    where = and(eq(orgs.tenantId, org.tenantId), sql`starts_with(${org.path}, ${orgs.path})`);
  }
  return tx
    .select({
      id: venues.id,
      orgId: venues.orgId,
      orgName: orgs.name,
      name: venues.name,
      address: venues.address,
      version: venues.version,
    })
    .from(venues)
    .innerJoin(orgs, and(eq(orgs.tenantId, venues.tenantId), eq(orgs.id, venues.orgId)))
    .where(where)
    .orderBy(asc(orgs.path), asc(venues.name));
}

export async function createVenue(
  tx: Tx,
  options: { input: { orgId: string; name: string; address?: string | null }; actor: Actor },
) {
  const org = await loadOrgInScope(tx, options.actor, 'write', options.input.orgId);
  const [venue] = await tx
    .insert(venues)
    .values({ tenantId: org.tenantId, orgId: org.id, name: options.input.name, address: options.input.address || null })
    .returning();
  await recordAudit(tx, options.actor, {
    action: 'create',
    entity: 'venue',
    entityId: venue.id,
    tenantId: org.tenantId,
    orgPath: org.path,
    after: venue,
  });
  return {
    id: venue.id,
    orgId: org.id,
    orgName: org.name,
    name: venue.name,
    address: venue.address,
    version: venue.version,
  };
}
