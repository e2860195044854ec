/** The rectifications, surveys and reorganizations sections of the dataset: round trip, survey links, and malformed records refused. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { rectifications, surveys } from '../../db/schema.ts';
import { systemActor } from '../../server/audit.ts';
import { sixChecks } from '../surveys/six-checks.ts';
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

const checklist = sixChecks.map((check) =>
  check === 'role' ? { check, result: 'problem', note: '主题党日流于形式' } : { check, result: 'good', note: '' },
);

function withImprovement(code: string) {
  const document = sampleDataset(code) as Record<string, unknown> & ReturnType<typeof sampleDataset>;
  document.university.parameters = document.university.parameters.slice(0, 1);
  document.surveys = [
    {
      org: 'b-mech-t1',
      year: 2021,
      surveyedOn: '2021-11-20',
      checklist,
      conclusion: '作用发挥不够',
      weak: false,
      recordedBy: '机电学院党总支',
    },
  ];
  document.rectifications = [
    {
      org: 'b-mech-t1',
      source: 'survey',
      year: 2021,
      problem: '查作用发挥情况：主题党日流于形式',
      owner: '王强',
      measures: '每月主题党日提前确定主题并报学院',
      deadline: '2021-12-31',
      status: 'verified',
      evidence: '10—12月主题党日记录',
      doneOn: '2021-12-20',
      verifiedOn: '2021-12-28',
      verifiedBy: '机电学院党总支',
      verificationNote: '同意销号',
    },
    {
      org: 'b-joint',
      year: 2021,
      problem: '党员学习台账缺失',
      owner: '刘书记',
      measures: '建立学习台账',
      deadline: '2021-10-31',
    },
  ];
  document.reorganizations = [
    {
      org: 'b-joint',
      reasons: ['noLife', 'weakLeadership'],
      startedOn: '2021-09-01',
      endsOn: '2022-02-28',
      plan: '调整班子，恢复组织生活',
      status: 'closed',
      closedOn: '2022-02-20',
      outcome: '已恢复每月组织生活',
    },
  ];
  return document;
}

describe('dataset: rectifications, surveys and reorganizations', () => {
  it('export → import into an empty database → export gives the identical document', async () => {
    const first = await load(source.db, withImprovement('imp-1'));
    expect(first.counts).toMatchObject({ rectifications: 2, surveys: 1, reorganizations: 1 });
    // The item from the survey points to the survey again.
    const [survey] = await source.db.select().from(surveys).where(eq(surveys.tenantId, first.tenantId));
    const items = await source.db.select().from(rectifications).where(eq(rectifications.tenantId, first.tenantId));
    expect(items.find((r) => r.source === 'survey')?.sourceId).toBe(survey.id);
    expect(items.find((r) => r.source === 'manual')).toMatchObject({ status: 'open', sourceId: null });

    const exported = (await exportDatasetSnapshot(source.db, { tenantId: first.tenantId })) as Record<string, unknown>;
    expect((exported.rectifications as { org: string }[]).map((r) => r.org)).toEqual(['b-joint', 'b-mech-t1']);
    expect((exported.surveys as { checklist: unknown[] }[])[0].checklist).toEqual(checklist);
    expect(exported.reorganizations).toEqual([
      {
        org: 'b-joint',
        reasons: ['noLife', 'weakLeadership'],
        startedOn: '2021-09-01',
        endsOn: '2022-02-28',
        plan: '调整班子，恢复组织生活',
        status: 'closed',
        closedOn: '2022-02-20',
        outcome: '已恢复每月组织生活',
      },
    ]);
    const target = await createTestDatabase();
    try {
      const { tenantId } = await load(target.db, JSON.parse(JSON.stringify(exported)));
      const again = await exportDatasetSnapshot(target.db, { tenantId });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await target.close();
    }
  });

  it('reports unknown orgs, non-branches, duplicates, missing evidence and dates backwards', () => {
    const document = withImprovement('imp-bad');
    const [item] = document.rectifications as Record<string, unknown>[];
    const [survey] = document.surveys as Record<string, unknown>[];
    const [reorganization] = document.reorganizations as Record<string, unknown>[];
    document.rectifications = [
      { ...item, org: 'nope' },
      { ...item, status: 'done', evidence: null, doneOn: null },
      { ...item, verifiedOn: '2021-12-01' },
    ];
    document.surveys = [
      survey,
      { ...survey, surveyedOn: '2021-12-01' },
      { ...survey, org: 'c-mech', year: 2020 },
      {
        ...survey,
        year: 2019,
        checklist: checklist.map((c) => (c.check === 'role' ? { ...c, check: 'setup', note: '' } : c)),
      },
    ];
    document.reorganizations = [
      { ...reorganization, status: 'closed', outcome: null },
      { ...reorganization, status: 'open', endsOn: '2021-08-01' },
      { ...reorganization, status: 'open' },
    ];
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual([
      '/rectifications/0/org',
      '/rectifications/1/doneOn',
      '/rectifications/1/evidence',
      '/rectifications/2/verifiedOn',
      '/surveys/1/year',
      '/surveys/2/org',
      '/surveys/3/checklist/3/check',
      '/surveys/3/checklist/3/note',
      '/reorganizations/0/outcome',
      '/reorganizations/1/endsOn',
      '/reorganizations/2/status',
    ]);
  });
});
