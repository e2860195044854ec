/** ASSESS-06 on records as an import leaves them: steps in order or not, by the right role or not, and missing self-checks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { createTestDatabase } from '../../../test/db.ts';
import { buildOrg, buildUniversity } from '../../../test/factories.ts';
import type { Database } from '../../db/connect.ts';
import { acceptanceCampaigns, acceptanceReviews, acceptanceSteps } from '../../db/schema.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

type Step = [step: string, on: string, role: string];
const roleName: Record<string, string> = {
  branchSecretary: '王书记',
  collegeAdmin: '李院长',
  orgDepartmentAdmin: '张部长',
};

/**
 * A university with one college, the branches named, and a 2026 campaign open 03-01 … 06-30.
 * Branches named `direct-…` are directly under the university.
 */
async function campaign(branches: Record<string, Step[] | null>) {
  const db = database.db;
  const uni = await buildUniversity(db);
  const tenantId = uni.tenantId;
  const college = await buildOrg(db, { tenantId, parentId: uni.rootId, kind: 'college' });
  const [c] = await db
    .insert(acceptanceCampaigns)
    .values({ tenantId, year: 2026, title: '2026年党支部达标验收', opensOn: '2026-03-01', closesOn: '2026-06-30' })
    .returning();
  for (const [code, steps] of Object.entries(branches)) {
    const parentId = code.startsWith('direct-') ? uni.rootId : college.id;
    const b = await buildOrg(db, { tenantId, parentId, kind: 'branch', code });
    // null: a branch the import gave no review row at all.
    if (steps === null) continue;
    const [r] = await db.insert(acceptanceReviews).values({ tenantId, campaignId: c.id, orgId: b.id }).returning();
    for (const [i, [step, on, role]] of steps.entries())
      await db.insert(acceptanceSteps).values({
        tenantId,
        reviewId: r.id,
        seq: i + 1,
        step,
        on,
        actorRole: role,
        actorName: roleName[role],
        outcome: { selfCheck: 'submitted', firstCheck: 'passed', recheck: 'certified', return: 'returned' }[step] ?? '',
      });
  }
  return { tenantId, campaignId: c.id };
}

const summary = async (tenantId: string, asOf: string) =>
  (await findingsFor(database.db, { tenantId, rules: ['ASSESS-06'], asOf, from: '2026-01-01', to: '2026-12-31' }))
    .map((f) => [f.severity, f.org, f.period, f.message, f.messageEn])
    .sort((a, b) => String(a[1]).localeCompare(String(b[1])));

const done: Step[] = [
  ['selfCheck', '2026-04-01', 'branchSecretary'],
  ['firstCheck', '2026-04-10', 'collegeAdmin'],
  ['recheck', '2026-05-01', 'orgDepartmentAdmin'],
];

describe('ASSESS-06 each acceptance step by its own role and in order', () => {
  it('passes a certified branch and a returned one that self-checked again', async () => {
    const { tenantId } = await campaign({
      'acc-ok': done,
      'acc-again': [
        ['selfCheck', '2026-04-01', 'branchSecretary'],
        ['return', '2026-04-05', 'collegeAdmin'],
        ['selfCheck', '2026-04-08', 'branchSecretary'],
        ['firstCheck', '2026-04-10', 'collegeAdmin'],
        ['return', '2026-04-20', 'orgDepartmentAdmin'],
        ['selfCheck', '2026-04-25', 'branchSecretary'],
      ],
    });
    expect(await summary(tenantId, '2026-07-10')).toEqual([]);
  });

  it('finds a skipped first check, a self-check by the college and a step dated before the previous one', async () => {
    const { tenantId } = await campaign({
      'acc-skip': [
        ['selfCheck', '2026-04-01', 'branchSecretary'],
        ['recheck', '2026-04-20', 'orgDepartmentAdmin'],
      ],
      'acc-role': [['selfCheck', '2026-04-01', 'collegeAdmin']],
      'acc-date': [
        ['selfCheck', '2026-04-10', 'branchSecretary'],
        ['firstCheck', '2026-04-02', 'collegeAdmin'],
      ],
    });
    expect(await summary(tenantId, '2026-05-01')).toEqual([
      [
        'breach',
        'acc-date',
        '2026',
        '“2026年党支部达标验收”中2026-04-02的院系初验早于前一步（2026-04-10）',
        'in “2026年党支部达标验收” the first check of 2026-04-02 is dated before the previous step (2026-04-10)',
      ],
      [
        'breach',
        'acc-role',
        '2026',
        '“2026年党支部达标验收”中2026-04-01的支部自查由院系党组织李院长进行，应由支部书记进行',
        'in “2026年党支部达标验收” the self-check of 2026-04-01 was taken by the college (李院长), not by the branch secretary',
      ],
      [
        'breach',
        'acc-skip',
        '2026',
        '“2026年党支部达标验收”中2026-04-20的学校复验不合顺序（当时已自查待初验，应为院系初验或退回）',
        'in “2026年党支部达标验收” the re-check of 2026-04-20 is out of order (the review was self-checked, awaiting first check; expected first check or return)',
      ],
    ]);
  });

  it('takes the first check of a branch directly under the university from the organization department', async () => {
    const { tenantId } = await campaign({
      'direct-ok': [
        ['selfCheck', '2026-04-01', 'branchSecretary'],
        ['firstCheck', '2026-04-10', 'orgDepartmentAdmin'],
        ['recheck', '2026-05-01', 'orgDepartmentAdmin'],
      ],
      'direct-college': [
        ['selfCheck', '2026-04-01', 'branchSecretary'],
        ['firstCheck', '2026-04-10', 'collegeAdmin'],
      ],
    });
    expect((await summary(tenantId, '2026-05-10')).map((f) => [f[1], f[3]])).toEqual([
      ['direct-college', '“2026年党支部达标验收”中2026-04-10的院系初验由院系党组织李院长进行，应由学校组织部进行'],
    ]);
  });

  it('warns a branch without a self-check in the last 14 days and finds it in breach after the close', async () => {
    const { tenantId } = await campaign({
      'acc-done': done,
      'acc-none': null,
      'acc-pending': [],
      'acc-returned': [
        ['selfCheck', '2026-04-01', 'branchSecretary'],
        ['return', '2026-04-05', 'collegeAdmin'],
      ],
    });
    expect(await summary(tenantId, '2026-06-16')).toEqual([]);
    expect(await summary(tenantId, '2026-06-17')).toEqual([
      [
        'warning',
        'acc-none',
        '2026',
        '“2026年党支部达标验收”将于2026-06-30截止（剩14天），未提交自查',
        '“2026年党支部达标验收” closes on 2026-06-30 (14 days left): no self-check submitted',
      ],
      [
        'warning',
        'acc-pending',
        '2026',
        '“2026年党支部达标验收”将于2026-06-30截止（剩14天），未提交自查',
        '“2026年党支部达标验收” closes on 2026-06-30 (14 days left): no self-check submitted',
      ],
      [
        'warning',
        'acc-returned',
        '2026',
        '“2026年党支部达标验收”将于2026-06-30截止（剩14天），被退回后未重新自查',
        '“2026年党支部达标验收” closes on 2026-06-30 (14 days left): not self-checked again after the return',
      ],
    ]);
    expect((await summary(tenantId, '2026-07-01')).map((f) => [f[0], f[1], f[3]])).toEqual([
      ['breach', 'acc-none', '“2026年党支部达标验收”已于2026-06-30截止，未提交自查'],
      ['breach', 'acc-pending', '“2026年党支部达标验收”已于2026-06-30截止，未提交自查'],
      ['breach', 'acc-returned', '“2026年党支部达标验收”已于2026-06-30截止，被退回后未重新自查'],
    ]);
  });
});
