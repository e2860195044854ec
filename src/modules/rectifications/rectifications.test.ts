import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, findings, rectifications } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let orgAdmin: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretary: Client;
let secretaryA2: Client;
let otherUniversity: Client;

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [orgAdmin, collegeA1, collegeA2, secretary, secretaryA2, otherUniversity] = await Promise.all(
    ['orgadmin-a', 'college-a1', 'college-a2', 'secretary-a1', 'secretary-a2', 'orgadmin-b'].map((u) =>
      server.signIn(u),
    ),
  );
  server.setNow(new Date('2026-03-10T04:00:00Z'));
});
afterAll(() => server.close());

const rows = () => server.db.select().from(rectifications);
const manual = () => ({
  orgId: world.branchA1.id,
  problem: '“三会一课”记录不完整，缺少签到',
  ownerId: world.secretaryA1.person.id,
  measures: '统一使用会议记录本，每次会议签到并拍照留存',
  deadline: '2026-05-31',
});

async function finding() {
  const [row] = await server.db
    .insert(findings)
    .values({
      tenantId: world.uniA.tenantId,
      key: `LIFE-01|${world.branchA1.id}|-|2025-Q4`,
      rule: 'LIFE-01',
      family: 'LIFE',
      severity: 'breach',
      orgId: world.branchA1.id,
      orgPath: world.branchA1.path,
      period: '2025-Q4',
      messageZh: '2025年第4季度未召开支部党员大会（要求每季度至少1次）',
      messageEn: 'no general assembly in Q4 2025 (at least 1 a quarter)',
      source: '003 制度机制2',
    })
    .returning();
  return row;
}

describe('creating rectification items', () => {
  it('opens an item by hand with the owner’s name taken from the person, audited', async () => {
    const res = await secretary.post('/api/v1/rectifications', manual());
    expect(res.statusCode).toBe(200);
    const item = res.json();
    expect(item).toMatchObject({
      org: { code: 'b-a1' },
      source: 'manual',
      sourceId: null,
      year: 2026,
      ownerName: '王强',
      status: 'open',
      overdue: false,
      mayEdit: true,
      mayVerify: false,
      version: 1,
    });
    expect(item.history.map((h: { action: string }) => h.action)).toEqual(['create']);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, item.id));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('pre-fills org, problem and year from a finding and refuses a second open item for it', async () => {
    const f = await finding();
    const body = { findingId: f.id, ownerName: '王强', measures: '每季度第一个月召开党员大会', deadline: '2026-04-30' };
    const res = await secretary.post('/api/v1/rectifications', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      org: { id: world.branchA1.id },
      source: 'finding',
      sourceId: f.id,
      year: 2025,
      problem: '2025年第4季度未召开支部党员大会（要求每季度至少1次）',
    });
    const again = await secretary.post('/api/v1/rectifications', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ id: res.json().id });
    // Out of scope: the finding is not there for them.
    expect((await secretaryA2.post('/api/v1/rectifications', body)).statusCode).toBe(404);
    expect((await otherUniversity.post('/api/v1/rectifications', body)).statusCode).toBe(404);
  });

  it('names the missing fields and writes nothing', async () => {
    const before = (await rows()).length;
    const { measures: _m, ...noMeasures } = manual();
    const res = await secretary.post('/api/v1/rectifications', noMeasures);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.measures']);
    const { orgId: _o, ownerId: _p, ...noOrg } = manual();
    const res2 = await secretary.post('/api/v1/rectifications', noOrg);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.orgId', 'body.ownerName']);
    const res3 = await secretary.post('/api/v1/rectifications', { ...manual(), deadline: '2026-02-30' });
    expect(res3.statusCode).toBe(400);
    expect((await rows()).length).toBe(before);
  });

  it('is 404 outside the scope and 403 for a viewer in scope without write access', async () => {
    const before = (await rows()).length;
    expect((await secretaryA2.post('/api/v1/rectifications', manual())).statusCode).toBe(404);
    expect((await collegeA2.post('/api/v1/rectifications', manual())).statusCode).toBe(404);
    expect((await otherUniversity.post('/api/v1/rectifications', manual())).statusCode).toBe(404);
    const oversight = await server.signIn('oversight');
    expect((await oversight.post('/api/v1/rectifications', manual())).statusCode).toBe(403);
    expect((await rows()).length).toBe(before);
  });
});

describe('done with evidence, then the superior verifies', () => {
  it('walks open → done → sent back → done → verified, each step by its role', async () => {
    const created = (
      await secretary.post('/api/v1/rectifications', { ...manual(), problem: '支部活动阵地未挂牌' })
    ).json();
    const url = `/api/v1/rectifications/${created.id}`;

    // Closing without evidence: 400 naming evidence, nothing written.
    const noEvidence = await secretary.post(`${url}/done`, { version: 1 });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.details.map((d: { field: string }) => d.field)).toEqual(['body.evidence']);
    const blank = await secretary.post(`${url}/done`, { evidence: '   ', version: 1 });
    expect(blank.statusCode).toBe(400);
    const [unchanged] = await server.db.select().from(rectifications).where(eq(rectifications.id, created.id));
    expect(unchanged).toMatchObject({ status: 'open', evidence: null, version: 1 });

    // Nobody verifies what has no evidence yet.
    expect((await collegeA1.post(`${url}/verify`, { decision: 'accept', version: 1 })).statusCode).toBe(400);

    const done = await secretary.post(`${url}/done`, { evidence: '已制作支部牌匾并悬挂，附照片', version: 1 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-03-10', version: 2 });

    // The branch cannot verify its own item; another college does not see it.
    expect((await secretary.post(`${url}/verify`, { decision: 'accept', version: 2 })).statusCode).toBe(403);
    expect((await collegeA2.post(`${url}/verify`, { decision: 'accept', version: 2 })).statusCode).toBe(404);
    expect((await otherUniversity.post(`${url}/verify`, { decision: 'accept', version: 2 })).statusCode).toBe(404);

    const noNote = await collegeA1.post(`${url}/verify`, { decision: 'return', version: 2 });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details[0].field).toBe('body.note');
    const returned = await collegeA1.post(`${url}/verify`, { decision: 'return', note: '照片不清晰', version: 2 });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'open', verificationNote: '照片不清晰', version: 3 });

    await secretary.post(`${url}/done`, { evidence: '重新拍摄的牌匾照片', version: 3 });
    expect((await collegeA1.post(`${url}/verify`, { decision: 'accept', version: 3 })).statusCode).toBe(409);
    const verified = await collegeA1.post(`${url}/verify`, { decision: 'accept', note: '符合要求', version: 4 });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({
      status: 'verified',
      verifiedOn: '2026-03-10',
      verifiedByName: 'college-a1',
      evidence: '重新拍摄的牌匾照片',
      version: 5,
    });

    const detail = (await secretary.get(url)).json();
    expect(detail.history.map((h: { action: string; status: string }) => `${h.action}:${h.status}`)).toEqual([
      'create:open',
      'done:done',
      'return:open',
      'done:done',
      'verify:verified',
    ]);
    expect(detail.history[2]).toMatchObject({ actorName: 'college-a1', note: '照片不清晰' });
    expect((await secretaryA2.get(url)).statusCode).toBe(404);

    // A verified item is closed: no more changes.
    const change = await secretary.put(url, { measures: '另行整改', version: 5 });
    expect(change.statusCode).toBe(400);
  });

  it('changes an open item with its version and refuses a stale one', async () => {
    const created = (
      await secretary.post('/api/v1/rectifications', { ...manual(), problem: '党员学习台账缺失' })
    ).json();
    const url = `/api/v1/rectifications/${created.id}`;
    const changed = await secretary.put(url, { deadline: '2026-06-30', ownerName: '李娜', version: 1 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ deadline: '2026-06-30', ownerName: '李娜', ownerId: null, version: 2 });
    expect((await secretary.put(url, { deadline: '2026-07-31', version: 1 })).statusCode).toBe(409);
    expect((await secretaryA2.put(url, { deadline: '2026-07-31', version: 2 })).statusCode).toBe(404);
  });
});

describe('lists and export', () => {
  it('filters by subtree, status, source and overdue, and exports the list', async () => {
    const overdue = (
      await collegeA1.post('/api/v1/rectifications', {
        ...manual(),
        problem: '组织生活会整改未公示',
        ownerName: '王强',
        ownerId: undefined,
        deadline: '2026-02-28',
      })
    ).json();
    await orgAdmin.post('/api/v1/rectifications', {
      orgId: world.branchA3.id,
      problem: '党员发展材料不齐全',
      ownerName: '陈静',
      measures: '逐份核对并补齐',
      deadline: '2026-06-30',
    });
    const ids = async (client: Client, query: string) =>
      (await client.get(`/api/v1/rectifications${query}`)).json().items.map((i: { problem: string }) => i.problem);

    expect(await ids(secretary, '?overdue=true')).toEqual(['组织生活会整改未公示']);
    expect(await ids(orgAdmin, `?org=${world.collegeA2.id}`)).toEqual(['党员发展材料不齐全']);
    expect(await ids(collegeA2, '')).toEqual(['党员发展材料不齐全']);
    expect(await ids(secretaryA2, '')).toEqual([]);
    expect(await ids(otherUniversity, '')).toEqual([]);
    expect(await ids(secretary, '?status=verified')).toEqual(['支部活动阵地未挂牌']);
    expect(await ids(secretary, '?source=finding')).toEqual(['2025年第4季度未召开支部党员大会（要求每季度至少1次）']);
    expect(await ids(secretary, '?year=2025')).toEqual(['2025年第4季度未召开支部党员大会（要求每季度至少1次）']);
    expect((await secretary.get('/api/v1/rectifications?status=closed')).statusCode).toBe(400);

    const item = (await secretary.get(`/api/v1/rectifications/${overdue.id}`)).json();
    expect(item).toMatchObject({ overdue: true, mayEdit: true, mayVerify: false });
    expect((await collegeA1.get(`/api/v1/rectifications/${overdue.id}`)).json().mayVerify).toBe(true);

    const res = await secretary.get('/api/v1/rectifications/export.xlsx?overdue=true');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('整改清单');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(5).value).toBe('组织生活会整改未公示');
    expect(sheet.getRow(2).getCell(10).value).toBe('是');
  });
});
