/** Plans, pool analyses and contacts in the dataset: round trip, counts taken on import, malformed records refused with nothing written. */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { type LooseDocument, sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { devContacts, devPlans, devPoolAnalyses } from '../../db/schema.ts';
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

const zero = { student: 0, staff: 0 };

function withPlans(code: string): LooseDocument {
  const document = sampleDataset(code);
  document.development = [
    {
      person: 'S0101',
      org: 'b-mech-t1',
      events: [
        { step: 'application', on: '2020-09-20' },
        { step: 'activist', on: '2020-11-10', mentors: ['T0001'] },
        { step: 'candidate', on: '2021-11-15' },
      ],
    },
    { person: 'R0001', org: 'b-direct', events: [{ step: 'application', on: '2021-03-01' }] },
  ];
  document.developmentPlans = [
    {
      college: 'c-mech',
      year: 2021,
      note: '学生为主，兼顾青年教师',
      lines: [
        { branch: 'b-mech-t1', category: 'staff', quota: 2 },
        { branch: 'b-joint', category: 'staff', quota: 0 },
        { branch: 'b-mech-t1', category: 'student', quota: 3 },
      ],
    },
    // A branch directly under the university plans for itself.
    { college: 'b-direct', year: 2021, lines: [{ branch: 'b-direct', category: 'staff', quota: 1 }] },
  ];
  document.poolAnalyses = [
    {
      college: 'c-mech',
      year: 2020,
      heldOn: '2021-01-15',
      summary: '积极分子结构以学生为主',
      counts: {
        byStage: { applicant: zero, activist: { student: 1, staff: 0 }, candidate: zero, probationary: zero },
        youngTeachers: 0,
      },
    },
    // Without counts: the import takes them from the imported cases on the day.
    { college: 'c-mech', year: 2021, heldOn: '2021-12-20', summary: '年度分析' },
  ];
  document.developmentContacts = [
    { secretary: 'T0001', person: 'S0101', from: '2020-11-20', to: '2021-11-15', note: '每月谈心' },
    { secretary: 'T0001', person: 'S0101', from: '2021-11-16' },
  ];
  return document;
}

describe('dataset: development plans, pool analyses and contacts', () => {
  it('imports them, counts an analysis without counts from the cases, and exports → imports → exports the identical document', async () => {
    const first = await load(source.db, withPlans('devplan-1'));
    expect(first.counts).toMatchObject({ devPlans: 2, devPlanLines: 4, devPoolAnalyses: 2, devContacts: 2 });
    const exported = await exportDatasetSnapshot(source.db, { tenantId: first.tenantId });
    expect(exported.developmentPlans).toEqual([
      { college: 'b-direct', year: 2021, note: null, lines: [{ branch: 'b-direct', category: 'staff', quota: 1 }] },
      {
        college: 'c-mech',
        year: 2021,
        note: '学生为主，兼顾青年教师',
        lines: [
          { branch: 'b-joint', category: 'staff', quota: 0 },
          { branch: 'b-mech-t1', category: 'staff', quota: 2 },
          { branch: 'b-mech-t1', category: 'student', quota: 3 },
        ],
      },
    ]);
    // On 2021-12-20 S0101 is a candidate: the import's own count.
    expect(exported.poolAnalyses[1]).toEqual({
      college: 'c-mech',
      year: 2021,
      heldOn: '2021-12-20',
      summary: '年度分析',
      counts: {
        byStage: { applicant: zero, activist: zero, candidate: { student: 1, staff: 0 }, probationary: zero },
        youngTeachers: 0,
      },
    });
    expect(exported.developmentContacts).toEqual([
      { secretary: 'T0001', person: 'S0101', from: '2020-11-20', to: '2021-11-15', note: '每月谈心' },
      { secretary: 'T0001', person: 'S0101', from: '2021-11-16', to: null, note: null },
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

  it('refuses malformed plans, analyses and contacts at their pointer, and writes nothing', async () => {
    const document = withPlans('devplan-bad');
    document.developmentPlans.push(
      {
        college: 'c-mech',
        year: 2021,
        lines: [
          { branch: 'b-direct', category: 'student', quota: 1 },
          { branch: 'b-mech-t1', category: 'staff', quota: -1 },
          { branch: 'nope', category: 'staff', quota: 1 },
        ],
      },
      { college: 'b-mech-t1', year: 2022, lines: [] },
      {
        college: 'c-mech',
        year: 2022,
        lines: [
          { branch: 'b-mech-t1', category: 'student', quota: 1 },
          { branch: 'b-mech-t1', category: 'student', quota: 2 },
        ],
      },
    );
    document.poolAnalyses.push(
      { college: 'c-nope', year: 2021, heldOn: '2021-06-01', summary: '未知组织' },
      { college: 'c-mech', year: 2021, heldOn: '2020-12-31', summary: '早于年度' },
      { college: 'c-mech', year: 2021, heldOn: '2022-04-01', summary: '晚于次年三月' },
    );
    document.developmentContacts.push(
      { secretary: 'T0001', person: 'T0002', from: '2021-01-01' },
      { secretary: 'T9999', person: 'S0101', from: '2021-01-01', to: '2020-12-31' },
      { secretary: 'T0001', person: 'S0101', from: '2021-03-01', to: '2021-04-01' },
      { secretary: 'T0001', person: 'NOBODY', from: '2021-01-01' },
    );
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        pointer: '/developmentPlans/2/lines/0/branch',
        reason: 'b-direct 不是 c-mech 下的党支部 / b-direct is not a branch of c-mech',
      },
      { pointer: '/developmentPlans/2/lines/1/quota', reason: expect.stringContaining('不能小于 0') },
      { pointer: '/developmentPlans/2/lines/2/branch', reason: '未知的组织代码 nope / unknown org code nope' },
      {
        pointer: '/developmentPlans/2/year',
        reason:
          '同一组织同一年度的发展计划重复（见 /developmentPlans/0） / a second plan of this org for this year (see /developmentPlans/0)',
      },
      { pointer: '/developmentPlans/3/college', reason: expect.stringContaining('b-mech-t1 不是二级党组织') },
      {
        pointer: '/developmentPlans/4/lines/1',
        reason: '与 /developmentPlans/4/lines/0 重复 / repeats /developmentPlans/4/lines/0',
      },
      { pointer: '/poolAnalyses/2/college', reason: '未知的组织代码 c-nope / unknown org code c-nope' },
      { pointer: '/poolAnalyses/3/heldOn', reason: expect.stringContaining('对2021年的分析应在2021年内') },
      { pointer: '/poolAnalyses/4/heldOn', reason: expect.stringContaining('by the end of March 2022') },
      { pointer: '/developmentContacts/2/person', reason: 'T0002 没有发展党员档案 / T0002 has no development case' },
      { pointer: '/developmentContacts/3/secretary', reason: '未知的人员代码 T9999 / unknown person code T9999' },
      {
        pointer: '/developmentContacts/3/to',
        reason: '结束日早于开始日 2021-01-01 / ends before it starts (2021-01-01)',
      },
      {
        pointer: '/developmentContacts/4/from',
        reason:
          '与 /developmentContacts/0 同一书记联系同一人的期间重叠 / overlaps /developmentContacts/0 of the same secretary and person',
      },
      { pointer: '/developmentContacts/5/person', reason: '未知的人员代码 NOBODY / unknown person code NOBODY' },
    ]);
    const counted = async () =>
      Promise.all(
        [devPlans, devPoolAnalyses, devContacts].map(
          async (t) => (await source.db.select({ n: count() }).from(t))[0].n,
        ),
      );
    const before = await counted();
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(await counted()).toEqual(before);
  });

  it('a contact of a person whose case is elsewhere in the document finds that case', async () => {
    const document = withPlans('devplan-case');
    document.developmentContacts = [{ secretary: 'T0001', person: 'R0001', from: '2021-03-10' }];
    const { tenantId } = await load(source.db, document);
    const [row] = await source.db.select().from(devContacts).where(eq(devContacts.tenantId, tenantId));
    expect(row).toMatchObject({ fromOn: '2021-03-10', toOn: null });
    const exported = await exportDatasetSnapshot(source.db, { tenantId });
    expect(exported.developmentContacts).toEqual([
      { secretary: 'T0001', person: 'R0001', from: '2021-03-10', to: null, note: null },
    ]);
  });
});
