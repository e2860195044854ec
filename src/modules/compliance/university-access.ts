/**
 * Which university a configuration request is about, and whether the caller may change it.
 * Policy: anyone who reads part of a university may read its configuration (the explain view
 * needs it); only organization-department admins of that university (and platform admins) change
 * its standard sets and overrides, university-wide or for a subtree. A college admin asks them:
 * letting a college weaken a rule for itself would defeat the monitoring.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { badInput, forbidden, notFound } from '../../server/errors.ts';
import { type Actor, holdsTenantRoot, tenantIdsInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export type UniversityRow = { id: string; code: string; name: string; standardSets: string[]; version: number };

export async function loadUniversity(
  tx: Tx,
  actor: Actor,
  university: string | undefined,
  access: 'read' | 'write',
  field: string,
): Promise<UniversityRow> {
  const tenantId = university ?? actor.tenantId;
  if (!tenantId) throw badInput([{ field, reason: '请指定学校 / name the university' }]);
  const readable = actor.all || tenantIdsInScope(actor, 'read').includes(tenantId);
  const [row] = readable
    ? await selectRows<UniversityRow>(
        tx,
        sql`select id, code, name, standard_sets as "standardSets", version from tenants where id = ${tenantId}`,
      )
    : [];
  if (!row) throw notFound({ zh: '学校', en: 'university' });
  if (access === 'write' && !holdsTenantRoot(actor, 'write', tenantId)) throw forbidden();
  return row;
}

export const canEditConfig = (actor: Actor, tenantId: string) => holdsTenantRoot(actor, 'write', tenantId);
