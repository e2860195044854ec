import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.ts';
import { buildOrg, buildUniversity } from '../../../../test/factories.ts';
import type { Database } from '../../../db/connect.ts';
import { evaluationRuns } from '../../../db/schema.ts';
import { recordAudit } from '../../../server/audit.ts';
import { evaluateChangedBranches } from './incremental.ts';
import { runNightlyEvaluation } from './nightly.ts';

let database: Database;
let u: Awaited<ReturnType<typeof buildUniversity>>;
let branch: { id: string; path: string };
let group: { id: string; path: string };

beforeAll(async () => {
  database = await createTestDatabase();
  u = await buildUniversity(database.db);
  const college = await buildOrg(database.db, { tenantId: u.tenantId, parentId: u.rootId, kind: 'college' });
  branch = await buildOrg(database.db, { tenantId: u.tenantId, parentId: college.id, kind: 'branch' });
  group = await buildOrg(database.db, { tenantId: u.tenantId, parentId: branch.id, kind: 'group' });
});
afterAll(() => database.close());

const runsOf = (trigger: string) =>
  database.db
    .select()
    .from(evaluationRuns)
    .where(and(eq(evaluationRuns.tenantId, u.tenantId), eq(evaluationRuns.trigger, trigger)));

describe('incremental evaluation', () => {
  it('re-evaluates the branch whose records changed, once', async () => {
    // The first pass starts from the present: history already in the trail is not replayed.
    expect((await evaluateChangedBranches(database.db, { asOf: '2026-11-23' })).branches).toBe(0);

    const write = { accountId: '', displayName: 'secretary' };
    await recordAudit(database.db, write, {
      action: 'create',
      entity: 'meeting',
      tenantId: u.tenantId,
      orgPath: group.path,
    });
    await recordAudit(database.db, write, {
      action: 'update',
      entity: 'meeting',
      tenantId: u.tenantId,
      orgPath: branch.path,
    });
    const pass = await evaluateChangedBranches(database.db, { asOf: '2026-11-23' });
    expect(pass.branches).toBe(1);
    const runs = await runsOf('change');
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ orgId: branch.id, asOf: '2026-11-23' });

    expect((await evaluateChangedBranches(database.db, { asOf: '2026-11-23' })).branches).toBe(0);
    expect(await runsOf('change')).toHaveLength(1);
  });

  it('re-evaluates the subtree a parameter override or the adopted sets apply to', async () => {
    const admin = { accountId: '', displayName: '组织部' };
    await recordAudit(database.db, admin, {
      action: 'update',
      entity: 'complianceConfig',
      tenantId: u.tenantId,
      orgPath: u.rootPath,
    });
    expect((await evaluateChangedBranches(database.db, { asOf: '2026-11-23' })).branches).toBe(1);
    const runs = await runsOf('change');
    expect(runs.map((r) => r.orgId)).toContain(u.rootId);
  });
});

describe('nightly evaluation', () => {
  it('waits for 02:00 Asia/Shanghai and runs once a day however often it is asked', async () => {
    expect(await runNightlyEvaluation(database.db, new Date('2026-11-22T17:30:00Z'))).toEqual({
      ran: false,
      reason: 'tooEarly',
    });
    const first = await runNightlyEvaluation(database.db, new Date('2026-11-22T18:30:00Z'));
    expect(first).toMatchObject({ ran: true, day: '2026-11-23' });
    expect(await runNightlyEvaluation(database.db, new Date('2026-11-22T23:00:00Z'))).toEqual({
      ran: false,
      reason: 'alreadyClaimed',
    });
    const nightly = await runsOf('nightly');
    expect(nightly).toHaveLength(1);
    expect(nightly[0]).toMatchObject({ orgId: u.rootId, asOf: '2026-11-23' });
  });
});
