/** The modelUnits, awards and practiceCarriers sections: round trip, counts, malformed records refused with nothing written. */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { awards } from '../../db/schema.ts';
import { systemActor } from '../../server/audit.ts';
import { exportDatasetSnapshot } from './export-dataset.ts';
import { importDataset } from './import-dataset.ts';
import { validateDataset } from './validate-dataset.ts';

const actor = systemActor('test');
let source: Database;
beforeAll(async () => {
  source = await createTestDatabase();
});
afterAll(() => source.close());

const load = (db: Db, document: unknown) => db.transaction((tx) => importDataset(tx, { document, actor }));

function withExcellence(code: string) {
  const document = sampleDataset(code) as ReturnType<typeof sampleDataset> & Record<string, unknown>;
  document.modelUnits = [
    {
      kind: 'modelBranch',
      org: 'b-mech-t1',
      planYear: 2020,
      appliedOn: '2020-03-01',
      status: 'accepted',
      cultivationFrom: '2020-03-15',
      midtermOn: '2020-07-01',
      midtermResult: 'passed',
      midtermNote: '按计划推进',
      acceptedOn: '2020-11-20',
    },
    {
      kind: 'dualLeaderStudio',
      org: 'b-mech-t1',
      leader: 'T0001',
      level: 'province',
      planYear: 2021,
      appliedOn: '2021-03-01',
      status: 'cultivating',
      cultivationFrom: '2021-04-01',
    },
    { kind: 'benchmarkCollege', org: 'c-mech', planYear: 2021, appliedOn: '2021-05-01' },
  ];
  document.awards = [
    {
      roundYear: 2021,
      kind: 'outstandingMember',
      person: 'T0002',
      nominatedBy: 'b-mech-t1',
      nominatedOn: '2021-05-10',
      reason: '教书育人成绩突出',
      status: 'decided',
      reviewedOn: '2021-05-20',
      publicityFrom: '2021-06-01',
      publicityUntil: '2021-06-07',
      decidedOn: '2021-06-28',
      decisionDocument: '院党委〔2021〕12号',
    },
    {
      roundYear: 2021,
      kind: 'advancedOrg',
      org: 'b-direct',
      nominatedBy: code,
      nominatedOn: '2021-05-12',
      reason: '组织生活规范',
      status: 'rejected',
      reviewNote: '材料不全',
      decidedOn: '2021-05-25',
    },
  ];
  document.practiceCarriers = [
    { org: 'c-mech', year: 2021, kind: 'rule', title: '党政联席会议制度', establishedOn: '2021-03-01' },
    {
      org: 'b-mech-t1',
      year: 2021,
      kind: 'carrier',
      title: '党员先锋岗',
      description: '亮身份、作表率',
      establishedOn: '2021-04-01',
    },
  ];
  return document;
}

describe('dataset: model units, awards, practice carriers', () => {
  it('export → import into an empty database → export gives the identical document', async () => {
    const first = await load(source.db, withExcellence('exc-1'));
    expect(first.counts).toMatchObject({ modelUnits: 3, awards: 2, practiceCarriers: 2 });
    const exported = await exportDatasetSnapshot(source.db, { tenantId: first.tenantId });
    expect(exported.modelUnits.map((u) => [u.planYear, u.kind, u.org, u.status])).toEqual([
      [2020, 'modelBranch', 'b-mech-t1', 'accepted'],
      [2021, 'benchmarkCollege', 'c-mech', 'applied'],
      [2021, 'dualLeaderStudio', 'b-mech-t1', 'cultivating'],
    ]);
    expect(exported.modelUnits[2]).toMatchObject({ leader: 'T0001', level: 'province' });
    expect(exported.awards[0]).toMatchObject({ kind: 'advancedOrg', org: 'b-direct', nominatedBy: 'exc-1' });
    expect(exported.awards[1]).toMatchObject({ person: 'T0002', decisionDocument: '院党委〔2021〕12号' });
    expect(exported.practiceCarriers.map((c) => c.org)).toEqual(['b-mech-t1', 'c-mech']);
    const target = await createTestDatabase();
    try {
      const { tenantId } = await load(target.db, JSON.parse(JSON.stringify(exported)));
      const again = await exportDatasetSnapshot(target.db, { tenantId });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await target.close();
    }
  });

  it('reports unknown and wrong-kind codes, a person and an org mixed up, dates backwards; nothing written', async () => {
    const document = withExcellence('exc-bad');
    (document.modelUnits as Record<string, unknown>[]).push(
      { kind: 'modelBranch', org: 'c-mech', planYear: 2021, appliedOn: '2021-03-01' },
      { kind: 'dualLeaderStudio', org: 'b-joint', planYear: 2021, appliedOn: '2021-03-01' },
    );
    (document.awards as Record<string, unknown>[]).push(
      {
        roundYear: 2021,
        kind: 'outstandingWorker',
        org: 'c-mech',
        nominatedBy: 'nope',
        nominatedOn: '2021-05-01',
        reason: '优秀',
      },
      {
        roundYear: 2021,
        kind: 'outstandingMember',
        person: 'X9999',
        nominatedBy: 'c-mech',
        nominatedOn: '2021-05-01',
        reason: '优秀',
        publicityFrom: '2021-06-07',
        publicityUntil: '2021-06-01',
      },
    );
    (document.practiceCarriers as Record<string, unknown>[]).push(
      { org: 'g-mech-t1-1', year: 2021, kind: 'rule', title: '小组制度', establishedOn: '2021-03-01' },
      { org: 'b-joint', year: 2021, kind: 'rule', title: '制度', establishedOn: '2020-12-31' },
    );
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual([
      '/modelUnits/3/org',
      '/modelUnits/4/leader',
      '/awards/2/nominatedBy',
      '/awards/2/org',
      '/awards/2/person',
      '/awards/3/person',
      '/awards/3/publicityUntil',
      '/practiceCarriers/2/org',
      '/practiceCarriers/3/establishedOn',
    ]);
    const before = (await source.db.select({ n: count() }).from(awards))[0].n;
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await source.db.select({ n: count() }).from(awards))[0].n).toBe(before);
  });
});
