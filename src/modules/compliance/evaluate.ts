/**
 * One evaluation: load the configuration and facts of a university (or one subtree of it) for a
 * date range, run every adopted rule, and merge the findings into the stored ones with their
 * history. Facts are loaded with a handful of set-based queries, whatever the size of the scope.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/connect.ts';
import { loadCoreFacts } from '../../db/facts/core.ts';
import { loadFactSet } from '../../db/facts/index.ts';
import type { FactScope } from '../../db/facts/scope.ts';
import { loadVerdicts } from '../../db/facts/verdicts.ts';
import { evaluationRuns } from '../../db/schema.ts';
import { snapshotReaders } from '../../db/snapshot-readers.ts';
import type { FactSets } from '../../domain/compliance/fact-sets.ts';
import { knownRuleIds } from '../../domain/compliance/rule-catalog.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { runRules } from '../../domain/compliance/run-rules.ts';
import { adoptedRuleIds, standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import type { Finding, Rule, Verdict } from '../../domain/compliance/types.ts';
import { boundsOfKey } from '../../domain/periods.ts';
import { smallestMakeupDays } from '../../domain/rules/member-life.ts';
import { badInput, notFound } from '../../server/errors.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadConfigs } from './load-config.ts';
import { storeFindings } from './store-findings.ts';

/** Set on the evaluation's transaction and on each reader of its facts. */
const factSettings = {
  // The fact queries are short aggregates that PostgreSQL's JIT compiles for longer than they run.
  jit: 'off',
  // Grouping a year of a university's attendance by person sorts more than the default 4 MB.
  work_mem: '64MB',
};

export type EvaluationTrigger = 'manual' | 'nightly' | 'change' | 'cli' | 'import';

export type EvaluateOptions = {
  tenantId: string;
  /** Root of the evaluated subtree; the whole university when absent. */
  orgId?: string;
  asOf: string;
  /** Default: January 1 of the year before asOf, so last year's closed periods are always judged. */
  from?: string;
  /** Default: asOf. */
  to?: string;
  /** Only these rules (ids); default every rule the university's sets adopt. */
  rules?: string[];
  /** Evaluate against these sets instead of the adopted ones (the CLI's --standard). */
  standardSets?: string[];
  trigger: EvaluationTrigger;
  actorName: string;
  /** false: compute without storing (previews, benchmarks of the pure part). */
  store?: boolean;
  /**
   * The database `tx` belongs to: on a PostgreSQL server the fact statements are then read side by
   * side on read-only connections sharing the snapshot of `tx` (see `snapshotReaders`; skipped when
   * `tx` has written). Leave it out for small scopes, where extra connections cost more than they save.
   */
  parallelReads?: Db;
};

export type EvaluatedFinding = Finding & { id: string | null; orgCode: string; personCode: string | null };

export type EvaluationResult = {
  runId: string | null;
  asOf: string;
  from: string;
  to: string;
  rules: string[];
  findings: EvaluatedFinding[];
  counts: { produced: number; opened: number; reopened: number; updated: number; resolved: number };
  durationMs: number;
  timings: Record<string, number>;
};

/** Unknown set names and rule ids are bad input: nothing is evaluated or written. */
export function checkSelection(options: { rules?: string[]; standardSets?: string[] }) {
  const issues = [
    ...(options.standardSets ?? [])
      .filter((s) => !standardSetByCode.has(s))
      .map((s) => ({
        field: 'standardSets',
        reason: `未知的标准集 ${s}（可选：${[...standardSetByCode.keys()].join('、')}） / unknown standard set ${s}`,
      })),
    ...(options.rules ?? [])
      .filter((r) => !knownRuleIds.has(r))
      .map((r) => ({ field: 'rules', reason: `未知的规则编号 ${r} / unknown rule id ${r}` })),
  ];
  if (issues.length > 0) throw badInput(issues);
}

export function defaultRange(asOf: string) {
  return { from: `${Number(asOf.slice(0, 4)) - 1}-01-01`, to: asOf };
}

export async function evaluate(tx: Tx, options: EvaluateOptions): Promise<EvaluationResult> {
  const { tenantId, ...rest } = options;
  const batch = await evaluateUniversities(tx, { ...rest, tenantIds: [tenantId] });
  return batch.results[0];
}

export type BatchOptions = Omit<EvaluateOptions, 'tenantId'> & {
  /** The universities evaluated together; `orgId` (a subtree) is allowed with one only. */
  tenantIds: string[];
};
export type BatchResult = {
  /** One per university, in the order of `tenantIds`. */
  results: EvaluationResult[];
  /** The batch's time by step (core, facts, rules: shared by the universities; store: all of them). */
  timings: Record<string, number>;
  durationMs: number;
};

/**
 * Evaluates several universities in one pass: their facts are loaded by the same statements
 * (each read once for all of them, not once per university), the rules run once with each
 * university's own sets and overrides, and each university's findings are stored as its own
 * evaluation run. The nightly evaluation takes the universities in batches this way.
 */
export async function evaluateUniversities(tx: Tx, options: BatchOptions): Promise<BatchResult> {
  checkSelection(options);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    timings[name] = (timings[name] ?? 0) + Math.round(performance.now() - since);
    return performance.now();
  };
  const range = { ...defaultRange(options.asOf), ...(options.from ? { from: options.from } : {}) };
  if (options.to) range.to = options.to;
  const tenantIds = [...new Set(options.tenantIds)];
  if (options.orgId && tenantIds.length !== 1) throw new Error('a subtree is evaluated for one university only');

  // One evaluation of a university at a time (manual, nightly, incremental): they would otherwise
  // race on the findings' unique keys. Taken in one order, so two batches cannot deadlock.
  for (const tenantId of [...tenantIds].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`zhibu.evaluate:${tenantId}`})::bigint)`);
  }
  for (const [name, value] of Object.entries(factSettings)) {
    await tx.execute(sql`select set_config(${name}, ${value}, true)`);
  }
  const roots = await selectRows<{ tenantId: string; id: string; path: string }>(
    tx,
    options.orgId
      ? sql`select tenant_id as "tenantId", id, path from orgs where tenant_id = ${tenantIds[0]} and id = ${options.orgId}`
      : sql`select tenant_id as "tenantId", id, path from orgs
          where tenant_id = any(${sql.param(tenantIds)}::uuid[]) and id = tenant_id`,
  );
  const rootOf = new Map(roots.map((r) => [r.tenantId, r]));
  if (tenantIds.some((id) => !rootOf.has(id))) throw notFound({ zh: '组织', en: 'organization' });
  let t = performance.now();
  const config = await loadConfigs(tx, tenantIds, { standardSets: options.standardSets });
  const setsOf = (tenantId: string) => config.get(tenantId)?.sets ?? [];
  const scope: FactScope = {
    tenantIds,
    subtreePath: options.orgId ? rootOf.get(tenantIds[0])!.path : null,
    from: range.from,
    to: range.to,
    asOf: options.asOf,
    minMakeupDays: Math.min(...tenantIds.map((id) => smallestMakeupDays(setsOf(id), config.get(id)?.overrides ?? []))),
  };
  // Each university's rules: those its sets adopt (and the caller asked for).
  const rulesOf = new Map(
    tenantIds.map((id) => {
      const ids = [...adoptedRuleIds(setsOf(id))].filter((r) => !options.rules || options.rules.includes(r));
      return [id, ids.map((r) => ruleById.get(r)).filter((r): r is Rule => r !== undefined)];
    }),
  );
  const rules = [...new Set([...rulesOf.values()].flat())];
  const core = await loadCoreFacts(tx, scope);
  t = lap('core', t);
  // Each fact set is loaded once, and the rules reading it run as soon as it is in. With readers
  // (a PostgreSQL server) the sets are read side by side, and the rules of one run while the
  // others are still being read; without, one set after another on `tx`.
  const readers = await snapshotReaders(tx, options.parallelReads, factSettings);
  let rulesMs = 0;
  const run = (group: Rule[], facts: Partial<FactSets>, verdicts: Verdict[] = []) => {
    const since = performance.now();
    const found = runRules({
      rules: group,
      core,
      facts,
      config,
      verdicts,
      asOf: options.asOf,
      from: range.from,
      to: range.to,
    });
    rulesMs += performance.now() - since;
    return found;
  };
  const rulesBySet = new Map<keyof FactSets, Rule[]>();
  for (const rule of rules.filter((r) => !r.manual))
    rulesBySet.set(rule.facts, [...(rulesBySet.get(rule.facts) ?? []), rule]);
  const loadThenRun = async ([name, group]: [keyof FactSets, Rule[]]) =>
    run(group, { [name]: await loadFactSet(tx, scope, name, readers) });
  const parts: Finding[][] = [];
  if (readers) parts.push(...(await Promise.all([...rulesBySet].map(loadThenRun))));
  else for (const entry of rulesBySet) parts.push(await loadThenRun(entry));
  // A period key is judged when it overlaps the range and has begun; semester codes are each university's own.
  const periodEvaluatedIn = (tenantId: string) => {
    const semesters = new Map(
      core.universities.filter((u) => u.tenantId === tenantId).flatMap((u) => u.semesters.map((s) => [s.code, s])),
    );
    return (period: string | null) => {
      if (period === null) return true;
      const semester = semesters.get(period);
      const b = boundsOfKey(period) ?? (semester ? { from: semester.startsOn, to: semester.endsOn } : null);
      return b !== null && b.to >= range.from && b.from <= range.to && b.from <= options.asOf;
    };
  };
  const periodEvaluated = new Map(tenantIds.map((id) => [id, periodEvaluatedIn(id)]));
  const orgById = new Map(core.orgs.map((o) => [o.id, o]));
  const manual = rules.filter((r) => r.manual).map((r) => r.id);
  const verdicts = manual.length
    ? (await loadVerdicts(tx, scope, manual)).filter((v) => {
        const tenantId = orgById.get(v.orgId)?.tenantId;
        return tenantId !== undefined && periodEvaluated.get(tenantId)!(v.period);
      })
    : [];
  parts.push(
    run(
      rules.filter((r) => r.manual),
      {},
      verdicts,
    ),
  );
  // Rules that ran while facts were loading count as rules, not as facts.
  timings.facts = (timings.facts ?? 0) + Math.round(performance.now() - t - rulesMs);
  timings.rules = (timings.rules ?? 0) + Math.round(rulesMs);
  t = performance.now();
  // In the order of `rules`, as one run over all of them gives (stable keys, stable output).
  const byRule = new Map<string, Finding[]>(rules.map((r) => [r.id, []]));
  for (const part of parts) for (const f of part) byRule.get(f.rule)!.push(f);
  const produced = [...byRule.values()].flat();
  // A rule runs over every university of the batch; a university keeps the findings of its own rules.
  const foundBy = new Map<string, Finding[]>(tenantIds.map((id) => [id, []]));
  const adoptedBy = new Map(tenantIds.map((id) => [id, new Set(rulesOf.get(id)!.map((r) => r.id))]));
  for (const f of produced) if (adoptedBy.get(f.tenantId)?.has(f.rule)) foundBy.get(f.tenantId)!.push(f);
  t = lap('rules', t);
  const personCodes = await personCodesOf(tx, produced);
  const results: EvaluationResult[] = [];
  for (const tenantId of tenantIds) {
    const found = foundBy.get(tenantId)!;
    const root = rootOf.get(tenantId)!;
    const tenantRules = rulesOf.get(tenantId)!;
    const counts = { produced: found.length, opened: 0, reopened: 0, updated: 0, resolved: 0 };
    let ids = new Map<string, string>();
    let runId: string | null = null;
    if (options.store !== false) {
      const storeStarted = performance.now();
      [{ id: runId }] = await tx
        .insert(evaluationRuns)
        .values({
          tenantId,
          trigger: options.trigger,
          orgId: root.id,
          fromDay: range.from,
          toDay: range.to,
          asOf: options.asOf,
          rules: tenantRules.length,
          produced: found.length,
          opened: 0,
          resolved: 0,
          durationMs: 0,
          actorName: options.actorName,
        })
        .returning({ id: evaluationRuns.id });
      const stored = await storeFindings(
        tx,
        {
          tenantId,
          subtreePath: root.path,
          rules: options.rules ? tenantRules.map((r) => r.id) : null,
          periodEvaluated: periodEvaluated.get(tenantId)!,
        },
        found,
        (orgId) => orgById.get(orgId)?.path ?? root.path,
        runId as string,
      );
      ids = stored.ids;
      Object.assign(counts, {
        opened: stored.opened,
        reopened: stored.reopened,
        updated: stored.updated,
        resolved: stored.resolved,
      });
      lap('store', storeStarted);
      const durationMs = Math.round(performance.now() - started);
      await tx.execute(sql`update evaluation_runs set opened = ${counts.opened + counts.reopened}, resolved = ${counts.resolved},
        duration_ms = ${durationMs} where tenant_id = ${tenantId} and id = ${runId}`);
    }
    // Each finding gains its stored id and codes in place: a copy by spread with more properties
    // costs microseconds apiece in V8, at 16,000 findings a university.
    const findings: EvaluatedFinding[] = found
      .map((f) =>
        Object.assign(f, {
          id: ids.get(f.key) ?? null,
          orgCode: orgById.get(f.orgId)?.code ?? '',
          personCode: f.personId ? (personCodes.get(f.personId) ?? null) : null,
        }),
      )
      .sort((a, b) => a.rule.localeCompare(b.rule) || a.orgCode.localeCompare(b.orgCode) || a.key.localeCompare(b.key));
    results.push({
      runId,
      asOf: options.asOf,
      from: range.from,
      to: range.to,
      rules: tenantRules.map((r) => r.id),
      findings,
      counts,
      durationMs: Math.round(performance.now() - started),
      timings,
    });
  }
  return { results, timings, durationMs: Math.round(performance.now() - started) };
}

/** The codes of the people the findings name, in one query for the batch. */
async function personCodesOf(tx: Tx, found: Finding[]) {
  const pairs = new Map<string, string>();
  for (const f of found) if (f.personId) pairs.set(f.personId, f.tenantId);
  if (pairs.size === 0) return new Map<string, string>();
  const rows = await selectRows<{ id: string; code: string }>(
    tx,
    sql`select p.id, p.code from people p
      join unnest(${sql.param([...pairs.values()])}::uuid[], ${sql.param([...pairs.keys()])}::uuid[]) as x(tenant_id, id)
        on p.tenant_id = x.tenant_id and p.id = x.id`,
  );
  return new Map(rows.map((r) => [r.id, r.code]));
}
