/** The Excel imports of income bases and payments: templates, dry run, row errors, all or nothing, scope. */

import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, duesBases, duesPayments } from '../../db/schema.ts';
import { parseMonth, parseYuan } from './import-sheet.ts';

let server: TestServer;
let world: World;
let secretary: Client;
let orgAdminB: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2025-04-15T04:00:00Z'));
  world = await buildWorld(server.db);
  secretary = await server.signIn('secretary-a1');
  orgAdminB = await server.signIn('orgadmin-b');
});
afterAll(() => server.close());

async function workbook(headers: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('sheet');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(client: Client, kind: 'bases' | 'payments', file: Buffer, query = '') {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dues.xlsx"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request({
    method: 'POST',
    url: `/api/v1/dues/${kind}/import${query}`,
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const baseHeaders = ['编号', '姓名', '类别(在职/离退休/学生/困难)', '税后月收入(元)', '起始月份', '核定日期'];
const paymentHeaders = ['编号', '姓名', '月份', '金额(元)', '交纳日期', '方式(现金/转账/线上/工资代扣)'];

describe('cell parsing', () => {
  it('reads amounts to the fen and months as people write them', () => {
    expect([parseYuan('97.5'), parseYuan('1,234.05'), parseYuan('0'), parseYuan('-1'), parseYuan('1.005')]).toEqual([
      9750,
      123405,
      0,
      null,
      null,
    ]);
    expect([parseMonth('2025-3'), parseMonth('2025年3月'), parseMonth('2025/03/01'), parseMonth('2025-13')]).toEqual([
      '2025-03',
      '2025-03',
      '2025-03',
      null,
    ]);
  });
});

describe('income base import', () => {
  it('offers a template pre-filled with the members the user may write', async () => {
    const res = await secretary.get('/api/v1/dues/bases/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(3).value).toBe('类别(在职/离退休/学生/困难)');
    expect([2, 3, 4].map((r) => ws.getRow(r).getCell(1).value)).toEqual(['A0001', 'A0002', null]);
  });

  it('reports every bad row and writes nothing, then imports the corrected file', async () => {
    const bad = await workbook(baseHeaders, [
      ['A0001', '李娜', '在职', '6500.00', '2025-01', ''],
      ['A0002', '王强', '在职', '-5', '2025-01', ''], // negative
      ['A0003', '刘洋', '学生', '', '2025-01', ''], // another branch
      ['A0001', '李娜', '在职', '6600', '2025-01', ''], // repeats row 2
      ['A0002', '王强', '退伍', '3000', '', ''], // no effective month, unknown category
    ]);
    const res = await upload(secretary, 'bases', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { row: 3, column: '税后月收入', reason: expect.stringContaining('不小于0') },
      { row: 4, column: '编号', reason: expect.stringContaining('不在您的管理范围内') },
      { row: 5, column: '起始月份', reason: expect.stringContaining('与第2行重复') },
      { row: 6, column: '类别', reason: expect.stringContaining('unknown category') },
      { row: 6, column: '起始月份', reason: '必填 / required' },
    ]);
    const ids = [world.memberA1.person.id, world.secretaryA1.person.id];
    expect(await server.db.select().from(duesBases).where(inArray(duesBases.personId, ids))).toEqual([]);

    const good = await workbook(baseHeaders, [
      ['A0001', '李娜', '在职', '6500.00', '2025-01', '2025-01-08'],
      ['A0002', '王强', '离退休', '5000', '2025/1', ''],
    ]);
    const dry = await upload(secretary, 'bases', good, '?dryRun=1');
    expect(dry.json()).toEqual({ rows: 2, dryRun: true });
    expect(await server.db.select().from(duesBases).where(inArray(duesBases.personId, ids))).toEqual([]);
    const done = await upload(secretary, 'bases', good);
    expect(done.json()).toEqual({ rows: 2, dryRun: false });
    const rows = await server.db.select().from(duesBases).where(inArray(duesBases.personId, ids));
    expect(rows.map((r) => [r.category, r.base, r.verifiedOn]).sort()).toEqual([
      ['retired', 500000, '2025-04-15'],
      ['staff', 650000, '2025-01-08'],
    ]);
    const trail = await server.db.select().from(auditLog).where(eq(auditLog.entity, 'duesBase'));
    expect(trail).toHaveLength(2);

    // The same file again: both months are taken now.
    const again = await upload(secretary, 'bases', good);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.map((d: { row: number }) => d.row)).toEqual([2, 3]);
  });
});

describe('payment import', () => {
  it('imports a month of payments all or nothing, with a month before admission refused', async () => {
    const bad = await workbook(paymentHeaders, [
      ['A0001', '李娜', '2025-03', '97.50', '2025-03-12', '转账'],
      ['A0002', '王强', '2010-05', '25', '2010-05-10', '现金'], // before admission (2010-06)
      ['A0002', '张三', '2025-03', '25', '2025-03-12', '支票'], // wrong name, unknown method
    ]);
    const res = await upload(secretary, 'payments', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { row: number; column: string }) => `${d.row} ${d.column}`)).toEqual([
      '3 月份',
      '4 姓名',
      '4 方式',
    ]);
    expect(await server.db.select().from(duesPayments)).toEqual([]);

    const good = await workbook(paymentHeaders, [
      ['A0001', '李娜', '2025-03', '97.50', '2025-03-12', '转账'],
      ['A0002', '王强', '2025-03', 25, '2025-03-12', ''],
    ]);
    expect((await upload(secretary, 'payments', good)).json()).toEqual({ rows: 2, dryRun: false });
    const sheet = (await secretary.get(`/api/v1/dues/sheet?orgId=${world.branchA1.id}&month=2025-03`)).json();
    expect(sheet.totals).toMatchObject({ due: 9750 + 2500, paid: 9750 + 2500, rate: 1, settledMembers: 2 });
  });

  it('another university cannot import for these members', async () => {
    const file = await workbook(paymentHeaders, [['A0001', '李娜', '2025-02', '97.50', '2025-02-12', '转账']]);
    const res = await upload(orgAdminB, 'payments', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ row: 2, column: '编号' });
    expect(await server.db.select().from(duesPayments).where(eq(duesPayments.month, '2025-02'))).toEqual([]);
  });
});
