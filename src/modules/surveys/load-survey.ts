/** One survey with its org, in the actor's scope (else 404) and checked for the access a change needs. */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { surveys } from '../../db/schema.ts';
import { notFound } from '../../server/errors.ts';
import { type Access, type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadScopedOrg } from '../rectifications/superior.ts';

export const surveyLabel = { zh: '摸底排查记录', en: 'survey' };

export async function loadSurvey(tx: Tx, actor: Actor, id: string, access: Access | 'supervise') {
  const [found] = await selectRows<{ orgId: string }>(
    tx,
    sql`select s.org_id as "orgId" from surveys s join orgs o on o.tenant_id = s.tenant_id and o.id = s.org_id
      where s.id = ${id} and ${orgInScope(actor, 'read', sql`o.tenant_id`, sql`o.path`)}`,
  );
  if (!found) throw notFound(surveyLabel);
  const org = await loadScopedOrg(tx, actor, found.orgId, access);
  const [survey] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.tenantId, org.tenantId), eq(surveys.id, id)));
  return { org, survey };
}
