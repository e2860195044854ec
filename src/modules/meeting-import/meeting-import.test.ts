import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { attendance, auditLog, meetings, memberships } from '../../db/schema.ts';
import { meetingColumns } from './columns.ts';

let server: TestServer;
let world: World;
let secretaryA1: Client;
let secretaryA2: Client;
let collegeA2: Client;
let orgAdminB: Client;

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [secretaryA1, secretaryA2, collegeA2, orgAdminB] = await Promise.all(
    ['secretary-a1', 'secretary-a2', 'college-a2', 'orgadmin-b'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

type Cells = Partial<Record<string, string>>;

async function meetingFile(rows: Cells[], headers = meetingColumns.map((c) => c.header)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('会议记录');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(headers.map((h) => row[h.split(/[（(]/)[0]] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(client: Client, file: Buffer, query = '') {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="meetings.xlsx"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request({
    method: 'POST',
    url: `/api/v1/meetings/import${query}`,
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const counts = async () => ({
  meetings: (await server.db.select({ n: count() }).from(meetings))[0].n,
  attendance: (await server.db.select({ n: count() }).from(attendance))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});

const assembly = (extra: Cells = {}): Cells => ({
  支部编码: 'b-a1',
  会议类型: '支部党员大会',
  日期: '2025-03-12',
  开始时间: '14:30',
  结束时间: '16:30',
  地点: '行政楼301党员活动室',
  主题: '学习贯彻全国两会精神',
  '主讲人/主持人编号': 'A0002',
  缺席人员编号: 'A0001',
  有无记录: '是',
  ...extra,
});

describe('GET /meetings/import-template.xlsx', () => {
  it('gives the columns, an explanation sheet and the codes the user may import into', async () => {
    const res = await secretaryA1.get('/api/v1/meetings/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const [sheet, help, codes] = workbook.worksheets;
    expect(sheet.name).toBe('会议记录');
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(meetingColumns.map((c) => c.header));
    expect(help.name).toBe('填写说明');
    expect(help.getColumn(1).values).toContain('缺席人员编号');
    const listed = (codes.getColumn(2).values as string[]).slice(2);
    expect(listed).toEqual(['b-a1', 'g-a1']);
  });
});

describe('POST /meetings/import', () => {
  it('imports good rows as recorded meetings: absentees and leave as listed, everyone else present, audited', async () => {
    await server.db
      .update(memberships)
      .set({ groupId: world.groupA1.id })
      .where(eq(memberships.personId, world.memberA1.person.id));
    const before = await counts();
    const file = await meetingFile([
      assembly({ 会议编号: 'm-imp-1' }),
      {
        支部编码: 'g-a1',
        会议类型: '党小组会',
        日期: '2025/4/2',
        主题: '交流学习体会',
        请假人员编号: 'A0001',
        有无记录: '否',
      },
    ]);
    const res = await upload(secretaryA1, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ meetings: 2, attendance: 3, absent: 1, leave: 1, dryRun: false });
    const [m] = await server.db.select().from(meetings).where(eq(meetings.code, 'm-imp-1'));
    expect(m).toMatchObject({
      orgId: world.branchA1.id,
      type: 'generalAssembly',
      heldOn: '2025-03-12',
      startTime: '14:30',
      endTime: '16:30',
      status: 'recorded',
      audience: 'branch',
      minutes: true,
      lecturerId: world.secretaryA1.person.id,
    });
    const rows = await server.db.select().from(attendance).where(eq(attendance.meetingId, m.id));
    expect(rows.map((r) => [r.personId, r.status]).sort()).toEqual(
      [
        [world.memberA1.person.id, 'absent'],
        [world.secretaryA1.person.id, 'present'],
      ].sort(),
    );
    const [group] = await server.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.orgId, world.groupA1.id), eq(meetings.heldOn, '2025-04-02')));
    expect(group).toMatchObject({ type: 'groupMeeting', audience: 'group', minutes: false });
    expect(group.code).toMatch(/^m-2025-\d{6}$/);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.action, 'import'));
    expect(audit.filter((a) => a.entity === 'meeting').map((a) => a.entityId)).toEqual(
      expect.arrayContaining([m.id, group.id]),
    );
    expect(audit.filter((a) => a.entity === 'meetingImport')).toHaveLength(1);
    expect((await counts()).audit).toBe(before.audit + 3);
  });

  it('reports a bad row by row and column, bilingually, and writes nothing', async () => {
    const before = await counts();
    const file = await meetingFile([
      assembly({ 日期: '2025-05-14' }),
      assembly({ 日期: '2025-06-11', 会议类型: '茶话会' }),
      assembly({ 日期: '2025-06-31', 缺席人员编号: 'A0003' }),
      assembly({ 日期: '2025-07-09', 开始时间: '16:00', 结束时间: '15:00', 缺席人员编号: 'A0003' }),
    ]);
    const res = await upload(secretaryA1, file);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details;
    expect(details).toEqual([
      { row: 3, column: '会议类型', reason: expect.stringContaining('must be one of') },
      { row: 4, column: '日期', reason: expect.stringContaining('YYYY-MM-DD') },
      { row: 5, column: '结束时间', reason: expect.stringMatching(/须晚于.*after/) },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses absentees who were not expected at the org that day, and writes nothing', async () => {
    const before = await counts();
    // A0003 is a member of another branch: known, but not expected at b-a1.
    const res = await upload(secretaryA1, await meetingFile([assembly({ 日期: '2025-08-13', 缺席人员编号: 'A0003' })]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { row: 2, column: '缺席人员编号', reason: expect.stringContaining('not expected at this org on 2025-08-13') },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('checks without writing on a dry run', async () => {
    const before = await counts();
    const res = await upload(secretaryA1, await meetingFile([assembly({ 日期: '2025-09-10' })]), '?dryRun=1');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ meetings: 1, attendance: 2, absent: 1, leave: 0, dryRun: true });
    expect(await counts()).toEqual(before);
  });

  it('reports org codes outside the write scope as unknown (another branch, college, university)', async () => {
    const before = await counts();
    const file = await meetingFile([assembly({ 日期: '2025-10-15' })]);
    for (const client of [secretaryA2, collegeA2, orgAdminB]) {
      const res = await upload(client, file);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([
        expect.objectContaining({
          row: 2,
          column: '支部编码',
          reason: expect.stringContaining('unknown org code b-a1'),
        }),
        ...(client === orgAdminB ? [expect.anything(), expect.anything()] : []),
      ]);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses future dates, taken codes, unknown people and a non-xlsx upload', async () => {
    const before = await counts();
    const res = await upload(
      secretaryA1,
      await meetingFile([
        assembly({ 会议编号: 'm-imp-1', 日期: '2025-11-12' }),
        assembly({ 日期: '2099-01-01' }),
        assembly({ 日期: '2025-12-10', '主讲人/主持人编号': 'Z9999', 缺席人员编号: '', 请假人员编号: 'A0001,Z9998' }),
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { row: number; column: string }) => [d.row, d.column])).toEqual([
      [2, '会议编号'],
      [3, '日期'],
      [4, '主讲人/主持人编号'],
      [4, '请假人员编号'],
    ]);
    const notExcel = await upload(secretaryA1, Buffer.from('not a workbook'));
    expect(notExcel.statusCode).toBe(400);
    expect(notExcel.json().error.details[0].column).toBe('文件');
    expect(await counts()).toEqual(before);
  });
});
