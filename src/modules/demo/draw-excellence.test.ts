/** The demo's model units, commendations and practice carriers: deterministic, valid, and telling the intended story. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connect.ts';
import { systemActor } from '../../server/audit.ts';
import { workdaysBetween } from '../awards/workdays.ts';
import { importDataset } from '../dataset/import-dataset.ts';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';

const asOf = '2026-11-23';
const document = generateDemoDataset({ asOf });
const ours = (pointer: string) => /^\/(modelUnits|awards|practiceCarriers)\//.test(pointer);

describe('demo excellence', () => {
  it('is valid and the same for the same seed', () => {
    expect(validateDataset(document).issues.filter((i) => ours(i.pointer))).toEqual([]);
    const again = generateDemoDataset({ asOf });
    expect([again.modelUnits, again.awards, again.practiceCarriers]).toEqual([
      document.modelUnits,
      document.awards,
      document.practiceCarriers,
    ]);
  });

  it('accepted a fifth of last year’s branches as model branches, and has each later kind in progress', () => {
    const branches = (document.orgs ?? []).filter(
      (o) => o.kind === 'branch' && (o.validFrom ?? '') <= '2025-12-31' && (!o.validTo || o.validTo > '2025-12-31'),
    );
    const accepted = (document.modelUnits ?? []).filter(
      (u) => u.kind === 'modelBranch' && u.status === 'accepted' && u.planYear === 2025,
    );
    expect(accepted.length).toBe(Math.ceil(branches.length / 5));
    expect(new Set((document.modelUnits ?? []).map((u) => u.kind))).toEqual(
      new Set(['modelBranch', 'dualLeaderStudio', 'benchmarkCollege']),
    );
    const studio = (document.modelUnits ?? []).find((u) => u.kind === 'dualLeaderStudio');
    expect(studio?.leader).toBeTruthy();
  });

  it('decided last year’s round after five working days of publicity, for every kind', () => {
    const awards = document.awards ?? [];
    expect(new Set(awards.map((a) => a.kind))).toEqual(
      new Set(['outstandingMember', 'outstandingWorker', 'advancedOrg']),
    );
    for (const a of awards) {
      expect(a).toMatchObject({ roundYear: 2025, status: 'decided' });
      expect(workdaysBetween(a.publicityFrom as string, a.publicityUntil as string)).toBe(5);
      expect((a.decidedOn as string) > (a.publicityUntil as string)).toBe(true);
    }
  });

  it('has a carrier last year for most orgs but not all branches, none dated after asOf', () => {
    const carriers = document.practiceCarriers ?? [];
    const withLast = new Set(carriers.filter((c) => c.year === 2025).map((c) => c.org));
    const current = (document.orgs ?? []).filter((o) => (o.kind === 'branch' || o.kind === 'college') && !o.validTo);
    expect(withLast.size).toBeGreaterThan(current.length / 2);
    expect(current.some((o) => o.kind === 'branch' && !withLast.has(o.code))).toBe(true);
    expect(carriers.every((c) => c.establishedOn <= asOf && c.establishedOn.startsWith(String(c.year)))).toBe(true);
  });
});

describe('demo excellence through the engine', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('meets last year’s model-branch share and commendation round; ASSESS-09 finds exactly the branches without a carrier', async () => {
    const { tenantId } = await database.db.transaction((tx) =>
      importDataset(tx, { document, actor: systemActor('test'), oversightBodyId: null }),
    );
    const findings = await findingsFor(database.db, {
      tenantId,
      asOf,
      from: '2025-01-01',
      to: '2025-12-31',
      rules: ['ASSESS-07', 'ASSESS-08', 'ASSESS-09'],
    });
    expect(findings.filter((f) => f.rule !== 'ASSESS-09')).toEqual([]);
    const withLast = new Set((document.practiceCarriers ?? []).filter((c) => c.year === 2025).map((c) => c.org));
    const owing = (document.orgs ?? []).filter(
      (o) =>
        (o.kind === 'branch' || o.kind === 'college') &&
        (o.validFrom ?? '') <= '2025-01-01' &&
        (!o.validTo || o.validTo > '2025-12-31') &&
        !withLast.has(o.code),
    );
    expect(findings.map((f) => f.org).sort()).toEqual(owing.map((o) => o.code).sort());
    expect(findings.length).toBeGreaterThan(0);
  });
});
