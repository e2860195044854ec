/**
 * One finding with its numbers, its evidence (labels read fresh: one query per kind of record)
 * and its history. Out of scope is a 404.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { notFound } from '../../server/errors.ts';
import type { Actor } from '../../server/scope.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { findingInScope } from './finding-scope.ts';
import { type FindingRow, findingColumns, findingJoins, presentFinding } from './list-findings.ts';

type StoredEvidence = { kind: string; id: string; label?: string };

/** For each kind of record a finding may point to: the query giving `id, label` for some ids. */
const labelQueries: Record<string, (tenantId: string, ids: SQL) => SQL> = {
  meeting: (t, ids) =>
    sql`select id, title || '（' || held_on::text || '）' as label from meetings where tenant_id = ${t} and id = any(${ids})`,
  person: (t, ids) =>
    sql`select id, name || '（' || code || '）' as label from people where tenant_id = ${t} and id = any(${ids})`,
  org: (t, ids) => sql`select id, name as label from orgs where tenant_id = ${t} and id = any(${ids})`,
  term: (t, ids) =>
    sql`select t.id, o.name || ' ' || t.elected_on::text || '—' || t.ends_on::text || ' 届' as label
      from terms t join orgs o on o.tenant_id = t.tenant_id and o.id = t.org_id
      where t.tenant_id = ${t} and t.id = any(${ids})`,
  position: (t, ids) =>
    sql`select ps.id, p.name || '（' || ps.role || '）' as label
      from positions ps join people p on p.tenant_id = ps.tenant_id and p.id = ps.person_id
      where ps.tenant_id = ${t} and ps.id = any(${ids})`,
  membership: (t, ids) =>
    sql`select m.id, o.name || '（' || m.valid_from::text || '起）' as label
      from memberships m join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where m.tenant_id = ${t} and m.id = any(${ids})`,
  thoughtReport: (t, ids) =>
    sql`select id, title || '（' || submitted_on::text || '）' as label from thought_reports
      where tenant_id = ${t} and id = any(${ids})`,
};

async function labelEvidence(tx: Tx, tenantId: string, evidence: StoredEvidence[]) {
  const labels = new Map<string, string>();
  const kinds = [...new Set(evidence.map((e) => e.kind))];
  for (const kind of kinds) {
    const query = labelQueries[kind];
    if (!query) continue;
    const ids = evidence.filter((e) => e.kind === kind).map((e) => e.id);
    const rows = await selectRows<{ id: string; label: string }>(tx, query(tenantId, sql`${sql.param(ids)}::uuid[]`));
    for (const r of rows) labels.set(`${kind}:${r.id}`, r.label);
  }
  // A record deleted since keeps the label the rule gave it, else its kind and id.
  return evidence.map((e) => ({
    kind: e.kind,
    id: e.id,
    label: labels.get(`${e.kind}:${e.id}`) ?? e.label ?? `${e.kind} ${e.id}`,
  }));
}

export async function loadFinding(tx: Tx, options: { actor: Actor; id: string }) {
  const [row] = await selectRows<
    FindingRow & { numbers: Record<string, number | string | null> | null; evidence: StoredEvidence[] }
  >(
    tx,
    sql`select ${findingColumns}, f.numbers, f.evidence from findings f ${findingJoins}
      where f.id = ${options.id} and ${findingInScope(options.actor)}`,
  );
  if (!row) throw notFound({ zh: '问题', en: 'finding' });
  const history = await selectRows<{ event: string; severity: string; at: string }>(
    tx,
    sql`select event, severity, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
      from finding_events where tenant_id = ${row.tenantId} and finding_id = ${row.id} order by at, id`,
  );
  return {
    ...presentFinding(row),
    ruleTitle: ruleById.get(row.rule)?.title ?? null,
    numbers: row.numbers ?? null,
    evidence: await labelEvidence(tx, row.tenantId, Array.isArray(row.evidence) ? row.evidence : []),
    history,
  };
}
