/**
 * Readers sharing a transaction's snapshot: on a PostgreSQL server they see what the transaction
 * sees (not what others commit after it began reading), and none are given once it has written;
 * on PGlite none are given. An evaluation with them finds exactly what it finds without.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { buildMeeting, buildMember, buildOrg, buildUniversity } from '../../test/factories.ts';
import { evaluate } from '../modules/compliance/evaluate.ts';
import type { Database, Db } from './connect.ts';
import { orgs, tenants } from './schema.ts';
import { snapshotReaders } from './snapshot-readers.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

const nameOf = async (on: Db | Parameters<Parameters<Db['transaction']>[0]>[0], id: string) =>
  (await on.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, id)))[0].name;

describe('snapshotReaders', () => {
  it.runIf(process.env.DATABASE_URL)('reads what the transaction sees, not what is committed after', async () => {
    const u = await buildUniversity(db);
    const branch = await buildOrg(db, { tenantId: u.tenantId, parentId: u.rootId, kind: 'branch', name: '第一支部' });
    await db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read`);
      expect(await nameOf(tx, branch.id)).toBe('第一支部');
      const readers = await snapshotReaders(tx, db);
      expect(readers).not.toBeNull();
      // Committed by another connection after the snapshot was taken.
      await db.update(orgs).set({ name: '改名支部' }).where(eq(orgs.id, branch.id));
      const seen = await Promise.all([1, 2, 3].map(() => readers!.run((reader) => nameOf(reader as Db, branch.id))));
      expect(seen).toEqual(['第一支部', '第一支部', '第一支部']);
    });
    expect(await nameOf(db, branch.id)).toBe('改名支部');
  });

  it('gives none once the transaction has written, nor outside a transaction or without a server', async () => {
    const u = await buildUniversity(db);
    expect(await snapshotReaders(db, db)).toBeNull();
    await db.transaction(async (tx) => {
      expect(await snapshotReaders(tx, undefined)).toBeNull();
      const clean = await snapshotReaders(tx, db);
      expect(clean === null).toBe(database.kind === 'pglite');
      await tx.update(tenants).set({ name: '改名大学' }).where(eq(tenants.id, u.tenantId));
      expect(await snapshotReaders(tx, db)).toBeNull();
    });
  });

  it('lets an evaluation read its facts side by side with the same findings as on one connection', async () => {
    const u = await buildUniversity(db);
    await db
      .update(tenants)
      .set({ standardSets: ['hbzy-2019-3s3n'] })
      .where(eq(tenants.id, u.tenantId));
    const college = await buildOrg(db, { tenantId: u.tenantId, parentId: u.rootId, kind: 'college' });
    const branch = await buildOrg(db, { tenantId: u.tenantId, parentId: college.id, kind: 'branch' });
    for (let i = 0; i < 4; i++)
      await buildMember(db, { tenantId: u.tenantId, orgId: branch.id, code: `${u.code}-${i}` });
    await buildMeeting(db, { tenantId: u.tenantId, orgId: branch.id, heldOn: '2021-03-10', status: 'held' });
    const options = { tenantId: u.tenantId, asOf: '2021-12-31', trigger: 'manual' as const, actorName: 'test' };
    const serial = await db.transaction((tx) => evaluate(tx, { ...options, store: false }));
    const parallel = await db.transaction((tx) => evaluate(tx, { ...options, store: false, parallelReads: db }));
    expect(serial.findings.length).toBeGreaterThan(0);
    expect(parallel.findings.map((f) => [f.key, f.message.zh])).toEqual(
      serial.findings.map((f) => [f.key, f.message.zh]),
    );
  });
});
