import { and, count, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, memberships, people } from '../../db/schema.ts';
import type { Actor } from '../../server/scope.ts';
import { rosterColumns } from './columns.ts';
import { importRoster, parseRosterWorkbook } from './import-roster.ts';

let server: TestServer;
let world: World;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA2: Client;
let orgAdminA: Client;
let orgAdminB: Client;
let platform: Client;

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [collegeA1, collegeA2, secretaryA2, orgAdminA, orgAdminB, platform] = await Promise.all(
    ['college-a1', 'college-a2', 'secretary-a2', 'orgadmin-a', 'orgadmin-b', 'platform'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

type Cells = Partial<Record<string, string | Date>>;

/** A roster workbook as a user would fill the template: full headers, one object per row keyed by label. */
async function rosterFile(rows: Cells[], headers = rosterColumns.map((c) => c.header)): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('人员名册');
  ws.addRow(headers);
  for (const row of rows) ws.addRow(headers.map((h) => row[h.split(/[（(]/)[0]] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(client: Client, file: Buffer, options: { filename?: string; query?: string } = {}) {
  const boundary = `----zhibu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename ?? 'roster.xlsx'}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return client.request({
    method: 'POST',
    url: `/api/v1/roster/import${options.query ?? ''}`,
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

const counts = async () => ({
  people: (await server.db.select({ n: count() }).from(people))[0].n,
  memberships: (await server.db.select({ n: count() }).from(memberships))[0].n,
  audit: (await server.db.select({ n: count() }).from(auditLog))[0].n,
});

const newMember = (code: string, name: string, extra: Cells = {}): Cells => ({
  编号: code,
  姓名: name,
  性别: '女',
  出生日期: '1992-03-04',
  人员类别: '教职工',
  单位: '机电工程学院',
  支部编码: 'b-a1',
  党员状态: '正式',
  入党日期: '2012-06-30',
  转正日期: '2013-06-30',
  起始日期: '2024-09-01',
  ...extra,
});

describe('GET /roster/template.xlsx', () => {
  it('gives the template: Chinese headers, an explanation sheet with an example row, and the usable codes', async () => {
    const res = await collegeA1.get('/api/v1/roster/template.xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['人员名册', '填写说明', '可用编码']);
    const headers = (workbook.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['编号', '姓名', '性别(男/女)', '出生日期', '人员类别(教职工/学生/离退休)']);
    expect(headers).toContain('党籍状态(正常/停止党籍/自行脱党/出党/去世)');
    expect(headers.at(-1)).toBe('起始日期');
    const help: string[] = [];
    workbook.worksheets[1].eachRow((row) => help.push(String(row.getCell(1).value)));
    expect(help).toEqual(expect.arrayContaining(['编号', '支部编码', 'T2024001']));
    const codes: string[] = [];
    workbook.worksheets[2].eachRow((row, n) => n > 1 && codes.push(String(row.getCell(2).value)));
    expect(codes.sort()).toEqual(['b-a1', 'b-a2', 'g-a1']);
    // The empty template parses to no rows and no missing columns.
    expect((await parseRosterWorkbook(res.rawPayload)).issues).toEqual([
      expect.objectContaining({ reason: expect.stringContaining('没有数据行') }),
    ]);
  });

  it('lists only codes in scope, and names a bad university', async () => {
    const res = await orgAdminB.get('/api/v1/roster/template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const codes: string[] = [];
    workbook.worksheets[2].eachRow((row, n) => n > 1 && codes.push(String(row.getCell(2).value)));
    expect(codes).toEqual(['b-b1']);
    const bad = await platform.get('/api/v1/roster/template.xlsx?universityId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.universityId');
  });
});

describe('POST /roster/import', () => {
  it('creates new people with their membership and updates existing ones keeping history', async () => {
    const before = await counts();
    const file = await rosterFile([
      newMember('R0001', '黄丽', { 党小组编码: 'g-a1' }),
      newMember('R0002', '吴刚', {
        性别: '男',
        人员类别: '学生',
        支部编码: 'b-a2',
        党员状态: '预备',
        入党日期: '2024/6/30',
        转正日期: undefined,
        领导干部: '否',
      }),
      // 刘洋 (A0003), probationary in b-a2, is confirmed: a new interval from 2025-01-05.
      {
        编号: 'A0003',
        姓名: '刘洋',
        人员类别: '学生',
        支部编码: 'b-a2',
        党员状态: '正式',
        转正日期: new Date(Date.UTC(2025, 0, 5)),
        起始日期: '2025-01-05',
        手机: '13700000000',
      },
    ]);
    const res = await upload(collegeA1, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 1, unchanged: 0, dryRun: false });

    const created = await server.db
      .select()
      .from(people)
      .where(inArray(people.code, ['R0001', 'R0002']));
    expect(created.map((p) => [p.code, p.nameInitials, p.gender, p.personCategory])).toEqual(
      expect.arrayContaining([
        ['R0001', 'hl', 'female', 'staff'],
        ['R0002', 'wg', 'male', 'student'],
      ]),
    );
    const detail = await collegeA1.get(`/api/v1/people/${created.find((p) => p.code === 'R0001')!.id}`);
    expect(detail.json().memberships).toEqual([
      expect.objectContaining({
        orgId: world.branchA1.id,
        groupName: '第一党小组',
        status: 'full',
        validFrom: '2024-09-01',
      }),
    ]);
    const liu = await collegeA1.get(`/api/v1/people/${world.memberA2.person.id}`);
    expect(liu.json().person.phone).toBe('13700000000');
    expect(liu.json().memberships).toEqual([
      expect.objectContaining({ status: 'full', confirmedOn: '2025-01-05', validTo: null }),
      expect.objectContaining({ status: 'probationary', validTo: '2025-01-05' }),
    ]);
    const after = await counts();
    expect(after.people - before.people).toBe(2);
    expect(after.memberships - before.memberships).toBe(3);
    const audit = await server.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entity, ['person', 'roster']));
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(2);
    expect(audit.filter((a) => a.action === 'update')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'import')).toEqual([
      expect.objectContaining({ after: { rows: 3, created: 2, updated: 1 } }),
    ]);

    // The same file again changes nothing.
    const again = await upload(collegeA1, file);
    expect(again.json()).toEqual({ created: 0, updated: 0, unchanged: 3, dryRun: false });
  });

  it('moves an existing member to another branch from the start date, and checks that date', async () => {
    const move = (validFrom: string) =>
      rosterFile([
        {
          编号: 'A0004',
          姓名: '陈静',
          人员类别: '教职工',
          支部编码: 'b-a1',
          党员状态: '正式',
          起始日期: validFrom,
        },
      ]);
    const before = await counts();
    const early = await upload(orgAdminA, await move('2014-12-31'));
    expect(early.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '起始日期' })]);
    expect(await counts()).toEqual(before);
    const res = await upload(orgAdminA, await move('2025-02-01'));
    expect(res.json()).toEqual({ created: 0, updated: 1, unchanged: 0, dryRun: false });
    const detail = await orgAdminA.get(`/api/v1/people/${world.memberA3.person.id}`);
    expect(detail.json().memberships).toEqual([
      expect.objectContaining({ orgId: world.branchA1.id, validFrom: '2025-02-01', validTo: null }),
      expect.objectContaining({ orgId: world.branchA3.id, validTo: '2025-02-01' }),
    ]);
  });

  it('reports the row and column of one bad row and writes nothing', async () => {
    const before = await counts();
    const file = await rosterFile([
      newMember('R0101', '郑爽'),
      newMember('R0102', '冯涛', { 支部编码: 'b-a3' }),
      newMember('R0103', '何静'),
    ]);
    const res = await upload(collegeA1, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_INPUT');
    expect(res.json().error.details).toEqual([
      { row: 3, column: '支部编码', reason: '支部编码不存在或不在您的管理范围内 / unknown branch code' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('reports every problem of every row', async () => {
    const before = await counts();
    const file = await rosterFile([
      newMember('R0201', '', { 性别: '未知', 出生日期: '1990-02-30' }),
      newMember('R0202', '罗兰', { 党员状态: '预备', 转正日期: '2013-06-30' }),
      newMember('R0202', '罗兰'),
      newMember('R0204', '高峰', { 党小组编码: 'g-a1', 支部编码: 'b-a2' }),
      newMember('R0205', '梁爽', { 支部编码: undefined }),
      newMember('A0001', '李娜', { 转正日期: '2001-01-01' }),
    ]);
    const res = await upload(collegeA1, file);
    expect(res.statusCode).toBe(400);
    const details = res.json().error.details.map((d: { row: number; column: string }) => [d.row, d.column]);
    expect(details).toEqual([
      [2, '姓名'],
      [2, '性别'],
      [2, '出生日期'],
      [3, '转正日期'],
      [4, '编号'],
      [5, '党小组编码'],
      [6, '支部编码'],
      [7, '转正日期'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('checks without writing on a dry run', async () => {
    const before = await counts();
    const res = await upload(collegeA1, await rosterFile([newMember('R0301', '唐宁')]), { query: '?dryRun=1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 0, unchanged: 0, dryRun: true });
    expect(await counts()).toEqual(before);
  });

  it('treats branches and people outside the write scope as unknown', async () => {
    const before = await counts();
    const otherCollege = await upload(collegeA2, await rosterFile([newMember('R0401', '许诺')]));
    expect(otherCollege.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '支部编码' })]);
    const otherBranch = await upload(secretaryA2, await rosterFile([newMember('R0402', '许诺')]));
    expect(otherBranch.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '支部编码' })]);
    const otherUniversity = await upload(orgAdminB, await rosterFile([newMember('R0403', '许诺')]));
    expect(otherUniversity.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '支部编码' })]);
    // Only a university-wide admin may add people without a branch.
    const noBranch = await upload(collegeA1, await rosterFile([{ 编号: 'R0404', 姓名: '许诺', 人员类别: '教职工' }]));
    expect(noBranch.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '支部编码' })]);
    // A code belonging to someone of another college cannot be overwritten.
    const taken = await upload(
      collegeA2,
      await rosterFile([newMember('A0001', '李娜', { 支部编码: 'b-a3', 手机: '1' })]),
    );
    expect(taken.json().error.details).toEqual([expect.objectContaining({ row: 2, column: '编号' })]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that is not a roster', async () => {
    const before = await counts();
    const txt = await upload(orgAdminA, Buffer.from('a,b'), { filename: 'roster.csv' });
    expect(txt.statusCode).toBe(400);
    expect(txt.json().error.details).toEqual([expect.objectContaining({ row: 0, column: '文件' })]);
    const garbage = await upload(orgAdminA, Buffer.from('not a zip'));
    expect(garbage.json().error.details).toEqual([expect.objectContaining({ row: 0, column: '文件' })]);
    const missing = await upload(orgAdminA, await rosterFile([{ 编号: 'R0501', 姓名: '钟' }], ['编号', '姓名']));
    expect(missing.json().error.details).toEqual([{ row: 1, column: '人员类别', reason: expect.any(String) }]);
    const huge = await upload(orgAdminA, Buffer.alloc(21 * 1024 * 1024));
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.details).toEqual([expect.objectContaining({ reason: expect.stringContaining('20 MB') })]);
    const noFile = await orgAdminA.post('/api/v1/roster/import', {});
    expect(noFile.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });
});

describe('importRoster (for the CLI)', () => {
  const cliActor: Actor = {
    accountId: '',
    username: 'cli',
    displayName: 'zhibu import',
    locale: 'zh-CN',
    tenantId: null,
    personId: null,
    grants: [],
    readAreas: [],
    writeAreas: [],
    all: true,
  };

  it('imports a roster larger than one statement can carry', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      row: i + 2,
      values: {
        code: `L${String(i).padStart(5, '0')}`,
        name: '欧阳明',
        personCategory: '学生',
        branchCode: 'b-a2',
        status: '预备',
        joinedOn: '2024-06-30',
        validFrom: '2024-06-30',
      },
    }));
    const before = await counts();
    const result = await server.db.transaction((tx) =>
      importRoster(tx, { tenantId: world.uniA.tenantId, rows, actor: cliActor, asOf: '2025-03-01' }),
    );
    expect(result).toMatchObject({ created: 6000, issues: [] });
    const after = await counts();
    expect([after.people - before.people, after.memberships - before.memberships, after.audit - before.audit]).toEqual([
      6000, 6000, 6001,
    ]);
  }, 60_000);

  it('imports parsed rows for an all-reaching actor, people without a branch included', async () => {
    const { rows, issues } = await parseRosterWorkbook(
      await rosterFile([
        { 编号: 'C0001', 姓名: '柳青', 人员类别: '离退休' },
        newMember('C0002', '白雪', { 支部编码: 'b-a3' }),
      ]),
    );
    expect(issues).toEqual([]);
    const result = await server.db.transaction((tx) =>
      importRoster(tx, { tenantId: world.uniA.tenantId, rows, actor: cliActor, asOf: '2025-03-01' }),
    );
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0, issues: [], dryRun: false });
    const [c2] = await server.db
      .select({ validFrom: memberships.validFrom })
      .from(memberships)
      .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.code, 'C0002')));
    expect(c2.validFrom).toBe('2024-09-01');
  });
});
