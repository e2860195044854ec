/** The activist-list import (row errors, DEV-01/DEV-03, dry run, all or nothing) and the roster export. */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, devCases, devEvents } from '../../db/schema.ts';
import { birthDateOfIdNumber } from './id-card.ts';

let server: TestServer;
let world: World;
let collegeA1: Client;
let collegeA2: Client;

/** A valid 18-digit ID number for a birth date (check digit per GB 11643). */
function idNumberFor(birthDate: string, serial = '123') {
  const body = `110101${birthDate.replaceAll('-', '')}${serial}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-03-15T04:00:00Z'));
  world = await buildWorld(server.db);
  collegeA1 = await server.signIn('college-a1');
  collegeA2 = await server.signIn('college-a2');
  const tenantId = world.uniA.tenantId;
  await buildPerson(server.db, {
    tenantId,
    code: 'S1001',
    name: '学生甲',
    personCategory: 'student',
    birthDate: '2005-01-01',
  });
  await buildPerson(server.db, {
    tenantId,
    code: 'S1002',
    name: '学生乙',
    personCategory: 'student',
    birthDate: '2008-05-01',
  });
  await buildPerson(server.db, { tenantId, code: 'T8001', name: '青年教师丁', birthDate: '1995-06-15' });
});
afterAll(() => server.close());

const headers = [
  '编号(工号/学号)',
  '姓名',
  '身份证号',
  '支部编号',
  '申请入党日期',
  '确定积极分子日期',
  '培养联系人编号',
];

async function workbook(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(client: Client, file: Buffer, query = '') {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="activists.xlsx"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request({
    method: 'POST',
    url: `/api/v1/development/activists/import${query}`,
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('ID numbers', () => {
  it('read the birth date only from a number whose check digit is right', () => {
    const good = idNumberFor('1995-06-15');
    expect(birthDateOfIdNumber(good)).toBe('1995-06-15');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(birthDateOfIdNumber(wrongCheck)).toBeNull();
    expect(birthDateOfIdNumber('110101950615123')).toBe('1995-06-15');
    expect(birthDateOfIdNumber('12345')).toBeNull();
  });
});

describe('activist list import', () => {
  it('offers a template with every column and an explanation sheet', async () => {
    const res = await collegeA1.get('/api/v1/development/activists/template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['入党积极分子名单', '填写说明']);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, ...headers]);
  });

  it('reports every bad row — unknown people, DEV-01, DEV-03, scope — and writes nothing', async () => {
    const file = await workbook([
      ['S1001', '学生甲', '', 'b-a2', '2025-09-10', '2026-01-10', 'A0001'],
      ['S1002', '学生乙', '', 'b-a2', '2025-10-01', '2026-01-10', 'A0001'],
      ['', '青年教师丁', idNumberFor('1995-06-15'), 'b-a1', '2025-03-01', '2025-09-01', 'A0001、A0003'],
      ['X9999', '无名氏', '', 'b-a1', '2025-03-01', '2025-09-01', 'A0001'],
      ['S1001', '学生甲', '', 'b-a3', '2025-09-10', '2025-08-01', ''],
      ['', '查无此人', idNumberFor('1990-01-01'), 'b-a1', '2025-03-01', '2025-09-01', 'A0001,A0002,A0004'],
    ]);
    const res = await upload(collegeA1, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      {
        row: 3,
        column: '申请入党日期',
        reason:
          'DEV-01：申请入党时未满18周岁（2008-05-01出生，2025-10-01申请时17周岁，2026-05-01年满18周岁） / under 18 on the application date: born 2008-05-01, aged 17 on 2025-10-01 (turns 18 on 2026-05-01)',
      },
      {
        row: 4,
        column: '培养联系人编号',
        reason:
          'DEV-03：培养联系人刘洋（A0003）在2025-09-01不是正式党员（当日为预备党员） / mentor 刘洋（A0003） was not a full member on 2025-09-01 (a probationary member that day)',
      },
      {
        row: 5,
        column: '编号',
        reason: '编号不存在，请先在人员名册中登记此人 / unknown person; add them to the roster first',
      },
      { row: 6, column: '姓名', reason: '与第2行是同一人 / same person as row 2' },
      { row: 6, column: '支部编号', reason: '不在您的管理范围内 / outside your scope' },
      { row: 6, column: '确定积极分子日期', reason: '早于申请入党日期 / before the application' },
      {
        row: 6,
        column: '培养联系人编号',
        reason:
          'DEV-03：应指定1至2名正式党员作培养联系人，登记了0名 / an activist has one or two mentors who are full members; 0 named',
      },
      {
        row: 7,
        column: '身份证号',
        reason: '名册中没有此姓名和出生日期的人员 / no person with this name and birth date',
      },
      {
        row: 7,
        column: '培养联系人编号',
        reason:
          'DEV-03：应指定1至2名正式党员作培养联系人，登记了3名 / an activist has one or two mentors who are full members; 3 named',
      },
    ]);
    expect(await server.db.select().from(devCases)).toEqual([]);
  });

  it('checks without writing on a dry run, then opens each case with its application and activist steps', async () => {
    const file = await workbook([
      ['S1001', '学生甲', '', 'b-a2', '2025-09-10', '2026-01-10', 'A0001'],
      ['', '青年教师丁', idNumberFor('1995-06-15'), 'b-a1', '2025-03-01', '2025-09-01', 'A0001、A0002'],
    ]);
    const dry = await upload(collegeA1, file, '?dryRun=1');
    expect(dry.json()).toEqual({ rows: 2, dryRun: true });
    expect(await server.db.select().from(devCases)).toEqual([]);

    const done = await upload(collegeA1, file);
    expect(done.json()).toEqual({ rows: 2, dryRun: false });
    const cases = await server.db.select().from(devCases);
    expect(cases.map((c) => c.stage)).toEqual(['activist', 'activist']);
    const teacherCase = cases.find((c) => c.orgId === world.branchA1.id);
    const events = await server.db
      .select({ step: devEvents.step, on: devEvents.on, data: devEvents.data })
      .from(devEvents)
      .where(eq(devEvents.caseId, teacherCase?.id ?? ''));
    expect(events.sort((a, b) => a.on.localeCompare(b.on))).toEqual([
      { step: 'application', on: '2025-03-01', data: {} },
      {
        step: 'activist',
        on: '2025-09-01',
        data: { mentors: [world.memberA1.person.id, world.secretaryA1.person.id] },
      },
    ]);
    const trail = await server.db.select().from(auditLog).where(eq(auditLog.entity, 'devCase'));
    expect(trail.map((t) => t.action)).toEqual(['import', 'import']);

    const again = await upload(collegeA1, file);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.map((d: { row: number; reason: string }) => `${d.row} ${d.reason}`)).toEqual([
      '2 此人已有发展档案 / already has a development case',
      '3 此人已有发展档案 / already has a development case',
    ]);
  });
});

describe('roster of activists and candidates', () => {
  it('exports the college’s activists with dates, mentors and what is due next; other colleges see none', async () => {
    const res = await collegeA1.get(`/api/v1/development/roster.xlsx?orgId=${world.collegeA1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('机电工程学院党总支'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    const rows = [2, 3].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [
        'T8001',
        '青年教师丁',
        '男',
        '1995-06-15',
        '教职工',
        '机电教工第一党支部',
        '入党积极分子',
        '2025-03-01',
        '2025-09-01',
        undefined,
        '李娜、王强',
        undefined,
        '入党申请人谈话',
        '2025-03-31',
        '已逾期',
      ],
      [
        'S1001',
        '学生甲',
        '男',
        '2005-01-01',
        '学生',
        '机电学生第一党支部',
        '入党积极分子',
        '2025-09-10',
        '2026-01-10',
        undefined,
        '李娜',
        undefined,
        '入党申请人谈话',
        '2025-10-10',
        '已逾期',
      ],
    ]);
    expect((await collegeA2.get('/api/v1/development/roster')).json().items).toEqual([]);
    expect((await collegeA2.get(`/api/v1/development/roster?orgId=${world.collegeA1.id}`)).statusCode).toBe(404);
  });
});
