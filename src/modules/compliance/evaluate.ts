/**
 * One evaluation: load the configuration and facts of a university (or one subtree of it) for a
 * date range, run every adopted rule, and merge the findings into the stored ones with their
 * history. Facts are loaded with a handful of set-based queries, whatever the size of the scope.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/connect.ts';
import { loadCoreFacts } from '../../db/facts/core.ts';
import { loadFactSets } from '../../db/facts/index.ts';
import type { FactScope } from '../../db/facts/scope.ts';
import { loadVerdicts } from '../../db/facts/verdicts.ts';
import { evaluationRuns } from '../../db/schema.ts';
import { knownRuleIds } from '../../domain/compliance/rule-catalog.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { runRules } from '../../domain/compliance/run-rules.ts';
import { adoptedRuleIds, standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import type { Finding, Rule } from '../../domain/compliance/types.ts';
import { boundsOfKey } from '../../domain/periods.ts';
import { smallestMakeupDays } from '../../domain/rules/member-life.ts';
import { badInput, notFound } from '../../server/errors.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { loadConfigs } from './load-config.ts';
import { storeFindings } from './store-findings.ts';

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
  checkSelection(options);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => {
    timings[name] = Math.round(performance.now() - since);
    return performance.now();
  };
  const range = { ...defaultRange(options.asOf), ...(options.from ? { from: options.from } : {}) };
  if (options.to) range.to = options.to;

  // One evaluation of a university at a time (manual, nightly, incremental): they would otherwise
  // race on the findings' unique keys.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`zhibu.evaluate:${options.tenantId}`})::bigint)`);
  // The fact queries are short aggregates that PostgreSQL's JIT compiles for longer than they run.
  await tx.execute(sql`set local jit = off`);
  // Grouping a year of a university's attendance by person sorts more than the default 4 MB.
  await tx.execute(sql`set local work_mem = '64MB'`);
  const rootId = options.orgId ?? options.tenantId;
  const [root] = await selectRows<{ path: string }>(
    tx,
    sql`select path from orgs where tenant_id = ${options.tenantId} and id = ${rootId}`,
  );
  if (!root) throw notFound({ zh: '组织', en: 'organization' });
  const wholeUniversity = rootId === options.tenantId;
  let t = performance.now();
  const config = await loadConfigs(tx, [options.tenantId], { standardSets: options.standardSets });
  const sets = config.get(options.tenantId)?.sets ?? [];
  const scope: FactScope = {
    tenantIds: [options.tenantId],
    subtreePath: wholeUniversity ? null : root.path,
    from: range.from,
    to: range.to,
    asOf: options.asOf,
    minMakeupDays: smallestMakeupDays(sets, config.get(options.tenantId)?.overrides ?? []),
  };
  const adopted = adoptedRuleIds(sets);
  const ruleIds = [...adopted].filter((id) => !options.rules || options.rules.includes(id));
  const rules = ruleIds.map((id) => ruleById.get(id)).filter((r): r is Rule => r !== undefined);
  const core = await loadCoreFacts(tx, scope);
  t = lap('core', t);
  const facts = await loadFactSets(
    tx,
    scope,
    rules.filter((r) => !r.manual).map((r) => r.facts),
  );
  const semesters = new Map(core.universities.flatMap((u) => u.semesters.map((s) => [s.code, s])));
  const periodEvaluated = (period: string | null) => {
    if (period === null) return true;
    const semester = semesters.get(period);
    const b = boundsOfKey(period) ?? (semester ? { from: semester.startsOn, to: semester.endsOn } : null);
    return b !== null && b.to >= range.from && b.from <= range.to && b.from <= options.asOf;
  };
  const manual = rules.filter((r) => r.manual).map((r) => r.id);
  const verdicts = manual.length
    ? (await loadVerdicts(tx, scope, manual)).filter((v) => periodEvaluated(v.period))
    : [];
  t = lap('facts', t);
  const found = runRules({ rules, core, facts, config, verdicts, asOf: options.asOf, from: range.from, to: range.to });
  t = lap('rules', t);

  const orgPath = new Map(core.orgs.map((o) => [o.id, o.path]));
  const counts = { produced: found.length, opened: 0, reopened: 0, updated: 0, resolved: 0 };
  let ids = new Map<string, string>();
  let runId: string | null = null;
  if (options.store !== false) {
    [{ id: runId }] = await tx
      .insert(evaluationRuns)
      .values({
        tenantId: options.tenantId,
        trigger: options.trigger,
        orgId: rootId,
        fromDay: range.from,
        toDay: range.to,
        asOf: options.asOf,
        rules: rules.length,
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
        tenantId: options.tenantId,
        subtreePath: root.path,
        rules: options.rules ? rules.map((r) => r.id) : null,
        periodEvaluated: (period) => {
          if (period === null) return true;
          const b =
            boundsOfKey(period) ??
            (semesters.has(period)
              ? { from: semesters.get(period)!.startsOn, to: semesters.get(period)!.endsOn }
              : null);
          return b !== null && b.to >= range.from && b.from <= range.to && b.from <= options.asOf;
        },
      },
      found,
      (orgId) => orgPath.get(orgId) ?? root.path,
      runId as string,
    );
    ids = stored.ids;
    Object.assign(counts, {
      opened: stored.opened,
      reopened: stored.reopened,
      updated: stored.updated,
      resolved: stored.resolved,
    });
    t = lap('store', t);
    const durationMs = Math.round(performance.now() - started);
    await tx.execute(sql`update evaluation_runs set opened = ${counts.opened + counts.reopened}, resolved = ${counts.resolved},
      duration_ms = ${durationMs} where tenant_id = ${options.tenantId} and id = ${runId}`);
  }

  const orgCode = new Map(core.orgs.map((o) => [o.id, o.code]));
  const personIds = [...new Set(found.map((f) => f.personId).filter((p): p is string => !!p))];
  const people =
    personIds.length === 0
      ? []
      : await selectRows<{ id: string; code: string }>(
          tx,
          sql`select id, code from people where tenant_id = ${options.tenantId} and id = any(${sql.param(personIds)}::uuid[])`,
        );
  const personCode = new Map(people.map((p) => [p.id, p.code]));
  const findings = found
    .map((f) => ({
      ...f,
      id: ids.get(f.key) ?? null,
      orgCode: orgCode.get(f.orgId) ?? '',
      personCode: f.personId ? (personCode.get(f.personId) ?? null) : null,
    }))
    .sort((a, b) => a.rule.localeCompare(b.rule) || a.orgCode.localeCompare(b.orgCode) || a.key.localeCompare(b.key));
  return {
    runId,
    asOf: options.asOf,
    from: range.from,
    to: range.to,
    rules: rules.map((r) => r.id),
    findings,
    counts,
    durationMs: Math.round(performance.now() - started),
    timings,
  };
}
