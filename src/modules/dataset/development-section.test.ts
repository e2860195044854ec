/** The development section of the dataset: round trip, stage derived on import, and malformed records refused with nothing written. */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { devCases, devEvents } from '../../db/schema.ts';
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

function withDevelopment(code: string) {
  const document = sampleDataset(code);
  document.university.parameters = document.university.parameters.slice(0, 1);
  document.development = [
    {
      person: 'S0101',
      org: 'b-mech-t1',
      events: [
        // Out of date order on purpose: the import keeps the record and orders it by date.
        { step: 'talk', on: '2020-10-10', by: ['T0001'], documents: [{ name: '谈话记录' }] },
        { step: 'application', on: '2020-09-20', documents: [{ name: '入党申请书' }] },
        { step: 'activist', on: '2020-11-10', mentors: ['T0001', 'T0002'] },
        { step: 'thoughtReport', on: '2021-01-05' },
        { step: 'assessment', on: '2021-05-10', result: 'good' },
        { step: 'candidate', on: '2021-11-15' },
        { step: 'sponsors', on: '2022-03-15', sponsors: ['T0001', 'T0002'] },
        { step: 'training', on: '2022-03-10', hours: 24 },
        { step: 'publicity', on: '2022-04-01', until: '2022-04-07' },
        {
          step: 'admissionVote',
          on: '2022-04-20',
          vote: { expected: 20, present: 18, yes: 17, no: 0, abstain: 1 },
          note: '支部大会决议',
        },
        { step: 'approval', on: '2022-06-10' },
      ],
    },
    { person: 'R0001', org: 'b-direct', events: [{ step: 'application', on: '2021-03-01' }] },
  ];
  return document;
}

describe('dataset: development', () => {
  it('derives each stage, keeps every step and exports → imports → exports the identical document', async () => {
    const first = await load(source.db, withDevelopment('dev-1'));
    expect(first.counts).toMatchObject({ devCases: 2, devEvents: 12 });
    const stages = await source.db
      .select({ stage: devCases.stage })
      .from(devCases)
      .where(eq(devCases.tenantId, first.tenantId))
      .orderBy(devCases.stage);
    expect(stages.map((s) => s.stage)).toEqual(['applicant', 'probationary']);
    const exported = await exportDatasetSnapshot(source.db, { tenantId: first.tenantId });
    const wang = exported.development.find((c) => c.person === 'S0101');
    expect(wang?.events.map((e) => e.step)).toEqual([
      'application',
      'talk',
      'activist',
      'thoughtReport',
      'assessment',
      'candidate',
      'training',
      'sponsors',
      'publicity',
      'admissionVote',
      'approval',
    ]);
    expect(wang?.events[1]).toEqual({
      step: 'talk',
      on: '2020-10-10',
      by: ['T0001'],
      documents: [{ name: '谈话记录' }],
    });
    expect(wang?.events[9]).toMatchObject({ vote: { expected: 20, present: 18, yes: 17 }, note: '支部大会决议' });
    const target = await createTestDatabase();
    try {
      const { tenantId } = await load(target.db, JSON.parse(JSON.stringify(exported)));
      const again = await exportDatasetSnapshot(target.db, { tenantId });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await target.close();
    }
  });

  it('refuses unknown codes, a second case, an unknown step, impossible publicity and votes that do not add up; nothing written', async () => {
    const document = withDevelopment('dev-bad');
    const cases = document.development as { person: string; org: string; events: Record<string, unknown>[] }[];
    cases[0].events.push(
      { step: 'confirmationVote', on: '2023-04-25', vote: { expected: 21, present: 22, yes: 19, no: 0, abstain: 0 } },
      { step: 'publicity', on: '2023-05-01', until: '2023-04-20' },
      { step: 'baptism', on: '2023-05-02' },
      { step: 'talk', on: '2023-05-03', by: ['NOBODY'] },
    );
    cases.push(
      { person: 'S0101', org: 'b-mech-t1', events: [{ step: 'application', on: '2021-01-01' }] },
      { person: 'T0002', org: 'nope', events: [] },
    );
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      {
        pointer: '/development/0/events/11/vote/present',
        reason: '实到 22 人多于应到 21 人 / present (22) exceeds expected (21)',
      },
      {
        pointer: '/development/0/events/11/vote/yes',
        reason: '赞成 19 + 反对 0 + 弃权 0 = 19，不等于实到 22 人 / yes 19 + no 0 + abstain 0 = 19, not the 22 present',
      },
      {
        pointer: '/development/0/events/12/until',
        reason: '公示截止日早于开始日 2023-05-01 / publicity ends before it starts (2023-05-01)',
      },
      { pointer: '/development/0/events/13/step', reason: expect.stringContaining('取值无效') },
      { pointer: '/development/0/events/14/by/0', reason: '未知的人员代码 NOBODY / unknown person code NOBODY' },
      {
        pointer: '/development/2/person',
        reason:
          '同一人有两个发展档案（见 /development/0） / a second development case for the person (see /development/0)',
      },
      { pointer: '/development/3/events', reason: expect.stringContaining('不能小于 1') },
      { pointer: '/development/3/org', reason: '未知的组织代码 nope / unknown org code nope' },
    ]);
    const before = (await source.db.select({ n: count() }).from(devEvents))[0].n;
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await source.db.select({ n: count() }).from(devEvents))[0].n).toBe(before);
  });
});
