/**
 * Benchmarks at university and province scale. Each run generates N demo universities (the
 * deterministic demo generator with a different seed each), loads them, then times the
 * set-based queries the product runs most against ONE plain scan of the same tables measured in
 * the same run, so the printed ratios mean the same on any machine.
 *
 *   npm run bench                      # one university on PGlite
 *   npm run bench -- --universities 8  # a province
 *   DATABASE_URL=postgres://…/empty-db npm run bench -- --universities 8
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { connect } from '../src/db/connect.ts';
import { importDataset } from '../src/modules/dataset/import-dataset.ts';
import { generateDemoDataset } from '../src/modules/demo/generate-demo-dataset.ts';
import { countMeetings } from '../src/modules/life-views/count-meetings.ts';
import { listTodos } from '../src/modules/life-views/list-todos.ts';
import { loadLedger } from '../src/modules/life-views/load-ledger.ts';
import { expectedAttendees } from '../src/modules/meetings/expected-attendees.ts';
import { systemActor } from '../src/server/audit.ts';
import { type Actor, buildActor } from '../src/server/scope.ts';

const { values } = parseArgs({
  options: { universities: { type: 'string', default: '1' }, 'as-of': { type: 'string', default: '2026-11-23' } },
});
const universities = Number(values.universities);
const asOf = values['as-of'] as string;

const database = await connect({ databaseUrl: process.env.DATABASE_URL || undefined });
await database.migrate();
const { db } = database;

/** The rows of a raw query (both drivers answer `{ rows }`). */
const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

const orgAdminOf = (tenantId: string): Actor =>
  buildActor(
    {
      accountId: '',
      username: 'bench',
      displayName: 'bench',
      locale: 'zh-CN',
      tenantId,
      personId: null,
      grants: [
        { role: 'orgDepartmentAdmin', tenantId, orgId: tenantId, orgPath: `/${tenantId}/`, oversightBodyId: null },
      ],
    },
    [],
  );

/** Gives the university a new code, and every record that names its root org by code the same one. */
function renameUniversity(document: ReturnType<typeof generateDemoDataset>, code: string) {
  const old = document.university.code;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'org' || key === 'parent') && v === old) (value as Record<string, unknown>)[key] = code;
        else walk(v);
      }
  };
  walk(document);
  document.university.code = code;
}

console.log(
  `Zhibu bench: ${universities} universit${universities === 1 ? 'y' : 'ies'} on ${database.kind}, as of ${asOf}`,
);
const tenants: string[] = [];
let importMs = 0;
for (let i = 0; i < universities; i++) {
  const document = generateDemoDataset({ asOf, seed: i + 1 });
  renameUniversity(document, `bench-${i + 1}`);
  document.university.name = `${document.university.name}${i + 1}`;
  const { ms, result } = await time(() =>
    db.transaction((tx) => importDataset(tx, { document, actor: systemActor('bench') })),
  );
  importMs += ms;
  tenants.push((result as { tenantId: string }).tenantId);
}
const [counts] = await rowsOf<Record<string, number>>(
  sql`select (select count(*) from people)::int as people, (select count(*) from orgs)::int as orgs,
    (select count(*) from meetings)::int as meetings, (select count(*) from attendance)::int as attendance`,
);
console.log(
  `data: ${counts.people} people, ${counts.orgs} orgs, ${counts.meetings} meetings, ${counts.attendance} attendance rows`,
);

// The baseline: one plain scan joining every meeting with its attendance, all universities at once.
const scan = () =>
  db.execute(sql`select count(*), sum(length(m.title)) from meetings m
    join attendance a on a.tenant_id = m.tenant_id and a.meeting_id = m.id`);
await scan(); // warm
const baseline = (await time(scan)).ms;

const year = Number(asOf.slice(0, 4));
const results: [string, number][] = [['load all universities (import)', importMs]];
async function measure(name: string, work: (tenantId: string, actor: Actor) => Promise<unknown>) {
  let total = 0;
  for (const tenantId of tenants) total += (await time(() => work(tenantId, orgAdminOf(tenantId)))).ms;
  results.push([name, total]);
}

await measure('expected attendees of every meeting', async (tenantId) => {
  const ids = await rowsOf<{ id: string }>(sql`select id from meetings where tenant_id = ${tenantId}`);
  return expectedAttendees(db, { tenantId, meetingIds: ids.map((r) => r.id) });
});
await measure('to-dos of the org department (all branches)', (_t, actor) => listTodos(db, { actor, today: asOf }));
await measure('meeting counts by quarter, whole university', (tenantId, actor) =>
  countMeetings(db, { actor, orgId: tenantId, from: `${year - 1}-01-01`, to: `${year}-12-31`, by: 'quarter' }),
);
await measure('ledger of the largest branch', async (tenantId, actor) => {
  const [branch] = await rowsOf<{ id: string }>(
    sql`select o.id from orgs o join memberships m on m.tenant_id = o.tenant_id and m.org_id = o.id
      where o.tenant_id = ${tenantId} and o.kind = 'branch' and m.valid_to is null group by o.id order by count(*) desc limit 1`,
  );
  return loadLedger(db, { actor, orgId: branch.id, year: year - 1, today: asOf });
});

console.log(`\nbaseline: one plain scan of meetings ⋈ attendance = ${baseline.toFixed(1)} ms\n`);
console.log('what                                            total ms    × baseline');
for (const [name, ms] of results)
  console.log(`${name.padEnd(46)} ${ms.toFixed(1).padStart(10)} ${(ms / baseline).toFixed(1).padStart(12)}`);
await database.close();
