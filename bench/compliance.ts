/**
 * Compliance-engine benchmark: generates a large university (or a province of them) with one year
 * of organizational life, then times in one run
 *   - one plain scan of the fact tables the engine reads (the baseline, defined in `plainScan`),
 *   - the full evaluation of every university (`evaluate()`, findings stored), first and again on
 *     unchanged data,
 *   - the incremental evaluation of single branches (`evaluate` with `orgId`),
 *   - each fact loader on its own, with every statement it sends timed (`--explain` prints the
 *     plan of the slowest statement of each loader).
 * The ratios to the plain scan mean the same on any machine; the milliseconds depend on it.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npm run bench:compliance
 *   DATABASE_URL=… npm run bench:compliance -- --universities 40 --people 500000
 *   npm run bench:compliance -- --pglite --people 2000
 *
 * With DATABASE_URL the bench creates its own scratch database on that server (`--database`,
 * default zhibu_bench_uni or zhibu_bench_prov) and drops it at the end unless `--keep`; `--reuse`
 * runs against a kept one without generating again.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import { connect, type Tx } from '../src/db/connect.ts';
import { loadCoreFacts } from '../src/db/facts/core.ts';
import { factLoaders } from '../src/db/facts/index.ts';
import type { FactScope } from '../src/db/facts/scope.ts';
import type { FactSets } from '../src/domain/compliance/fact-sets.ts';
import { implementedRules } from '../src/domain/compliance/rules.ts';
import { runRules } from '../src/domain/compliance/run-rules.ts';
import { adoptedRuleIds, standardSetByCode } from '../src/domain/compliance/standard-sets.ts';
import { smallestMakeupDays } from '../src/domain/rules/member-life.ts';
import { evaluate, evaluateUniversities } from '../src/modules/compliance/evaluate.ts';
import { NIGHTLY_BATCH } from '../src/modules/compliance/jobs/nightly.ts';
import { loadConfigs } from '../src/modules/compliance/load-config.ts';
import { benchStandardSets, countScale, defects, generateScale } from './generate-scale.ts';

const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    universities: { type: 'string', default: '1' },
    year: { type: 'string', default: '2025' },
    pglite: { type: 'boolean', default: false },
    database: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    branches: { type: 'string', default: '5' },
    explain: { type: 'boolean', default: false },
    families: { type: 'string', default: 'ORG,LIFE,MEM' },
    /** Only rules reading these fact sets (e.g. to leave out a loader being fixed). */
    facts: { type: 'string' },
  },
});
const universities = Number(values.universities);
const people = Number(values.people ?? (universities === 1 ? 50000 : universities * 12500));
const year = Number(values.year);
const asOf = `${year}-12-31`;
const from = `${year}-01-01`;
/** The families whose records the generator makes (the default); dues, training and funds data are not generated. */
const families = new Set(values.families.split(','));
const factSets = values.facts ? new Set(values.facts.split(',')) : null;
const adopted = adoptedRuleIds(benchStandardSets.map((code) => standardSetByCode.get(code)!));
const rules = implementedRules
  .filter((r) => adopted.has(r.id) && families.has(r.family) && !r.manual && (!factSets || factSets.has(r.facts)))
  .map((r) => r.id);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
function timeSync<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}
async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ——— The scratch database ———
let databaseUrl: string | undefined;
let scratch: { admin: string; name: string } | null = null;
if (!values.pglite) {
  if (!process.env.DATABASE_URL) {
    console.error(
      'Set DATABASE_URL to a PostgreSQL server (the bench creates its own database there), or pass --pglite.',
    );
    process.exit(2);
  }
  const name = values.database ?? (universities === 1 ? 'zhibu_bench_uni' : 'zhibu_bench_prov');
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`--database must be a plain identifier, got ${name}`);
  scratch = { admin: process.env.DATABASE_URL, name };
  if (!values.reuse) await adminQuery(`drop database if exists ${name}`, `create database ${name}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}
async function adminQuery(...statements: string[]) {
  const client = new pg.Client({ connectionString: scratch?.admin });
  await client.connect();
  for (const s of statements) await client.query(s);
  await client.end();
}

const database = await connect({ databaseUrl });
await database.migrate();
const { db } = database;
const rowsOf = async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

console.log(
  `Zhibu compliance bench on ${database.kind}${scratch ? ` (${scratch.name})` : ''}, year ${year}, as of ${asOf}`,
);
if (!values.reuse) {
  console.log(`generating ${universities} universit${universities === 1 ? 'y' : 'ies'}, ${people} people:`);
  const { ms } = await time(() => generateScale(db, { people, universities, year, log: (line) => console.log(line) }));
  console.log(`generated in ${seconds(ms)}`);
}
// A reused database starts from no findings too, so the first evaluation opens every one.
if (values.reuse) await db.execute(sql`truncate finding_events, findings, evaluation_runs`);
const counts = await countScale(db);
console.log(
  'data:',
  Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', '),
);
console.log(
  `planted defects (shares): ${Object.entries(defects)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
console.log(`standard sets adopted: ${benchStandardSets.join(', ')}`);
console.log(
  `rules evaluated (${rules.length}: the adopted, implemented, non-manual ${[...families].join(', ')} rules): ${rules.join(' ')}`,
);

const tenants = (
  await rowsOf<{ id: string; code: string }>(sql`select id, code from tenants where code like 'bench-%' order by code`)
).map((t) => t.id);

// ——— Baseline: one plain scan ———
/**
 * Reads, in one statement, every row of the fact tables the evaluated rules read for the range:
 * the year's meetings joined to their attendance and their org, all memberships joined to their
 * people, all seats joined to their terms, the orgs, thought reports, plans and appraisals. `sum`
 * over a text column makes it touch every heap row (a bare count could answer from an index).
 */
const plainScan = () =>
  rowsOf(sql`select
    (select count(*) + sum(length(a.status)) + sum(length(m.type)) + sum(length(o.kind)) from meetings m
      join attendance a on a.tenant_id = m.tenant_id and a.meeting_id = m.id
      join orgs o on o.tenant_id = m.tenant_id and o.id = m.org_id
      where m.tenant_id = any(${sql.param(tenants)}::uuid[]) and m.held_on between ${from}::date and ${asOf}::date) as attendance,
    (select count(*) + sum(length(ms.standing)) + sum(length(p.name)) from memberships ms
      join people p on p.tenant_id = ms.tenant_id and p.id = ms.person_id
      where ms.tenant_id = any(${sql.param(tenants)}::uuid[])) as memberships,
    (select count(*) + sum(length(p.role)) from positions p join terms t on t.tenant_id = p.tenant_id and t.id = p.term_id
      where p.tenant_id = any(${sql.param(tenants)}::uuid[])) as seats,
    (select count(*) + sum(length(o.path)) from orgs o where o.tenant_id = any(${sql.param(tenants)}::uuid[])) as orgs,
    (select count(*) + sum(length(r.title)) from thought_reports r where r.tenant_id = any(${sql.param(tenants)}::uuid[])) as reports,
    (select count(*) from life_plans l where l.tenant_id = any(${sql.param(tenants)}::uuid[])) as plans,
    (select count(*) + sum(length(e.verdict)) from appraisal_entries e where e.tenant_id = any(${sql.param(tenants)}::uuid[])) as appraisals`);

await plainScan(); // warm the cache, as the evaluations after it will find it
const scans = [];
for (let i = 0; i < 3; i++) scans.push((await time(plainScan)).ms);
const baseline = median(scans);

// Each result is printed as soon as it is measured, so a long run shows its numbers as it goes.
const line = (what: string, ms: number, note = '') =>
  console.log(`${what.padEnd(52)} ${seconds(ms).padStart(10)} ${(ms / baseline).toFixed(1).padStart(8)}×  ${note}`);
const detail = (text: string) => console.log(`${''.padEnd(52)}   ${text}`);
console.log(
  `\nbaseline: one plain scan of the fact tables (meetings ⋈ attendance ⋈ orgs of the year, memberships ⋈ people,`,
);
console.log(
  `  positions ⋈ terms, orgs, thought reports, plans, appraisal entries) of ${tenants.length} universit${tenants.length === 1 ? 'y' : 'ies'}`,
);
console.log(`  runs: ${scans.map((x) => x.toFixed(0)).join(', ')} ms; median ${baseline.toFixed(0)} ms\n`);
console.log(`${'what'.padEnd(52)} ${'time'.padStart(10)} ${'÷ scan'.padStart(9)}`);
line('plain scan (median of 3)', baseline);

// ——— Full evaluation ———
const evaluateUniversity = (tenantId: string, orgId?: string) =>
  db.transaction((tx) =>
    evaluate(tx, { tenantId, orgId, asOf, from, to: asOf, rules, trigger: 'manual', actorName: 'bench' }),
  );
type Pass = {
  ms: number;
  timings: Record<string, number>;
  produced: number;
  opened: number;
  updated: number;
  resolved: number;
};
/**
 * Every university, in the nightly job's batches (universities evaluated together, one transaction
 * each, their fact sets read side by side on a PostgreSQL server, as the nightly job does).
 */
async function fullPass(): Promise<Pass> {
  const pass: Pass = { ms: 0, timings: {}, produced: 0, opened: 0, updated: 0, resolved: 0 };
  for (let i = 0; i < tenants.length; i += NIGHTLY_BATCH) {
    const tenantIds = tenants.slice(i, i + NIGHTLY_BATCH);
    const { ms, result } = await time(() =>
      db.transaction((tx) =>
        evaluateUniversities(tx, {
          tenantIds,
          asOf,
          from,
          to: asOf,
          rules,
          trigger: 'manual',
          actorName: 'bench',
          parallelReads: db,
        }),
      ),
    );
    pass.ms += ms;
    for (const [k, v] of Object.entries(result.timings)) pass.timings[k] = (pass.timings[k] ?? 0) + v;
    for (const r of result.results) {
      pass.produced += r.counts.produced;
      pass.opened += r.counts.opened + r.counts.reopened;
      pass.updated += r.counts.updated;
      pass.resolved += r.counts.resolved;
    }
  }
  return pass;
}
const breakdown = (p: Pass) =>
  Object.entries(p.timings)
    .map(([k, v]) => `${k} ${seconds(v)}`)
    .join(', ');
const first = await fullPass();
line('full evaluation, first (every finding new)', first.ms, `${first.produced} findings, ${first.opened} opened`);
detail(breakdown(first));
const again = await fullPass();
line(
  'full evaluation, again on unchanged data',
  again.ms,
  `${again.produced} findings, ${again.opened} opened, ${again.updated} updated, ${again.resolved} resolved`,
);
detail(breakdown(again));
if (tenants.length > 1) {
  line('  per university (mean, again)', again.ms / tenants.length);
  detail(`universities evaluated ${NIGHTLY_BATCH} at a time, as the nightly job does`);
}

// ——— Single branches: the largest, the median and a few more of the first university ———
const branchCount = Number(values.branches);
const candidates = await rowsOf<{ id: string; code: string; members: number }>(
  sql`select o.id, o.code, count(ms.id)::int as members from orgs o
    left join memberships ms on ms.tenant_id = o.tenant_id and ms.org_id = o.id and ms.valid_to is null
    where o.tenant_id = ${tenants[0]} and o.kind = 'branch' group by o.id, o.code order by members desc, o.code`,
);
const picked = Array.from(
  new Set(Array.from({ length: branchCount }, (_, i) => Math.floor((i * candidates.length) / branchCount))),
).map((i) => candidates[i]);
const branchMs: number[] = [];
for (const branch of picked) {
  await evaluateUniversity(tenants[0], branch.id); // warm, as after the full evaluation; the timed run is the next
  const { ms, result } = await time(() => evaluateUniversity(tenants[0], branch.id));
  branchMs.push(ms);
  line(
    `single branch ${branch.code} (${branch.members} members)`,
    ms,
    Object.entries(result.timings)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', '),
  );
}
line('single branch, median', median(branchMs));

// ——— Each fact loader on its own, every statement timed ———
type Statement = { loader: string; text: string; ms: number; query: SQL };
const statements: Statement[] = [];
function timedTx(loader: string): Tx {
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'execute') return Reflect.get(target, property, receiver);
      return async (query: SQL) => {
        const start = performance.now();
        const result = await target.execute(query);
        statements.push({ loader, text: sqlText(query), ms: performance.now() - start, query });
        return result;
      };
    },
  }) as Tx;
}
const dialect = (db as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string } } }).dialect;
const sqlText = (query: SQL) => dialect.sqlToQuery(query).sql.replace(/\s+/g, ' ').trim();
const evaluated = implementedRules.filter((r) => rules.includes(r.id));
const loaderNames = [...new Set(evaluated.map((r) => r.facts))] as (keyof FactSets)[];
// The scope evaluate() builds: each university's smallest makeupDays (the member loader filters with it).
const configs = await loadConfigs(db, tenants);
const minMakeupDays = (tenantId: string) =>
  smallestMakeupDays(configs.get(tenantId)?.sets ?? [], configs.get(tenantId)?.overrides ?? []);
console.log('\nfact loaders on their own (whole universities), their statements by time:');
const factsOf = new Map<string, Partial<FactSets>>();
for (const name of loaderNames) {
  let total = 0;
  for (const tenantId of tenants) {
    const scope: FactScope = {
      tenantIds: [tenantId],
      subtreePath: null,
      from,
      to: asOf,
      asOf,
      minMakeupDays: minMakeupDays(tenantId),
    };
    const load = factLoaders[name] as (tx: Tx, scope: FactScope) => Promise<unknown>;
    const { ms, result } = await time(() => load(timedTx(name), scope));
    total += ms;
    if (tenantId === tenants[0]) factsOf.set(name, { [name]: result } as Partial<FactSets>);
  }
  console.log(`  ${name.padEnd(10)} ${seconds(total).padStart(10)}`);
  const own = new Map<string, { ms: number; slowest: Statement }>();
  for (const x of statements.filter((st) => st.loader === name)) {
    const key = x.text.slice(0, 110);
    const seen = own.get(key);
    if (!seen) own.set(key, { ms: x.ms, slowest: x });
    else {
      seen.ms += x.ms;
      if (x.ms > seen.slowest.ms) seen.slowest = x;
    }
  }
  const sorted = [...own.entries()].sort((a, b) => b[1].ms - a[1].ms);
  for (const [text, { ms }] of sorted) console.log(`    ${seconds(ms).padStart(9)}  ${text}`);
  if (values.explain && sorted.length > 0 && database.kind === 'postgres') {
    const plan = await rowsOf<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${sorted[0][1].slowest.query}`);
    console.log(plan.map((r) => `      ${r['QUERY PLAN']}`).join('\n'));
  }
}

// ——— The same for the largest branch (the incremental case) ———
const [largest] = await rowsOf<{ path: string; code: string }>(
  sql`select path, code from orgs where tenant_id = ${tenants[0]} and id = ${picked[0].id}`,
);
console.log(`\nfact loaders for branch ${largest.code} alone, their statements by time:`);
for (const name of loaderNames) {
  const before = statements.length;
  const scope: FactScope = {
    tenantIds: [tenants[0]],
    subtreePath: largest.path,
    from,
    to: asOf,
    asOf,
    minMakeupDays: minMakeupDays(tenants[0]),
  };
  const load = factLoaders[name] as (tx: Tx, scope: FactScope) => Promise<unknown>;
  const { ms } = await time(() => load(timedTx(`${name}@branch`), scope));
  console.log(`  ${name.padEnd(10)} ${`${ms.toFixed(0)} ms`.padStart(10)}`);
  for (const x of statements
    .slice(before)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3))
    console.log(`    ${`${x.ms.toFixed(0)} ms`.padStart(9)}  ${x.text.slice(0, 110)}`);
}

// ——— Each rule on its own (pure), over the first university's facts ———
const firstScope: FactScope = { tenantIds: [tenants[0]], subtreePath: null, from, to: asOf, asOf };
const core = await loadCoreFacts(db, firstScope);
const config = await loadConfigs(db, [tenants[0]]);
const allFacts = Object.assign({}, ...factsOf.values()) as Partial<FactSets>;
const perRule = evaluated.map((rule) => {
  const { ms, result } = timeSync(() =>
    runRules({ rules: [rule], core, facts: allFacts, config, asOf, from, to: asOf }),
  );
  return { id: rule.id, ms, findings: result.length };
});
console.log('\nrules on their own (pure, first university), slowest first:');
for (const r of perRule.sort((a, b) => b.ms - a.ms).slice(0, 10))
  console.log(`    ${r.id.padEnd(8)} ${r.ms.toFixed(0).padStart(6)} ms  ${r.findings} findings`);

await database.close();
if (scratch && !values.keep && !values.reuse) {
  await adminQuery(`drop database if exists ${scratch.name}`);
  console.log(`\ndropped ${scratch.name}`);
}
