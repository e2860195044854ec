/**
 * Merges one evaluation's findings into the stored ones, keeping identity and history: a new key
 * is opened, a resolved key found again is reopened, a changed one is updated in place, and an
 * open finding in the evaluated scope that was not found again is resolved. Unchanged findings
 * are not touched, so re-evaluating unchanged data writes nothing but the run record.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { findingEvents, findings as findingsTable } from '../../db/schema.ts';
import type { Finding } from '../../domain/compliance/types.ts';
import { selectRows } from '../orgs/select-rows.ts';

type Stored = {
  id: string;
  key: string;
  rule: string;
  status: 'open' | 'resolved';
  severity: string;
  period: string | null;
  orgPath: string;
  messageZh: string;
  messageEn: string;
  evidence: unknown;
  numbers: unknown;
};

export type StoreScope = {
  tenantId: string;
  subtreePath: string;
  /** The rules evaluated, or null when every adopted rule was (then findings of dropped rules resolve too). */
  rules: string[] | null;
  /** Whether a stored finding's period was part of this evaluation (null: a present-state finding). */
  periodEvaluated: (period: string | null) => boolean;
};

export type StoreResult = {
  opened: number;
  reopened: number;
  updated: number;
  resolved: number;
  ids: Map<string, string>;
};

const CHUNK = 1000;

/** JSON with object keys sorted: jsonb does not keep key order, so plain JSON.stringify would see every row as changed. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export async function storeFindings(
  tx: Tx,
  scope: StoreScope,
  found: Finding[],
  orgPathOf: (orgId: string) => string,
  runId: string,
): Promise<StoreResult> {
  const ruleFilter = scope.rules ? sql`and rule = any(${sql.param(scope.rules)}::text[])` : sql``;
  const stored = await selectRows<Stored>(
    tx,
    sql`select id, key, rule, status, severity, period, org_path as "orgPath", message_zh as "messageZh",
        message_en as "messageEn", evidence, numbers
      from findings where tenant_id = ${scope.tenantId} and org_path like ${`${scope.subtreePath}%`} ${ruleFilter}`,
  );
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const ids = new Map<string, string>();
  const toInsert: Finding[] = [];
  const toUpdate: { stored: Stored; finding: Finding; reopen: boolean }[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    seen.add(f.key);
    const s = byKey.get(f.key);
    if (!s) {
      toInsert.push(f);
      continue;
    }
    ids.set(f.key, s.id);
    const reopen = s.status === 'resolved';
    const changed =
      reopen ||
      s.severity !== f.severity ||
      s.messageZh !== f.message.zh ||
      s.messageEn !== f.message.en ||
      s.orgPath !== orgPathOf(f.orgId) ||
      canonical(s.evidence) !== canonical(f.evidence ?? []) ||
      canonical(s.numbers ?? null) !== canonical(f.numbers ?? null);
    if (changed) toUpdate.push({ stored: s, finding: f, reopen });
  }
  const toResolve = stored.filter((s) => s.status === 'open' && !seen.has(s.key) && scope.periodEvaluated(s.period));

  const events: { tenantId: string; findingId: string; event: string; severity: string; runId: string }[] = [];
  for (let i = 0; i < toInsert.length; i += CHUNK) {
    const rows = await tx
      .insert(findingsTable)
      .values(
        toInsert.slice(i, i + CHUNK).map((f) => ({
          tenantId: scope.tenantId,
          key: f.key,
          rule: f.rule,
          family: f.family,
          severity: f.severity,
          orgId: f.orgId,
          orgPath: orgPathOf(f.orgId),
          personId: f.personId ?? null,
          period: f.period,
          messageZh: f.message.zh,
          messageEn: f.message.en,
          source: f.source,
          evidence: f.evidence ?? [],
          numbers: f.numbers ?? null,
        })),
      )
      .returning({ id: findingsTable.id, key: findingsTable.key, severity: findingsTable.severity });
    for (const r of rows) {
      ids.set(r.key, r.id);
      events.push({ tenantId: scope.tenantId, findingId: r.id, event: 'opened', severity: r.severity, runId });
    }
  }

  for (let i = 0; i < toUpdate.length; i += CHUNK) {
    const part = toUpdate.slice(i, i + CHUNK);
    const col = <T>(pick: (u: (typeof part)[number]) => T) => sql.param(part.map(pick));
    await tx.execute(sql`update findings f set
        severity = v.severity, message_zh = v.message_zh, message_en = v.message_en, org_path = v.org_path,
        evidence = v.evidence::jsonb, numbers = v.numbers::jsonb, status = 'open', resolved_at = null,
        opened_at = case when v.reopen then now() else f.opened_at end,
        evaluated_at = now(), version = f.version + 1
      from unnest(${col((u) => u.stored.id)}::uuid[], ${col((u) => u.finding.severity)}::text[],
        ${col((u) => u.finding.message.zh)}::text[], ${col((u) => u.finding.message.en)}::text[],
        ${col((u) => orgPathOf(u.finding.orgId))}::text[], ${col((u) => JSON.stringify(u.finding.evidence ?? []))}::text[],
        ${col((u) => JSON.stringify(u.finding.numbers ?? null))}::text[], ${col((u) => u.reopen)}::boolean[])
        as v(id, severity, message_zh, message_en, org_path, evidence, numbers, reopen)
      where f.tenant_id = ${scope.tenantId} and f.id = v.id`);
    for (const u of part) {
      const event = u.reopen ? 'reopened' : u.stored.severity !== u.finding.severity ? 'severityChanged' : null;
      if (event)
        events.push({ tenantId: scope.tenantId, findingId: u.stored.id, event, severity: u.finding.severity, runId });
    }
  }

  for (let i = 0; i < toResolve.length; i += CHUNK) {
    const part = toResolve.slice(i, i + CHUNK);
    await tx.execute(sql`update findings set status = 'resolved', resolved_at = now(), version = version + 1
      where tenant_id = ${scope.tenantId} and id = any(${sql.param(part.map((s) => s.id))}::uuid[])`);
    for (const s of part) {
      events.push({ tenantId: scope.tenantId, findingId: s.id, event: 'resolved', severity: s.severity, runId });
    }
  }

  for (let i = 0; i < events.length; i += CHUNK) {
    await tx.insert(findingEvents).values(events.slice(i, i + CHUNK));
  }
  return {
    opened: toInsert.length,
    reopened: toUpdate.filter((u) => u.reopen).length,
    updated: toUpdate.filter((u) => !u.reopen).length,
    resolved: toResolve.length,
    ids,
  };
}
