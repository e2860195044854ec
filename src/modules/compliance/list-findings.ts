/**
 * Findings by filter (subtree, severity, rule, family, period, status, person, text), newest and
 * most severe first, one page at a time with the total. The scope predicate is in the query.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { findingInScope, loadFilterOrg } from './finding-scope.ts';
import type { FindingItem, FindingsFilters } from './schema.ts';

export type FindingRow = {
  id: string;
  tenantId: string;
  rule: string;
  family: string;
  severity: FindingItem['severity'];
  orgId: string;
  orgCode: string;
  orgName: string;
  personId: string | null;
  personCode: string | null;
  personName: string | null;
  period: string | null;
  messageZh: string;
  messageEn: string;
  source: string;
  status: FindingItem['status'];
  openedAt: string;
  resolvedAt: string | null;
};

const iso = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Columns of `findings f` joined to `orgs o` and `people p`, in the shape of FindingRow. */
export const findingColumns = sql`f.id, f.tenant_id as "tenantId", f.rule, f.family, f.severity,
  f.org_id as "orgId", o.code as "orgCode", o.name as "orgName",
  f.person_id as "personId", p.code as "personCode", p.name as "personName",
  f.period, f.message_zh as "messageZh", f.message_en as "messageEn", f.source, f.status,
  ${iso(sql`f.opened_at`)} as "openedAt", ${iso(sql`f.resolved_at`)} as "resolvedAt"`;

export const findingJoins = sql`join orgs o on o.tenant_id = f.tenant_id and o.id = f.org_id
  left join people p on p.tenant_id = f.tenant_id and p.id = f.person_id`;

export const severityOrder = sql`case f.severity when 'breach' then 0 when 'warning' then 1 else 2 end`;

export function presentFinding(r: FindingRow): FindingItem {
  return {
    id: r.id,
    tenantId: r.tenantId,
    rule: r.rule,
    family: r.family,
    severity: r.severity,
    org: { id: r.orgId, code: r.orgCode, name: r.orgName },
    person: r.personId ? { id: r.personId, code: r.personCode ?? '', name: r.personName ?? '' } : null,
    period: r.period,
    message: { zh: r.messageZh, en: r.messageEn },
    source: r.source,
    status: r.status,
    openedAt: r.openedAt,
    resolvedAt: r.resolvedAt,
  };
}

const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The where clause of a filter, scope included; also used by the Excel export. */
export async function findingsWhere(tx: Tx, actor: Actor, filters: Omit<FindingsFilters, 'page' | 'pageSize'>) {
  const parts: SQL[] = [findingInScope(actor)];
  if (filters.org) {
    const root = await loadFilterOrg(tx, actor, filters.org);
    parts.push(sql`f.tenant_id = ${root.tenantId} and f.org_path like ${`${root.path}%`}`);
  }
  if (filters.severity) parts.push(sql`f.severity = ${filters.severity}`);
  if (filters.rule) parts.push(sql`f.rule = ${filters.rule}`);
  if (filters.family) parts.push(sql`f.family = ${filters.family}`);
  if (filters.period) parts.push(sql`f.period = ${filters.period}`);
  if (filters.status !== 'all') parts.push(sql`f.status = ${filters.status}`);
  if (filters.person) parts.push(sql`f.person_id = ${filters.person}::uuid`);
  if (filters.q) {
    const q = likeText(filters.q);
    parts.push(sql`(f.message_zh ilike ${q} or f.message_en ilike ${q} or o.name ilike ${q} or o.code ilike ${q}
      or p.name ilike ${q} or p.code ilike ${q} or f.rule ilike ${q})`);
  }
  return sql.join(parts, sql` and `);
}

export async function listFindings(tx: Tx, options: { actor: Actor; filters: FindingsFilters }) {
  const { page, pageSize, ...filters } = options.filters;
  const where = await findingsWhere(tx, options.actor, filters);
  const rows = await selectRows<FindingRow & { total: number }>(
    tx,
    sql`select ${findingColumns}, count(*) over ()::int as total
      from findings f ${findingJoins}
      where ${where}
      order by f.status, ${severityOrder}, f.period desc nulls first, f.opened_at desc, o.code, f.rule, f.id
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [count] = await selectRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from findings f ${findingJoins} where ${where}`,
    );
    total = count.n;
  }
  return { items: rows.map(presentFinding), total };
}
