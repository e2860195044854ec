/** Acceptance end to end through the API: open, self-check, first check, re-check, returns, refusals, progress and certificates. */
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { acceptanceReviews, acceptanceSteps, auditLog, findings } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let secretaryDirect: Client;
let direct: { id: string };

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-04-15T04:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, secretaryA2] = await Promise.all(
    ['orgadmin-a', 'orgadmin-b', 'college-a1', 'college-a2', 'secretary-a1', 'secretary-a2'].map((u) =>
      server.signIn(u),
    ),
  );
  const t = world.uniA.tenantId;
  // A branch directly under the university (直属党支部): no college above it.
  direct = await buildOrg(server.db, { tenantId: t, parentId: world.uniA.rootId, kind: 'branch', code: 'b-direct' });
  await buildAccount(server.db, {
    role: 'branchSecretary',
    tenantId: t,
    orgId: direct.id,
    username: 'secretary-direct',
  });
  secretaryDirect = await server.signIn('secretary-direct');
  const finding = (key: string, rule: string, period: string | null, status = 'open') => ({
    tenantId: t,
    key,
    rule,
    family: rule.split('-')[0],
    severity: 'breach',
    orgId: world.branchA1.id,
    orgPath: world.branchA1.path,
    period,
    messageZh: `${key}的问题`,
    messageEn: `problem ${key}`,
    source: '003',
    status,
  });
  await server.db
    .insert(findings)
    .values([
      finding('now', 'ORG-04', null),
      finding('this-year', 'LIFE-01', '2026-Q1'),
      finding('last-year', 'LIFE-01', '2025-Q4'),
      finding('resolved', 'LIFE-02', '2026-Q1', 'resolved'),
      finding('other-set', 'DEV-01', '2026'),
    ]);
});
afterAll(() => server.close());

const counts = async () => ({
  steps: (await server.db.select({ n: count() }).from(acceptanceSteps))[0].n,
  reviews: (await server.db.select({ n: count() }).from(acceptanceReviews))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
const error = (res: { json(): { error: { message: string; details: { field: string }[] } } }) => res.json().error;

const opening = {
  year: 2026,
  title: '2026年党支部达标验收',
  standardSets: ['hbzy-2019-3s3n'],
  opensOn: '2026-04-01',
  closesOn: '2026-06-30',
  manualIndicators: [{ code: 'M1', title: '党员活动室“八有”标准' }],
};
let campaign: { id: string; version: number };
const reviewOf = async (client: Client, orgId: string) => {
  const detail = (await client.get(`/api/v1/acceptance/campaigns/${campaign.id}`)).json();
  const row = detail.reviews.find((r: { orgId: string }) => r.orgId === orgId);
  return (await client.get(`/api/v1/acceptance/reviews/${row.id}`)).json();
};

describe('opening a campaign', () => {
  it('is the organization department’s: one pending review per branch of the university', async () => {
    const before = await counts();
    expect((await collegeA1.post('/api/v1/acceptance/campaigns', opening)).statusCode).toBe(403);
    const unknown = await orgAdminA.post('/api/v1/acceptance/campaigns', { ...opening, standardSets: ['nope'] });
    expect(error(unknown).details.map((d) => d.field)).toEqual(['standardSets']);
    const backwards = await orgAdminA.post('/api/v1/acceptance/campaigns', { ...opening, closesOn: '2026-03-01' });
    expect(backwards.statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const res = await orgAdminA.post('/api/v1/acceptance/campaigns', opening);
    expect(res.statusCode).toBe(200);
    campaign = res.json();
    expect(res.json()).toMatchObject({ status: 'open', counts: { pending: 4, certified: 0 } });
    expect((await orgAdminA.post('/api/v1/acceptance/campaigns', opening)).statusCode).toBe(409);
    expect(await counts()).toEqual({ ...before, reviews: before.reviews + 4, audit: before.audit + 1 });

    const detail = (await orgAdminA.get(`/api/v1/acceptance/campaigns/${campaign.id}`)).json();
    expect(detail.indicators.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining(['ORG-01', 'LIFE-01', 'ASSESS-06', 'M1']),
    );
    expect(detail.indicators.at(-1)).toMatchObject({ code: 'M1', kind: 'manual' });
    expect(detail.reviews.map((r: { orgCode: string }) => r.orgCode).sort()).toEqual([
      'b-a1',
      'b-a2',
      'b-a3',
      'b-direct',
    ]);
    // A college sees its own branches only; another university not at all.
    const own = (await collegeA1.get(`/api/v1/acceptance/campaigns/${campaign.id}`)).json();
    expect(own.reviews.map((r: { orgCode: string }) => r.orgCode).sort()).toEqual(['b-a1', 'b-a2']);
    expect((await orgAdminB.get(`/api/v1/acceptance/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await orgAdminB.get('/api/v1/acceptance/campaigns')).json().items).toEqual([]);
  });
});

describe('a branch review', () => {
  it('pre-fills the engine’s open findings of the branch for the year, per indicator', async () => {
    const review = await reviewOf(secretaryA1, world.branchA1.id);
    expect(review).toMatchObject({ stage: 'pending', actions: ['selfCheck'] });
    const withFindings = review.entries
      .filter((e: { findings: unknown[] }) => e.findings.length)
      .map((e: { indicator: string; findings: { message: { zh: string } }[] }) => [
        e.indicator,
        e.findings.map((f) => f.message.zh),
      ]);
    // Not last year's, not a resolved one, not a rule outside the standard set.
    expect(withFindings).toEqual([
      ['ORG-04', ['now的问题']],
      ['LIFE-01', ['this-year的问题']],
    ]);
  });

  it('refuses every step out of order or by the wrong role, naming it and ASSESS-06, and writes nothing', async () => {
    const review = await reviewOf(secretaryA1, world.branchA1.id);
    const url = `/api/v1/acceptance/reviews/${review.id}`;
    const before = await counts();
    const early = await collegeA1.post(`${url}/first-check`, { version: review.version, decision: 'pass' });
    expect(early.statusCode).toBe(400);
    expect(error(early).message).toContain('院系初验');
    expect(error(early).message).toContain('ASSESS-06');
    const byOrgDept = await orgAdminA.post(`${url}/recheck`, { version: review.version, decision: 'certify' });
    expect(byOrgDept.statusCode).toBe(400);
    const bySecretary = await secretaryA1.post(`${url}/first-check`, { version: review.version, decision: 'pass' });
    expect(bySecretary.statusCode).toBe(403);
    expect(error(bySecretary).message).toBe('院系初验须由院系党组织进行（ASSESS-06）');
    const byCollege = await collegeA1.post(`${url}/self-check`, { version: review.version, statement: '自查' });
    expect(byCollege.statusCode).toBe(403);
    expect(error(byCollege).message).toBe('支部自查须由支部书记进行（ASSESS-06）');
    expect(
      (await secretaryA2.post(`${url}/self-check`, { version: review.version, statement: '自查' })).statusCode,
    ).toBe(404);
    const noManualNote = await secretaryA1.post(`${url}/self-check`, { version: review.version, statement: '自查' });
    expect(error(noManualNote).details.map((d) => d.field)).toEqual(['entries.M1']);
    const stale = await secretaryA1.post(`${url}/self-check`, {
      version: review.version + 1,
      statement: '自查',
      entries: [{ indicator: 'M1', note: '已达标' }],
    });
    expect(stale.statusCode).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it('goes self-check → return → self-check → first check → re-check → certified, each by its role', async () => {
    let review = await reviewOf(secretaryA1, world.branchA1.id);
    const url = `/api/v1/acceptance/reviews/${review.id}`;
    const before = await counts();
    const submitted = await secretaryA1.post(`${url}/self-check`, {
      version: review.version,
      statement: '本支部对照“三标准三规范”逐项自查。',
      entries: [
        { indicator: 'ORG-04', note: '已补选支部书记' },
        { indicator: 'M1', note: '活动室已按“八有”布置' },
      ],
      attachments: [{ name: '活动室照片.jpg', note: '2026年4月拍摄', indicator: 'M1' }],
    });
    expect(submitted.statusCode).toBe(200);
    review = submitted.json();
    expect(review).toMatchObject({ stage: 'selfChecked', actions: [] });
    expect(review.entries.find((e: { indicator: string }) => e.indicator === 'ORG-04')).toMatchObject({
      note: '已补选支部书记',
      findings: [{ rule: 'ORG-04', message: { zh: 'now的问题' } }],
    });
    expect(review.attachments).toEqual([{ name: '活动室照片.jpg', note: '2026年4月拍摄', indicator: 'M1' }]);
    const again = await secretaryA1.post(`${url}/self-check`, { version: review.version, statement: '再次' });
    expect(again.statusCode).toBe(400);
    expect((await collegeA2.post(`${url}/first-check`, { version: review.version, decision: 'pass' })).statusCode).toBe(
      404,
    );
    expect((await orgAdminA.post(`${url}/first-check`, { version: review.version, decision: 'pass' })).statusCode).toBe(
      403,
    );
    const queue = (await collegeA1.get('/api/v1/acceptance/queue')).json().items;
    expect(queue.map((r: { id: string }) => r.id)).toEqual([review.id]);

    const noReason = await collegeA1.post(`${url}/first-check`, { version: review.version, decision: 'return' });
    expect(error(noReason).details.map((d) => d.field)).toEqual(['body.reason']);
    const returned = await collegeA1.post(`${url}/first-check`, {
      version: review.version,
      decision: 'return',
      reason: '活动室照片不清晰',
    });
    review = returned.json();
    expect(review).toMatchObject({ stage: 'returned' });
    expect((await secretaryA1.get(url)).json().actions).toEqual(['selfCheck']);

    review = (
      await secretaryA1.post(`${url}/self-check`, {
        version: review.version,
        statement: '已按初验意见补充材料。',
        entries: [{ indicator: 'M1', note: '补充了清晰照片' }],
        attachments: [{ name: '活动室照片（补）.jpg', indicator: 'M1' }],
      })
    ).json();
    review = (await collegeA1.post(`${url}/first-check`, { version: review.version, decision: 'pass' })).json();
    expect(review.stage).toBe('firstChecked');
    expect((await collegeA1.post(`${url}/recheck`, { version: review.version, decision: 'certify' })).statusCode).toBe(
      403,
    );
    expect((await orgAdminA.get('/api/v1/acceptance/queue')).json().items.map((r: { id: string }) => r.id)).toEqual([
      review.id,
    ]);
    review = (await orgAdminA.post(`${url}/recheck`, { version: review.version, decision: 'certify' })).json();
    expect(review.stage).toBe('certified');
    expect(
      review.steps.map((s: { step: string; actorRole: string; reason: string | null }) => [
        s.step,
        s.actorRole,
        s.reason,
      ]),
    ).toEqual([
      ['selfCheck', 'branchSecretary', null],
      ['return', 'collegeAdmin', '活动室照片不清晰'],
      ['selfCheck', 'branchSecretary', null],
      ['firstCheck', 'collegeAdmin', null],
      ['recheck', 'orgDepartmentAdmin', null],
    ]);
    expect(review.steps.every((s: { on: string }) => s.on === '2026-04-15')).toBe(true);
    // Five steps, and the return's rectification item (audited too).
    expect(await counts()).toEqual({ ...before, steps: before.steps + 5, audit: before.audit + 6 });
    expect(
      (await orgAdminA.post(`${url}/recheck`, { version: review.version, decision: 'return', reason: 'x' })).statusCode,
    ).toBe(400);
  });

  it('lets the university return a first-checked branch to a new self-check', async () => {
    let review = await reviewOf(secretaryA2, world.branchA2.id);
    const url = `/api/v1/acceptance/reviews/${review.id}`;
    review = (
      await secretaryA2.post(`${url}/self-check`, {
        version: review.version,
        statement: '学生支部自查',
        entries: [{ indicator: 'M1', note: '与教工支部共用活动室' }],
      })
    ).json();
    review = (await collegeA1.post(`${url}/first-check`, { version: review.version, decision: 'pass' })).json();
    const back = await orgAdminA.post(`${url}/recheck`, {
      version: review.version,
      decision: 'return',
      reason: '缺少台账',
    });
    expect(back.json()).toMatchObject({
      stage: 'returned',
      steps: [{}, {}, { step: 'return', actorRole: 'orgDepartmentAdmin' }],
    });
  });
});

describe('a branch directly under the university', () => {
  it('is first-checked by the organization department, since no college is above it', async () => {
    let review = await reviewOf(secretaryDirect, direct.id);
    const url = `/api/v1/acceptance/reviews/${review.id}`;
    review = (
      await secretaryDirect.post(`${url}/self-check`, {
        version: review.version,
        statement: '直属支部自查',
        entries: [{ indicator: 'M1', note: '达标' }],
      })
    ).json();
    expect(review.stage).toBe('selfChecked');
    expect((await collegeA1.post(`${url}/first-check`, { version: review.version, decision: 'pass' })).statusCode).toBe(
      404,
    );
    expect((await orgAdminA.get('/api/v1/acceptance/queue')).json().items.map((r: { id: string }) => r.id)).toContain(
      review.id,
    );
    expect((await orgAdminA.get(url)).json().actions).toEqual(['firstCheck', 'return']);
    review = (await orgAdminA.post(`${url}/first-check`, { version: review.version, decision: 'pass' })).json();
    review = (await orgAdminA.post(`${url}/recheck`, { version: review.version, decision: 'certify' })).json();
    expect(review.steps.map((s: { step: string; actorRole: string }) => [s.step, s.actorRole])).toEqual([
      ['selfCheck', 'branchSecretary'],
      ['firstCheck', 'orgDepartmentAdmin'],
      ['recheck', 'orgDepartmentAdmin'],
    ]);
  });
});

describe('progress and the certificate list', () => {
  it('counts reviews per stage per college', async () => {
    const res = (await orgAdminA.get(`/api/v1/acceptance/campaigns/${campaign.id}/progress`)).json();
    expect(res.items).toEqual([
      {
        collegeId: null,
        collegeName: '直属党支部',
        total: 1,
        counts: { pending: 0, selfChecked: 0, firstChecked: 0, certified: 1, returned: 0 },
      },
      {
        collegeId: world.collegeA1.id,
        collegeName: '机电工程学院党总支',
        total: 2,
        counts: { pending: 0, selfChecked: 0, firstChecked: 0, certified: 1, returned: 1 },
      },
      {
        collegeId: world.collegeA2.id,
        collegeName: '经济管理学院党总支',
        total: 1,
        counts: { pending: 1, selfChecked: 0, firstChecked: 0, certified: 0, returned: 0 },
      },
    ]);
    const ownOnly = (await collegeA2.get(`/api/v1/acceptance/campaigns/${campaign.id}/progress`)).json();
    expect(ownOnly.items.map((r: { collegeName: string }) => r.collegeName)).toEqual(['经济管理学院党总支']);
  });

  it('exports the progress per college with a total row, within the caller’s scope', async () => {
    const url = `/api/v1/acceptance/campaigns/${campaign.id}/progress/export.xlsx`;
    const file = await orgAdminA.get(url);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as never);
    const sheet = workbook.worksheets[0];
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      '院系',
      '支部数',
      '待自查',
      '已自查待初验',
      '已初验待复验',
      '已认定达标',
      '已退回待重新自查',
    ]);
    expect(values(3)).toEqual(['机电工程学院党总支', 2, 0, 0, 0, 1, 1]);
    expect(values(5)).toEqual(['合计', 4, 1, 0, 0, 2, 1]);
    const own = new ExcelJS.Workbook();
    await own.xlsx.load((await collegeA2.get(url)).rawPayload as never);
    expect(own.worksheets[0].rowCount).toBe(3);
    expect((await orgAdminB.get(url)).statusCode).toBe(404);
  });

  it('lists and exports the certified branches', async () => {
    const list = (await orgAdminA.get(`/api/v1/acceptance/campaigns/${campaign.id}/certificates`)).json();
    expect(list.items).toEqual([
      expect.objectContaining({ orgCode: 'b-direct', collegeName: null }),
      expect.objectContaining({
        orgCode: 'b-a1',
        orgName: '机电教工第一党支部',
        collegeName: '机电工程学院党总支',
        certifiedOn: '2026-04-15',
        certifiedBy: 'orgadmin-a',
      }),
    ]);
    const file = await orgAdminA.get(`/api/v1/acceptance/campaigns/${campaign.id}/certificates/export.xlsx`);
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('党支部');
    expect(sheet.getRow(3).getCell(2).value).toBe('机电教工第一党支部');
    expect(sheet.getRow(2).getCell(3).value).toBe('直属党支部');
    expect(sheet.rowCount).toBe(3);
  });

  it('closes the campaign at the version read; a closed campaign takes no step', async () => {
    const current = (await orgAdminA.get(`/api/v1/acceptance/campaigns/${campaign.id}`)).json();
    expect(
      (
        await collegeA1.put(`/api/v1/acceptance/campaigns/${campaign.id}`, {
          version: current.version,
          status: 'closed',
        })
      ).statusCode,
    ).toBe(403);
    const closed = await orgAdminA.put(`/api/v1/acceptance/campaigns/${campaign.id}`, {
      version: current.version,
      status: 'closed',
    });
    expect(closed.json()).toMatchObject({ status: 'closed', version: current.version + 1 });
    expect(
      (await orgAdminA.put(`/api/v1/acceptance/campaigns/${campaign.id}`, { version: current.version, status: 'open' }))
        .statusCode,
    ).toBe(409);
    const review = await reviewOf(secretaryA2, world.branchA2.id);
    expect(review.actions).toEqual([]);
    const late = await secretaryA2.post(`/api/v1/acceptance/reviews/${review.id}/self-check`, {
      version: review.version,
      statement: '补交',
      entries: [{ indicator: 'M1', note: '补交' }],
    });
    expect(late.statusCode).toBe(400);
    expect(error(late).message).toContain('ASSESS-06');
  });
});
