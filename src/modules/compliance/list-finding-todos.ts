/**
 * The caller's to-dos from findings: open breaches and warnings of the orgs they may change (a
 * secretary: their branch), and open findings about themselves. Newest first, capped.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export const TODO_LIMIT = 100;

export async function listFindingTodos(tx: Tx, options: { actor: Actor }) {
  const { actor } = options;
  const mine =
    actor.personId && actor.tenantId
      ? sql`(f.tenant_id = ${actor.tenantId}::uuid and f.person_id = ${actor.personId}::uuid)`
      : sql`false`;
  // A platform admin's "write scope" is everything: a to-do list of the whole platform helps nobody.
  const runs = actor.all ? sql`false` : orgInScope(actor, 'write', sql`f.tenant_id`, sql`f.org_path`);
  const rows = await selectRows<{
    id: string;
    rule: string;
    severity: 'breach' | 'warning' | 'info';
    orgId: string;
    orgName: string;
    personId: string | null;
    period: string | null;
    messageZh: string;
    messageEn: string;
    mine: boolean;
    openedAt: string;
  }>(
    tx,
    sql`select f.id, f.rule, f.severity, f.org_id as "orgId", o.name as "orgName", f.person_id as "personId", f.period,
        f.message_zh as "messageZh", f.message_en as "messageEn", coalesce(${mine}, false) as mine,
        to_char(f.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "openedAt"
      from findings f join orgs o on o.tenant_id = f.tenant_id and o.id = f.org_id
      where f.status = 'open' and ((${runs} and f.severity in ('breach', 'warning')) or ${mine})
      order by f.opened_at desc, f.severity, f.id
      limit ${TODO_LIMIT}`,
  );
  return rows.map((r) => ({
    findingId: r.id,
    rule: r.rule,
    severity: r.severity,
    orgId: r.orgId,
    orgName: r.orgName,
    personId: r.personId,
    period: r.period,
    title: actor.locale === 'en-US' ? r.messageEn : r.messageZh,
    message: { zh: r.messageZh, en: r.messageEn },
    mine: r.mine,
    openedAt: r.openedAt,
    link: `/compliance/findings/${r.id}`,
  }));
}
