import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { orgs, positions, terms } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';

/** A term with its org, if the org is in the actor's scope; else a 404. */
export async function loadTermInScope(tx: Tx, actor: Actor, access: Access, termId: string) {
  const [row] = await tx
    .select({ term: terms, org: orgs })
    .from(terms)
    .innerJoin(orgs, and(eq(orgs.tenantId, terms.tenantId), eq(orgs.id, terms.orgId)))
    .where(and(eq(terms.id, termId), orgInScope(actor, access, orgs.tenantId, orgs.path)));
  if (!row) throw notFound({ zh: '届次', en: 'term' });
  return row;
}

/** A seat with its term and org, if the org is in the actor's scope; else a 404. */
export async function loadPositionInScope(tx: Tx, actor: Actor, access: Access, positionId: string) {
  const [row] = await tx
    .select({ position: positions, term: terms, org: orgs })
    .from(positions)
    .innerJoin(terms, and(eq(terms.tenantId, positions.tenantId), eq(terms.id, positions.termId)))
    .innerJoin(orgs, and(eq(orgs.tenantId, terms.tenantId), eq(orgs.id, terms.orgId)))
    .where(and(eq(positions.id, positionId), orgInScope(actor, access, orgs.tenantId, orgs.path)));
  if (!row) throw notFound({ zh: '职务', en: 'position' });
  return row;
}

/** The seats of a term, for checks that look at all of them. */
export const loadSeats = (tx: Tx, tenantId: string, termId: string) =>
  tx
    .select()
    .from(positions)
    .where(and(eq(positions.tenantId, tenantId), eq(positions.termId, termId)));
