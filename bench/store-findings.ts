/**
 * Times storeFindings on a kept bench database (`npm run bench:compliance -- --keep` first) when
 * nothing changed, the nightly case: the stored findings are read back as the evaluation's
 * findings and merged again, in a transaction rolled back after each run. With `--against
 * <dir>` the store of another checkout (`git archive` of an older tree) runs alternately with
 * this one, so both see the same machine load.
 *
 *   DATABASE_URL=… npx tsx bench/store-findings.ts [--database zhibu_bench_uni] [--runs 5] [--against /tmp/old]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect, type Tx } from '../src/db/connect.ts';
import type { Finding } from '../src/domain/compliance/types.ts';
import { storeFindings } from '../src/modules/compliance/store-findings.ts';
import { selectRows } from '../src/modules/orgs/select-rows.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'zhibu_bench_uni' },
    runs: { type: 'string', default: '5' },
    against: { type: 'string' },
  },
});
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');
const url = new URL(process.env.DATABASE_URL);
url.pathname = `/${values.database}`;
const database = await connect({ databaseUrl: url.toString() });
const db = database.db;

type Store = typeof storeFindings;
const stores: [string, Store][] = [['this tree', storeFindings]];
if (values.against) {
  const other = await import(`${values.against}/src/modules/compliance/store-findings.ts`);
  stores.push([values.against, other.storeFindings as Store]);
}

const [{ tenantId }] = await selectRows<{ tenantId: string }>(db, sql`select id as "tenantId" from tenants limit 1`);
const [root] = await selectRows<{ path: string }>(db, sql`select path from orgs where id = ${tenantId}`);
const found = await selectRows<Finding>(
  db,
  sql`select key, rule, family, severity, org_id as "orgId", person_id as "personId", period,
      json_build_object('zh', message_zh, 'en', message_en) as message, source, evidence, numbers, tenant_id as "tenantId"
    from findings where tenant_id = ${tenantId} and status = 'open'`,
);
const paths = new Map(
  (
    await selectRows<{ id: string; path: string }>(db, sql`select id, path from orgs where tenant_id = ${tenantId}`)
  ).map((o) => [o.id, o.path]),
);
console.log(`${found.length} open findings of tenant ${tenantId}`);

class Rollback extends Error {}
const times = new Map<string, number[]>(stores.map(([name]) => [name, []]));
for (let run = 0; run <= Number(values.runs); run++) {
  for (const [name, store] of stores) {
    const start = performance.now();
    let result: Awaited<ReturnType<Store>> | undefined;
    await db
      .transaction(async (tx: Tx) => {
        result = await store(
          tx,
          { tenantId, subtreePath: root.path, rules: null, periodEvaluated: () => true },
          found,
          (id) => paths.get(id) ?? '',
          crypto.randomUUID(),
        );
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
    const ms = performance.now() - start;
    if (run > 0) times.get(name)?.push(ms); // the first round warms up
    const { opened, reopened, updated, resolved } = result ?? {};
    console.log(
      `${name.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms  opened ${opened} reopened ${reopened} updated ${updated} resolved ${resolved}`,
    );
  }
}
for (const [name, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(24)} median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms of ${list.join(', ').replace(/\.\d+/g, '')}`,
  );
}
await database.close();
