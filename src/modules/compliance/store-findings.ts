/**
 * Merges one evaluation's findings into the stored ones, keeping identity and history: a new key
 * is opened, a resolved key found again is reopened, a changed one is updated in place, and an
 * open finding in the evaluated scope that was not found again is resolved. Unchanged findings
 * are not touched, so re-evaluating unchanged data writes nothing but the run record.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { findingEvents } from '../../db/schema.ts';
import type { Finding } from '../../domain/compliance/types.ts';
import { selectRows } from '../orgs/select-rows.ts';

/** A stored finding as read for the merge: what the events and resolving need, and a digest of the rest. */
type Stored = {
  id: string;
  key: string;
  status: 'open' | 'resolved';
  severity: string;
  period: string | null;
  digest: string;
};

/** The compared content of a stored finding, read only for the few whose digest differs. */
type StoredContent = {
  id: string;
  severity: string;
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

const byJsonbKeyOrder = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A value as PostgreSQL prints it from jsonb (keys by length then bytes, `", "` and `": "`
 * between items), for the values findings hold. Where it prints otherwise (an unusual number, a
 * non-ASCII key) the digests differ and the finding is compared in full: slower, never wrong.
 */
export function jsonbText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++)
      out += (i ? ', ' : '') + (value[i] === undefined ? 'null' : jsonbText(value[i]));
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const [key, prefix] of keyOrder(Object.keys(object))) {
    const v = object[key];
    if (v === undefined) continue;
    out += (out.length > 1 ? ', ' : '') + prefix + jsonbText(v);
  }
  return `${out}}`;
}

/** Thousands of evidence items share a few shapes: sort each shape's keys (and print them) once. */
const keyOrders = new Map<string, [key: string, prefix: string][]>();
function keyOrder(keys: string[]) {
  const shape = keys.join('\u0000');
  let order = keyOrders.get(shape);
  if (!order) {
    order = [...keys].sort(byJsonbKeyOrder).map((k) => [k, `${JSON.stringify(k)}: `]);
    if (keyOrders.size >= 1000) keyOrders.clear(); // shapes are few; bounded in a long-lived server anyway
    keyOrders.set(shape, order);
  }
  return order;
}

/** Each part prefixed by its length, so the digest of different parts cannot coincide by shifting text between them. */
const framed = (parts: string[]) => parts.map((p) => `${p.length}:${p}`).join('');

/** The same digest in SQL, over a stored row (`length` counts characters as JavaScript does outside the astral planes). */
const storedDigest = sql.raw(
  `md5(concat(${['severity', 'org_path', 'message_zh', 'message_en', "coalesce(evidence::text, 'null')", "coalesce(numbers::text, 'null')"].map((c) => `length(${c}), ':', ${c}`).join(', ')}))`,
);

export async function storeFindings(
  tx: Tx,
  scope: StoreScope,
  found: Finding[],
  orgPathOf: (orgId: string) => string,
  runId: string,
): Promise<StoreResult> {
  const ruleFilter = scope.rules ? sql`and rule = any(${sql.param(scope.rules)}::text[])` : sql``;
  // Read keys and a digest of the compared content, not the content: on a re-evaluation nearly
  // every finding is unchanged, and reading back and comparing every message and evidence list
  // cost more than the rest of the merge.
  const stored = await selectRows<Stored>(
    tx,
    sql`select id, key, status, severity, period, ${storedDigest} as digest
      from findings where tenant_id = ${scope.tenantId} and org_path like ${`${scope.subtreePath}%`} ${ruleFilter}`,
  );
  const byKey = new Map(stored.map((s) => [s.key, s]));
  const ids = new Map<string, string>();
  const toInsert: Finding[] = [];
  const toUpdate: { stored: Stored; finding: Finding; reopen: boolean }[] = [];
  const differing: { stored: Stored; finding: Finding }[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    seen.add(f.key);
    const s = byKey.get(f.key);
    if (!s) {
      toInsert.push(f);
      continue;
    }
    ids.set(f.key, s.id);
    if (s.status === 'resolved') {
      toUpdate.push({ stored: s, finding: f, reopen: true });
      continue;
    }
    const digest = createHash('md5')
      .update(
        framed([
          f.severity,
          orgPathOf(f.orgId),
          f.message.zh,
          f.message.en,
          jsonbText(f.evidence ?? []),
          jsonbText(f.numbers ?? null),
        ]),
      )
      .digest('hex');
    if (digest !== s.digest) differing.push({ stored: s, finding: f });
  }
  // A differing digest may still be the same content printed otherwise: compare those in full.
  for (let i = 0; i < differing.length; i += CHUNK) {
    const part = differing.slice(i, i + CHUNK);
    const contents = await selectRows<StoredContent>(
      tx,
      sql`select id, severity, org_path as "orgPath", message_zh as "messageZh", message_en as "messageEn", evidence, numbers
        from findings where tenant_id = ${scope.tenantId} and id = any(${sql.param(part.map((d) => d.stored.id))}::uuid[])`,
    );
    const contentOf = new Map(contents.map((c) => [c.id, c]));
    for (const { stored: s, finding: f } of part) {
      const c = contentOf.get(s.id);
      const changed =
        !c ||
        c.severity !== f.severity ||
        c.messageZh !== f.message.zh ||
        c.messageEn !== f.message.en ||
        c.orgPath !== orgPathOf(f.orgId) ||
        canonical(c.evidence) !== canonical(f.evidence ?? []) ||
        canonical(c.numbers ?? null) !== canonical(f.numbers ?? null);
      if (changed) toUpdate.push({ stored: s, finding: f, reopen: false });
    }
  }
  const toResolve = stored.filter((s) => s.status === 'open' && !seen.has(s.key) && scope.periodEvaluated(s.period));

  const events: { tenantId: string; findingId: string; event: string; severity: string; runId: string }[] = [];
  // New findings and their 'opened' events in one statement per chunk, each column sent as one
  // array: a multi-row VALUES of fourteen parameters a row cost most of a first evaluation.
  for (let i = 0; i < toInsert.length; i += CHUNK) {
    const part = toInsert.slice(i, i + CHUNK);
    const col = <T>(pick: (f: Finding) => T) => sql.param(part.map(pick));
    const rows = await selectRows<{ id: string; key: string }>(
      tx,
      sql`with added as (
          insert into findings (tenant_id, key, rule, family, severity, org_id, org_path, person_id, period,
            message_zh, message_en, source, evidence, numbers)
          select ${scope.tenantId}, v.key, v.rule, v.family, v.severity, v.org_id, v.org_path, v.person_id, v.period,
            v.message_zh, v.message_en, v.source, v.evidence::jsonb, v.numbers::jsonb
          from unnest(${col((f) => f.key)}::text[], ${col((f) => f.rule)}::text[], ${col((f) => f.family)}::text[],
            ${col((f) => f.severity)}::text[], ${col((f) => f.orgId)}::uuid[], ${col((f) => orgPathOf(f.orgId))}::text[],
            ${col((f) => f.personId ?? null)}::uuid[], ${col((f) => f.period)}::text[],
            ${col((f) => f.message.zh)}::text[], ${col((f) => f.message.en)}::text[], ${col((f) => f.source)}::text[],
            ${col((f) => JSON.stringify(f.evidence ?? []))}::text[], ${col((f) => JSON.stringify(f.numbers ?? null))}::text[])
            as v(key, rule, family, severity, org_id, org_path, person_id, period, message_zh, message_en, source, evidence, numbers)
          returning id, key, severity
        ), opened as (
          insert into finding_events (tenant_id, finding_id, event, severity, run_id)
          select ${scope.tenantId}, a.id, 'opened', a.severity, ${runId}::uuid from added a
        )
        select id, key from added`,
    );
    for (const r of rows) ids.set(r.key, r.id);
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
