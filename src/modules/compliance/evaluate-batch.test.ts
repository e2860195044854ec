/**
 * Universities evaluated together (the nightly batches): each gets exactly the findings it gets
 * alone — its own rules, parameters and semesters — and its own stored run.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildMeeting, buildMember, buildOrg, buildUniversity } from '../../../test/factories.ts';
import type { Database, Db } from '../../db/connect.ts';
import { evaluationRuns, findings, tenants } from '../../db/schema.ts';
import { adoptedRuleIds, standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import { type EvaluationResult, evaluate, evaluateUniversities } from './evaluate.ts';

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

/** A university with a college, a branch of a few members and a general assembly in March. */
async function university(standardSets: string[], members: number) {
  const u = await buildUniversity(db);
  await db.update(tenants).set({ standardSets }).where(eq(tenants.id, u.tenantId));
  const college = await buildOrg(db, { tenantId: u.tenantId, parentId: u.rootId, kind: 'college' });
  const branch = await buildOrg(db, { tenantId: u.tenantId, parentId: college.id, kind: 'branch' });
  for (let i = 0; i < members; i++)
    await buildMember(db, { tenantId: u.tenantId, orgId: branch.id, code: `${u.code}-${i}`, name: `党员${i}` });
  await buildMeeting(db, { tenantId: u.tenantId, orgId: branch.id, heldOn: '2021-03-10', status: 'held' });
  return u.tenantId;
}

const shape = (r: EvaluationResult) => ({
  rules: [...r.rules].sort(),
  findings: r.findings.map((f) => ({ key: f.key, severity: f.severity, message: f.message, period: f.period })),
});

describe('evaluateUniversities', () => {
  it('gives each university the findings it gets alone, and stores a run per university', async () => {
    const a = await university(['hbzy-2019-3s3n'], 3);
    const b = await university(['jljy-2016-five', 'national-baseline'], 8);
    const options = { asOf: '2021-12-31', trigger: 'manual' as const, actorName: 'test' };
    const alone = await Promise.all(
      [a, b].map((tenantId) => db.transaction((tx) => evaluate(tx, { ...options, tenantId, store: false }))),
    );
    const together = await db.transaction((tx) => evaluateUniversities(tx, { ...options, tenantIds: [a, b] }));

    expect(together.results.map(shape)).toEqual(alone.map(shape));
    expect(alone[0].findings.length).toBeGreaterThan(0);
    expect(alone[1].findings.length).toBeGreaterThan(0);
    // A rule only b's sets adopt finds nothing in a.
    const onlyB = [
      ...adoptedRuleIds(['jljy-2016-five', 'national-baseline'].map((c) => standardSetByCode.get(c)!)),
    ].filter((id) => !adoptedRuleIds([standardSetByCode.get('hbzy-2019-3s3n')!]).has(id));
    expect(onlyB.length).toBeGreaterThan(0);
    expect(together.results[0].findings.filter((f) => onlyB.includes(f.rule))).toEqual([]);

    const runs = await db
      .select()
      .from(evaluationRuns)
      .where(inArray(evaluationRuns.tenantId, [a, b]));
    expect(runs.map((r) => [r.tenantId, r.produced]).sort()).toEqual(
      [
        [a, alone[0].findings.length],
        [b, alone[1].findings.length],
      ].sort(),
    );
    for (const [i, tenantId] of [a, b].entries()) {
      const stored = await db.select({ key: findings.key }).from(findings).where(eq(findings.tenantId, tenantId));
      expect(stored.map((s) => s.key).sort()).toEqual(alone[i].findings.map((f) => f.key).sort());
    }
  });

  it('takes a subtree for one university only', async () => {
    const a = await university(['hbzy-2019-3s3n'], 1);
    const b = await university(['hbzy-2019-3s3n'], 1);
    await expect(
      db.transaction((tx) =>
        evaluateUniversities(tx, {
          tenantIds: [a, b],
          orgId: a,
          asOf: '2021-12-31',
          trigger: 'manual',
          actorName: 't',
        }),
      ),
    ).rejects.toThrow(/one university/);
  });
});
