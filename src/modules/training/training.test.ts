/** The training endpoints: sessions, yearly hours, own hours, the online-study import. */
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, trainingCredits, trainingSessions } from '../../db/schema.ts';
import type { SessionView } from './schema.ts';
import { studyColumns } from './study-columns.ts';

let server: TestServer;
let world: World;
let secretaryA1: Client;
let secretaryA2: Client;
let orgAdminA: Client;
let orgAdminB: Client;
let memberA1: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-03-15T04:00:00Z'));
  world = await buildWorld(server.db);
  [secretaryA1, secretaryA2, orgAdminA, orgAdminB, memberA1] = await Promise.all(
    ['secretary-a1', 'secretary-a2', 'orgadmin-a', 'orgadmin-b', 'member-a1'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const counts = async () => ({
  sessions: (await server.db.select({ n: count() }).from(trainingSessions))[0].n,
  credits: (await server.db.select({ n: count() }).from(trainingCredits))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

const lecture = () => ({
  orgId: world.branchA1.id,
  kind: 'partySchool',
  title: '学习贯彻全会精神专题培训',
  startsOn: '2026-03-10',
  hours: 4,
  attendees: [world.memberA1.person.id, world.secretaryA1.person.id],
});

let session: SessionView;

describe('POST /training/sessions', () => {
  it('records a session, credits each attendee and audits it', async () => {
    const before = await counts();
    const res = await secretaryA1.post('/api/v1/training/sessions', lecture());
    expect(res.statusCode).toBe(200);
    session = res.json();
    expect(session).toMatchObject({ code: 'TS-2026-0001', hours: 4, attendeeCount: 2, endsOn: '2026-03-10' });
    expect(session.attendees.map((a) => a.code).sort()).toEqual(
      [world.memberA1.person.code, world.secretaryA1.person.code].sort(),
    );
    expect(await counts()).toEqual({
      sessions: before.sessions + 1,
      credits: before.credits + 2,
      audit: before.audit + 1,
    });
  });

  it('refuses negative hours and attendees outside the scope with a 400 naming the field, writing nothing', async () => {
    const before = await counts();
    const negative = await secretaryA1.post('/api/v1/training/sessions', { ...lecture(), hours: -2 });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().error.details)).toContain('hours');
    const stranger = await secretaryA1.post('/api/v1/training/sessions', {
      ...lecture(),
      attendees: [world.memberA2.person.id],
    });
    expect(stranger.statusCode).toBe(400);
    expect(fieldsOf(stranger)).toEqual(['attendees']);
    const future = await secretaryA1.post('/api/v1/training/sessions', { ...lecture(), startsOn: '2026-04-01' });
    expect(fieldsOf(future)).toEqual(['startsOn']);
    expect(await counts()).toEqual(before);
  });

  it('numbers the next session of the year after the highest one', async () => {
    const res = await secretaryA1.post('/api/v1/training/sessions', { ...lecture(), attendees: [] });
    expect(res.json().code).toBe('TS-2026-0002');
    // Leave the branch with one session for the tests below.
    await server.db.delete(trainingSessions).where(eq(trainingSessions.id, res.json().id));
  });

  it('is a 404 for an org outside the write scope', async () => {
    const res = await secretaryA2.post('/api/v1/training/sessions', lecture());
    expect(res.statusCode).toBe(404);
    expect((await orgAdminB.post('/api/v1/training/sessions', lecture())).statusCode).toBe(404);
  });
});

describe('GET /training/sessions', () => {
  it('lists the sessions in scope and hides them from another branch and university', async () => {
    expect((await secretaryA1.get('/api/v1/training/sessions?year=2026')).json().items).toHaveLength(1);
    expect((await secretaryA2.get('/api/v1/training/sessions?year=2026')).json().items).toHaveLength(0);
    expect((await orgAdminB.get('/api/v1/training/sessions')).json().items).toHaveLength(0);
    expect((await secretaryA2.get(`/api/v1/training/sessions/${session.id}`)).statusCode).toBe(404);
    expect((await orgAdminB.get(`/api/v1/training/sessions/${session.id}`)).statusCode).toBe(404);
    expect((await orgAdminA.get(`/api/v1/training/sessions/${session.id}`)).statusCode).toBe(200);
  });
});

describe('PUT /training/sessions/:id', () => {
  it('changes the hours of the session and of its credits; a stale version is a 409', async () => {
    const res = await secretaryA1.put(`/api/v1/training/sessions/${session.id}`, {
      version: session.version,
      hours: 6,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hours: 6, version: session.version + 1 });
    expect(res.json().attendees.map((a: { hours: number }) => a.hours)).toEqual([6, 6]);
    const staleRes = await secretaryA1.put(`/api/v1/training/sessions/${session.id}`, {
      version: session.version,
      hours: 8,
    });
    expect(staleRes.statusCode).toBe(409);
    const negative = await secretaryA1.put(`/api/v1/training/sessions/${session.id}`, {
      version: session.version + 1,
      hours: -1,
    });
    expect(negative.statusCode).toBe(400);
    expect(
      (await secretaryA2.put(`/api/v1/training/sessions/${session.id}`, { version: 2, hours: 1 })).statusCode,
    ).toBe(404);
  });
});

describe('GET /training/hours', () => {
  it('shows each member of the subtree against the requirement, who is behind, and exports it', async () => {
    const res = await secretaryA1.get(`/api/v1/training/hours?orgId=${world.branchA1.id}&year=2026`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const lina = body.items.find((r: { code: string }) => r.code === world.memberA1.person.code);
    // 15 March: 74 of 365 days gone, a steady pace would be ⌊32 × 74 / 365⌋ = 6 hours.
    expect(lina).toMatchObject({ hours: 6, required: 32, expectedByNow: 6, behind: false });
    expect(body.total).toBe(body.items.length);
    const exported = await secretaryA1.get(`/api/v1/training/hours/export.xlsx?orgId=${world.branchA1.id}&year=2026`);
    expect(exported.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as never);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('人员编号');
    expect(workbook.worksheets[0].rowCount).toBe(body.items.length + 1);
  });

  it("lists a person's credits for the branch, and refuses a year out of range", async () => {
    const res = await secretaryA1.get(`/api/v1/training/people/${world.memberA1.person.id}/credits?year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ on: '2026-03-10', kind: 'partySchool', hours: 6, source: 'session' }),
    ]);
    const bad = await secretaryA1.get(`/api/v1/training/people/${world.memberA1.person.id}/credits?year=1800`);
    expect(bad.statusCode).toBe(400);
  });

  it('is a 404 for another branch or university', async () => {
    expect((await secretaryA2.get(`/api/v1/training/hours?orgId=${world.branchA1.id}`)).statusCode).toBe(404);
    expect((await orgAdminB.get(`/api/v1/training/hours?orgId=${world.branchA1.id}`)).statusCode).toBe(404);
    expect((await secretaryA2.get(`/api/v1/training/people/${world.memberA1.person.id}/credits`)).statusCode).toBe(404);
  });
});

describe('GET /training/my-hours', () => {
  it('gives a member their own hours and credits', async () => {
    const res = await memberA1.get('/api/v1/training/my-hours?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ hours: 6, required: 32 });
    expect(res.json().credits.map((c: { title: string }) => c.title)).toEqual(['学习贯彻全会精神专题培训']);
  });
});

describe('POST /training/import', () => {
  type Cells = Partial<Record<string, string | number>>;
  async function studyFile(rows: Cells[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('学习学时');
    const headers = studyColumns.map((c) => c.header);
    ws.addRow(headers);
    for (const row of rows) ws.addRow(headers.map((h) => row[h.split(/[（(]/)[0]] ?? null));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  function upload(client: Client, file: Buffer, query = '') {
    const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="study.xlsx"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    );
    return client.request({
      method: 'POST',
      url: `/api/v1/training/import${query}`,
      payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }
  const good = (): Cells => ({
    人员编号: world.memberA1.person.code,
    学习日期: '2026-02-01',
    学时: 2.5,
    学习内容: '网上党校专题',
  });

  it('serves the template', async () => {
    const res = await secretaryA1.get('/api/v1/training/import-template.xlsx');
    expect(res.statusCode).toBe(200);
  });

  it('reports every bad row and imports nothing', async () => {
    const before = await counts();
    const res = await upload(
      secretaryA1,
      await studyFile([
        good(),
        { ...good(), 学时: -3 },
        { ...good(), 人员编号: 'NOPE' },
        { ...good(), 学习日期: '2026-02-30' },
        { ...good(), 人员编号: world.memberA2.person.code },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { row: 3, column: '学时', reason: '学时须大于0 / hours must be more than zero' },
      { row: 4, column: '人员编号', reason: '人员编号 NOPE 不存在或不在您的管理范围内 / unknown person code NOPE' },
      { row: 5, column: '学习日期', reason: '日期格式应为 YYYY-MM-DD / expected YYYY-MM-DD' },
      expect.objectContaining({ row: 6, column: '人员编号' }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports good rows (a dry run writes nothing) and the hours update', async () => {
    const before = await counts();
    const file = await studyFile([good(), { ...good(), 学时: 1, 类别: '其他' }]);
    const dry = await upload(secretaryA1, file, '?dryRun=1');
    expect(dry.json()).toEqual({ credits: 2, people: 1, hours: 3.5, dryRun: true });
    expect(await counts()).toEqual(before);
    const res = await upload(secretaryA1, file);
    expect(res.statusCode).toBe(200);
    expect(await counts()).toEqual({ ...before, credits: before.credits + 2, audit: before.audit + 1 });
    const mine = await memberA1.get('/api/v1/training/my-hours?year=2026');
    expect(mine.json().summary.hours).toBe(9.5);
    const imported = await server.db.select().from(trainingCredits).where(eq(trainingCredits.source, 'import'));
    expect(imported.map((c) => c.kind).sort()).toEqual(['online', 'other']);
  });
});
