import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { buildWorld } from '../../../test/factories.ts';
import { sampleDataset } from '../../../test/fixtures/dataset.ts';
import type { Database, Db } from '../../db/connect.ts';
import { appraisalEntries, appraisals, meetings, thoughtReports } from '../../db/schema.ts';
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

describe('dataset: meeting details, thought reports and appraisals', () => {
  it('export → import into an empty database → export gives the identical document', async () => {
    const world = await buildWorld(source.db);
    const t = world.uniA.tenantId;
    await source.db.insert(meetings).values({
      tenantId: t,
      code: 'm-a1-1',
      orgId: world.branchA1.id,
      type: 'generalAssembly',
      heldOn: '2025-05-08',
      startTime: '14:30',
      endTime: '16:00',
      title: '学习贯彻全国两会精神',
      place: '行政楼301',
      audience: 'branch',
      status: 'recorded',
      minutes: true,
    });
    await source.db.insert(thoughtReports).values([
      {
        tenantId: t,
        personId: world.memberA1.person.id,
        orgId: world.branchA1.id,
        submittedOn: '2025-06-30',
        title: '2025年上半年思想汇报',
        content: '通过学习……',
        // 23:30 in Shanghai on 07-02 is still 07-02 there (15:30 UTC).
        readAt: new Date('2025-07-02T15:30:00Z'),
        comment: '认识深刻，继续努力',
      },
      {
        tenantId: t,
        personId: world.memberA1.person.id,
        orgId: world.branchA1.id,
        submittedOn: '2025-12-20',
        title: '2025年下半年思想汇报',
        content: '本学期……',
      },
    ]);
    const [appraisal] = await source.db
      .insert(appraisals)
      .values({
        tenantId: t,
        orgId: world.branchA1.id,
        year: 2025,
        step: 'closed',
        startedOn: '2026-01-05',
        peerReviewOn: '2026-01-10',
        voteOn: '2026-01-12',
        verdictOn: '2026-01-15',
        closedOn: '2026-01-20',
        voters: 2,
      })
      .returning();
    await source.db.insert(appraisalEntries).values([
      {
        tenantId: t,
        appraisalId: appraisal.id,
        personId: world.memberA1.person.id,
        selfAssessment: '自我评价……',
        selfAssessedOn: '2026-01-08',
        peerReviewDone: true,
        votesExcellent: 0,
        votesQualified: 0,
        votesBasicallyQualified: 0,
        votesUnqualified: 2,
        verdict: 'unqualified',
        verdictReason: '长期不参加组织生活',
        followUp: 'rectifyWithinDeadline',
      },
      { tenantId: t, appraisalId: appraisal.id, personId: world.secretaryA1.person.id, leadingCadre: true },
    ]);

    const exported = await exportDatasetSnapshot(source.db, { tenantId: t });
    expect(exported.meetings[0]).toMatchObject({
      startTime: '14:30',
      endTime: '16:00',
      place: '行政楼301',
      status: 'recorded',
    });
    expect(exported.thoughtReports).toEqual([
      expect.objectContaining({ person: 'A0001', org: 'b-a1', submittedOn: '2025-06-30', readOn: '2025-07-02' }),
      expect.objectContaining({ submittedOn: '2025-12-20', readOn: null, comment: null }),
    ]);
    expect(exported.appraisals).toEqual([
      expect.objectContaining({
        org: 'b-a1',
        year: 2025,
        step: 'closed',
        voters: 2,
        entries: [
          expect.objectContaining({
            person: 'A0001',
            votes: { excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 2 },
            verdict: 'unqualified',
            followUp: 'rectifyWithinDeadline',
          }),
          expect.objectContaining({ person: 'A0002', leadingCadre: true, votes: null, verdict: null }),
        ],
      }),
    ]);

    const target = await createTestDatabase();
    try {
      const { tenantId, counts } = await load(target.db, JSON.parse(JSON.stringify(exported)));
      expect(counts).toMatchObject({ thoughtReports: 2, appraisals: 1, appraisalEntries: 2 });
      const again = await exportDatasetSnapshot(target.db, { tenantId });
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await target.close();
    }
  });

  it('reports unknown codes, a duplicate round, votes beyond the voters and a cadre voted on; nothing written', async () => {
    const document = sampleDataset('life-bad');
    document.thoughtReports = [
      {
        person: 'X0001',
        org: 'b-mech-t1',
        submittedOn: '2025-01-02',
        title: '汇报',
        content: '内容',
        readOn: '2024-12-01',
      },
    ];
    const round = {
      org: 'b-mech-t1',
      year: 2025,
      step: 'verdict',
      startedOn: '2026-01-05',
      voteOn: '2026-01-01',
      voters: 3,
      entries: [
        { person: 'T0001', votes: { excellent: 2, qualified: 2, basicallyQualified: 0, unqualified: 0 } },
        {
          person: 'T0002',
          leadingCadre: true,
          votes: { excellent: 1, qualified: 0, basicallyQualified: 0, unqualified: 0 },
        },
        { person: 'T0001', verdict: 'qualified', followUp: 'removal' },
      ],
    };
    document.appraisals = [round, { ...round, entries: [] }];
    const result = validateDataset(document);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.pointer)).toEqual([
      '/thoughtReports/0/person',
      '/thoughtReports/0/readOn',
      '/appraisals/0/entries/0/votes',
      '/appraisals/0/entries/1/votes',
      '/appraisals/0/entries/2/followUp',
      '/appraisals/0/entries/2/person',
      '/appraisals/0/voteOn',
      '/appraisals/1/voteOn',
      '/appraisals/1/year',
    ]);
    const before = (await source.db.select({ n: count() }).from(thoughtReports))[0].n;
    await expect(load(source.db, document)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect((await source.db.select({ n: count() }).from(thoughtReports))[0].n).toBe(before);
    expect(await source.db.select({ n: count() }).from(appraisals).where(eq(appraisals.year, 2025))).toEqual([
      { n: 1 },
    ]);
  });
});
