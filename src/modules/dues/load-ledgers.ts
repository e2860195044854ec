/**
 * The ledgers of every member of an org subtree over a window of months, for the dues pages: the
 * same loader and ledger the DUES rules use, scoped to an org the actor may read.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { loadDuesRecords } from '../../db/facts/dues.ts';
import { orgs } from '../../db/schema.ts';
import { memberLedger } from '../../domain/dues/ledger.ts';
import { notFound } from '../../server/errors.ts';
import { type Actor, orgInScope } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';

export async function loadOrgInScope(tx: Tx, actor: Actor, orgId: string) {
  const [org] = await tx
    .select({ tenantId: orgs.tenantId, id: orgs.id, path: orgs.path, name: orgs.name, code: orgs.code })
    .from(orgs)
    .where(and(eq(orgs.id, orgId), orgInScope(actor, 'read', orgs.tenantId, orgs.path)));
  if (!org) throw notFound({ zh: '组织', en: 'organization' });
  return org;
}

export async function loadLedgers(
  tx: Tx,
  options: {
    org: { tenantId: string; path: string };
    fromMonth: string;
    toMonth: string;
    asOf: string;
    personId?: string;
  },
) {
  const { org } = options;
  const facts = await loadDuesRecords(tx, {
    scope: {
      tenantIds: [org.tenantId],
      subtreePath: org.path,
      from: `${options.fromMonth}-01`,
      to: options.asOf,
      asOf: options.asOf,
    },
    fromMonth: options.fromMonth,
    toMonth: options.toMonth,
    personId: options.personId,
  });
  return facts.members.map((m) => ({ ...m, months: memberLedger(m) }));
}

/** Names and codes of people and orgs, by id. */
export async function namesOf(tx: Tx, tenantId: string, personIds: string[], orgIds: string[]) {
  const people = personIds.length
    ? await selectRows<{ id: string; code: string; name: string }>(
        tx,
        sql`select id, code, name from people where tenant_id = ${tenantId}::uuid and id = any(${sql.param(personIds)}::uuid[])`,
      )
    : [];
  const orgRows = orgIds.length
    ? await selectRows<{ id: string; name: string }>(
        tx,
        sql`select id, name from orgs where tenant_id = ${tenantId}::uuid and id = any(${sql.param(orgIds)}::uuid[])`,
      )
    : [];
  return { people: new Map(people.map((p) => [p.id, p])), orgs: new Map(orgRows.map((o) => [o.id, o.name])) };
}
