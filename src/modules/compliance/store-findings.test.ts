import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildOrg, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { findingEvents, findings } from '../../db/schema.ts';
import { findingKey } from '../../domain/compliance/run-rules.ts';
import type { Finding } from '../../domain/compliance/types.ts';
import { selectRows } from '../orgs/select-rows.ts';
import { jsonbText, type StoreScope, storeFindings } from './store-findings.ts';

let database: Database;
let u: Awaited<ReturnType<typeof buildUniversity>>;
let b1: { id: string; path: string };
let b2: { id: string; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  u = await buildUniversity(database.db);
  const college = await buildOrg(database.db, { tenantId: u.tenantId, parentId: u.rootId, kind: 'college' });
  b1 = await buildOrg(database.db, { tenantId: u.tenantId, parentId: college.id, kind: 'branch' });
  b2 = await buildOrg(database.db, { tenantId: u.tenantId, parentId: u.rootId, kind: 'branch' });
});
afterAll(() => database.close());

const draft = (orgId: string, period: string, count = 0): Finding => {
  const d = { orgId, personId: null, period };
  return {
    ...d,
    severity: 'breach',
    message: { zh: `${period}未召开支部党员大会（${count}）`, en: `none in ${period} (${count})` },
    // Keys in an order jsonb does not keep: unchanged data must still compare equal.
    evidence: [{ kind: 'org', id: orgId, label: '支部' }],
    numbers: { required: 1, count },
    rule: 'LIFE-01',
    family: 'LIFE',
    source: '003 制度机制2',
    tenantId: u.tenantId,
    key: findingKey('LIFE-01', d),
  };
};

const everything: Omit<StoreScope, 'tenantId' | 'subtreePath'> = { rules: null, periodEvaluated: () => true };
let run = 0;
const store = (found: Finding[], subtreePath = u.rootPath, scope = everything) =>
  database.db.transaction((tx) =>
    storeFindings(
      tx,
      { tenantId: u.tenantId, subtreePath, ...scope },
      found,
      (id) => (id === b1.id ? b1.path : b2.path),
      crypto.randomUUID(),
    ).then((r) => ({ ...r, run: ++run })),
  );
const rows = () =>
  database.db.select().from(findings).where(eq(findings.tenantId, u.tenantId)).orderBy(asc(findings.key));
const eventsOf = async (id: string) =>
  (
    await database.db.select().from(findingEvents).where(eq(findingEvents.findingId, id)).orderBy(asc(findingEvents.id))
  ).map((e) => e.event);

describe('storeFindings', () => {
  it('keeps identity: unchanged findings are not touched, a vanished one resolves, a returning one reopens', async () => {
    const first = await store([draft(b1.id, '2021-Q1'), draft(b2.id, '2021-Q1')]);
    expect(first).toMatchObject({ opened: 2, updated: 0, resolved: 0 });
    const before = await rows();

    const again = await store([draft(b1.id, '2021-Q1'), draft(b2.id, '2021-Q1')]);
    expect(again).toMatchObject({ opened: 0, reopened: 0, updated: 0, resolved: 0 });
    expect(await rows()).toEqual(before);

    const fixed = await store([draft(b1.id, '2021-Q1')]);
    expect(fixed).toMatchObject({ opened: 0, resolved: 1 });
    const resolved = (await rows()).find((r) => r.orgId === b2.id)!;
    expect(resolved.status).toBe('resolved');

    const back = await store([draft(b1.id, '2021-Q1'), draft(b2.id, '2021-Q1')]);
    expect(back).toMatchObject({ opened: 0, reopened: 1 });
    const reopened = (await rows()).find((r) => r.orgId === b2.id)!;
    expect(reopened).toMatchObject({ id: resolved.id, status: 'open', resolvedAt: null });
    expect(await eventsOf(reopened.id)).toEqual(['opened', 'resolved', 'reopened']);
  });

  it('updates a finding in place when its numbers change', async () => {
    const [b1Row] = (await rows()).filter((r) => r.orgId === b1.id);
    const changed = await store([draft(b1.id, '2021-Q1', 1), draft(b2.id, '2021-Q1')]);
    expect(changed).toMatchObject({ opened: 0, updated: 1 });
    const after = (await rows()).find((r) => r.id === b1Row.id)!;
    expect(after.numbers).toEqual({ count: 1, required: 1 });
    expect(after.version).toBe(b1Row.version + 1);
  });

  it('resolves only inside the evaluated subtree and periods', async () => {
    // Evaluating b1's subtree alone must not resolve b2's finding.
    const partial = await store([draft(b1.id, '2021-Q1', 1)], b1.path);
    expect(partial.resolved).toBe(0);
    // A finding of a period outside the evaluated range stays open.
    const otherRange = await store([], u.rootPath, { rules: null, periodEvaluated: (p) => p === '2022-Q1' });
    expect(otherRange.resolved).toBe(0);
    expect((await rows()).every((r) => r.status === 'open')).toBe(true);
  });

  it('prints evidence and numbers as jsonb does, and compares in full what it prints otherwise', async () => {
    const odd = (numbers: Record<string, number | null>): Finding => ({
      ...draft(b2.id, '2021-Q3'),
      evidence: [{ label: '支部 "一"\n\t', kind: 'org', id: b2.id }],
      numbers,
    });
    // 1e21 is printed 1e+21 by JavaScript and in full by PostgreSQL: the digests differ, the content does not.
    expect(await store([odd({ big: 1e21, half: 2.5, none: null })], b2.path)).toMatchObject({ opened: 1 });
    const [row] = await selectRows<{ evidence: string; numbers: string }>(
      database.db,
      sql`select evidence::text as evidence, numbers::text as numbers from findings where key = ${odd({}).key}`,
    );
    expect(jsonbText(odd({}).evidence)).toBe(row.evidence);
    expect(jsonbText({ big: 1e21, half: 2.5, none: null })).not.toBe(row.numbers);
    expect(await store([odd({ big: 1e21, half: 2.5, none: null })], b2.path)).toMatchObject({ opened: 0, updated: 0 });
    expect(await store([odd({ big: 1e21, half: 3.5, none: null })], b2.path)).toMatchObject({ opened: 0, updated: 1 });
  });
});
