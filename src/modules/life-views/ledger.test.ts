import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAttendance,
  buildMeeting,
  buildMembership,
  buildPerson,
  buildWorld,
  type World,
} from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { positions, terms } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let secretaryA1: Client;
let secretaryA2: Client;
let collegeA1: Client;
let collegeA2: Client;
let orgAdminB: Client;
let memberA1: Client;
let oversight: Client;
const ids: Record<string, string> = {};
const LONG_MINUTES = `会议由王强同志主持。${'与会党员逐条学习了文件精神，并结合本职工作谈了体会。'.repeat(8)}`;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-06-15T02:00:00Z'));
  world = await buildWorld(server.db);
  const db = server.db;
  const t = world.uniA.tenantId;
  const a1 = world.branchA1.id;
  const lina = world.memberA1.person.id;
  const wang = world.secretaryA1.person.id;
  const zhao = await buildPerson(db, { tenantId: t, code: 'A0101', name: '赵刚' });
  await buildMembership(db, { tenantId: t, personId: zhao.id, orgId: a1, groupId: world.groupA1.id });
  const sun = await buildPerson(db, { tenantId: t, code: 'A0102', name: '孙丽', gender: 'female' });
  await buildMembership(db, {
    tenantId: t,
    personId: sun.id,
    orgId: a1,
    status: 'probationary',
    joinedOn: '2024-12-20',
    validFrom: '2025-01-01',
  });
  const [term] = await db
    .insert(terms)
    .values({ tenantId: t, orgId: a1, electedOn: '2024-01-10', endsOn: '2027-01-09' })
    .returning();
  await db.insert(positions).values([
    { tenantId: t, termId: term.id, role: 'secretary', personId: wang, validFrom: '2024-01-10' },
    { tenantId: t, termId: term.id, role: 'organizationMember', personId: lina, validFrom: '2024-01-10' },
  ]);

  const m = (props: Omit<Parameters<typeof buildMeeting>[1], 'tenantId'>) =>
    buildMeeting(db, { tenantId: t, ...props });
  const att = (meetingId: string, personId: string, props: Partial<Parameters<typeof buildAttendance>[1]> = {}) =>
    buildAttendance(db, { tenantId: t, meetingId, personId, ...props });

  ids.ga1 = (
    await m({
      orgId: a1,
      type: 'generalAssembly',
      heldOn: '2025-03-12',
      title: '学习贯彻全国两会精神',
      lecturerId: wang,
      minutesText: LONG_MINUTES,
    })
  ).id;
  await att(ids.ga1, lina);
  await att(ids.ga1, wang, { status: 'late' });
  await att(ids.ga1, zhao.id, {
    status: 'absent',
    reason: '出差',
    makeupOn: '2025-03-20',
    makeupContent: '自学会议精神',
  });
  await att(ids.ga1, sun.id, { status: 'leave', reason: '生病' });
  ids.ga2 = (
    await m({ orgId: a1, type: 'generalAssembly', heldOn: '2025-06-20', startTime: null, endTime: null, minutes: true })
  ).id;
  for (const p of [lina, wang, zhao.id, sun.id]) await att(ids.ga2, p);
  ids.committee = (await m({ orgId: a1, type: 'committeeMeeting', heldOn: '2025-01-08', place: '行政楼301' })).id;
  await att(ids.committee, lina);
  await att(ids.committee, wang);
  ids.group = (await m({ orgId: world.groupA1.id, type: 'groupMeeting', heldOn: '2025-02-10' })).id;
  await att(ids.group, zhao.id);
  ids.lecture = (
    await m({ orgId: a1, type: 'partyLecture', heldOn: '2025-04-18', title: '书记讲党课', lecturerId: wang })
  ).id;
  ids.theme = (await m({ orgId: a1, type: 'themeDay', heldOn: '2025-07-01', title: '主题党日：重温入党誓词' })).id;
  ids.life = (await m({ orgId: a1, type: 'lifeMeeting', heldOn: '2025-12-20', title: '年度组织生活会' })).id;
  ids.talk = (await m({ orgId: a1, type: 'conversation', heldOn: '2025-09-09', title: '谈心谈话 <b>重点</b>' })).id;
  // Not in the 2025 ledger: a meeting never held, one of 2024, one of another branch.
  ids.planned = (await m({ orgId: a1, type: 'themeDay', heldOn: '2025-11-05', status: 'planned' })).id;
  ids.old = (await m({ orgId: a1, type: 'generalAssembly', heldOn: '2024-12-30' })).id;
  ids.other = (await m({ orgId: world.branchA2.id, type: 'generalAssembly', heldOn: '2025-05-05' })).id;

  [secretaryA1, secretaryA2, collegeA1, collegeA2, orgAdminB, memberA1, oversight] = await Promise.all(
    ['secretary-a1', 'secretary-a2', 'college-a1', 'college-a2', 'orgadmin-b', 'member-a1', 'oversight'].map((u) =>
      server.signIn(u),
    ),
  );
});
afterAll(() => server.close());

const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);

async function readWorkbook(client: Client, url: string) {
  const res = await client.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return { wb, res };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('GET /ledger/:orgId/:year.xlsx', () => {
  it('is a workbook with a cover, a sheet per category and a summary, read back cell by cell', async () => {
    const { wb, res } = await readWorkbook(secretaryA1, `/api/v1/ledger/${world.branchA1.id}/2025.xlsx`);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '机电教工第一党支部 2025年度组织生活台账.xlsx',
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '封面',
      '支部党员大会',
      '支部委员会',
      '党小组会',
      '党课',
      '主题党日',
      '组织生活会',
      '其他',
      '汇总',
    ]);

    const cover = wb.getWorksheet('封面') as ExcelJS.Worksheet;
    expect(cover.getCell('A1').value).toBe('机电教工第一党支部 2025年度组织生活台账');
    const coverRows = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [cover.getCell(i + 3, 1).value, cover.getCell(i + 3, 2).value]),
    );
    expect(coverRows).toMatchObject({
      学校: '甲职业技术学院',
      上级党组织: '机电工程学院党总支',
      党支部: '机电教工第一党支部',
      年度: '2025年',
      支部书记: '王强',
      '正式党员（人）': 3,
      '预备党员（人）': 1,
      '党员合计（人）': 4,
      党小组: '第一党小组',
      统计截至: '2025-12-31',
    });

    const ga = wb.getWorksheet('支部党员大会') as ExcelJS.Worksheet;
    expect(ga.getCell('A1').value).toBe('支部党员大会记录（2025年）');
    expect(ga.getRow(2).values).toEqual([
      undefined,
      '序号',
      '日期',
      '时间',
      '地点',
      '组织',
      '主题',
      '主讲人/主持人',
      '应到',
      '实到',
      '出席率(%)',
      '缺席人员及补课情况',
      '会议记录',
    ]);
    const first = ga.getRow(3);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toEqual(day('2025-03-12'));
    expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(first.getCell(3).value).toBe('14:30–16:00');
    expect(first.getCell(4).value).toBe('党员活动室');
    expect(first.getCell(5).value).toBe('机电教工第一党支部');
    expect(first.getCell(6).value).toBe('学习贯彻全国两会精神');
    expect(first.getCell(7).value).toBe('王强');
    // 4 expected (3 full, 1 probationary); 李娜 present and 王强 late attended.
    expect(first.getCell(8).value).toBe(4);
    expect(first.getCell(9).value).toBe(2);
    expect(first.getCell(10).value).toBe(50);
    expect(String(first.getCell(11).value).split('\n')).toEqual([
      '赵刚（缺席，出差；补课 2025-03-20：自学会议精神）',
      '孙丽（请假，生病；未补课）',
    ]);
    const minutes = String(first.getCell(12).value);
    expect(minutes.startsWith('有：会议由王强同志主持。')).toBe(true);
    expect(minutes.endsWith('…')).toBe(true);
    expect(minutes.length).toBeLessThan(LONG_MINUTES.length);

    const second = ga.getRow(4);
    expect(second.getCell(2).value).toEqual(day('2025-06-20'));
    expect(second.getCell(3).value).toBe('');
    expect([second.getCell(8).value, second.getCell(9).value, second.getCell(10).value]).toEqual([4, 4, 100]);
    expect(second.getCell(11).value).toBe('无');
    expect(second.getCell(12).value).toBe('有');
    // Only the two assemblies of 2025 of this branch: not the 2024 one, not branch A2's.
    expect(ga.rowCount).toBe(4);

    const committee = wb.getWorksheet('支部委员会') as ExcelJS.Worksheet;
    expect(committee.getRow(3).getCell(4).value).toBe('行政楼301');
    // A committee meeting expects the seat holders only.
    expect([committee.getRow(3).getCell(8).value, committee.getRow(3).getCell(10).value]).toEqual([2, 100]);
    expect(committee.getRow(3).getCell(12).value).toBe('无');

    const group = wb.getWorksheet('党小组会') as ExcelJS.Worksheet;
    expect(group.getRow(3).getCell(5).value).toBe('第一党小组');
    expect([group.getRow(3).getCell(8).value, group.getRow(3).getCell(9).value]).toEqual([1, 1]);

    const lecture = wb.getWorksheet('党课') as ExcelJS.Worksheet;
    expect([lecture.getRow(3).getCell(6).value, lecture.getRow(3).getCell(7).value]).toEqual(['书记讲党课', '王强']);
    // Nobody recorded at the lecture: expected 4, attended 0.
    expect([lecture.getRow(3).getCell(8).value, lecture.getRow(3).getCell(10).value]).toEqual([4, 0]);

    const theme = wb.getWorksheet('主题党日') as ExcelJS.Worksheet;
    expect(theme.rowCount).toBe(3);
    expect(theme.getRow(3).getCell(2).value).toEqual(day('2025-07-01'));
    const other = wb.getWorksheet('其他') as ExcelJS.Worksheet;
    expect(other.getRow(3).getCell(6).value).toBe('谈心谈话 <b>重点</b>');
  });

  it('sums each type per month and quarter against the requirement', async () => {
    const { wb } = await readWorkbook(collegeA1, `/api/v1/ledger/${world.branchA1.id}/2025.xlsx`);
    const summary = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const header = summary.getRow(2).values as string[];
    expect(header.slice(1, 3)).toEqual(['类型', '要求']);
    expect(header.slice(-7)).toEqual(['12月', '一季度', '二季度', '三季度', '四季度', '全年合计', '达标情况']);
    const rows = new Map<string, unknown[]>();
    for (let r = 3; r <= summary.rowCount; r++) {
      const values = (summary.getRow(r).values as unknown[]).slice(1);
      rows.set(values[0] as string, values);
    }
    const ga = rows.get('支部党员大会') as unknown[];
    expect(ga.slice(2, 14)).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(ga.slice(14, 19)).toEqual([1, 1, 0, 0, 2]);
    expect(ga[19]).toBe('2/4个季度达标');
    expect((rows.get('支部委员会') as unknown[])[19]).toBe('1/12个月达标');
    expect((rows.get('党小组会') as unknown[])[19]).toBe('1/12个月达标');
    expect((rows.get('党课') as unknown[])[19]).toBe('1/4个季度达标');
    // LIFE-05: 王强, the secretary, gave the April lecture.
    expect((rows.get('书记讲党课') as unknown[]).slice(17, 20)).toEqual([0, 1, '1/1年达标']);
    expect((rows.get('主题党日') as unknown[])[19]).toBe('1/12个月达标');
    expect((rows.get('组织生活会') as unknown[])[19]).toBe('1/1年达标');
    expect((rows.get('其他') as unknown[])[18]).toBe(1);
  });

  it('says why nothing was due where a branch has no committee and no groups', async () => {
    const { wb } = await readWorkbook(secretaryA2, `/api/v1/ledger/${world.branchA2.id}/2025.xlsx`);
    const summary = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    const verdicts = Object.fromEntries(
      Array.from({ length: summary.rowCount - 2 }, (_, i) => [
        summary.getRow(i + 3).getCell(1).value,
        summary.getRow(i + 3).getCell(20).value,
      ]),
    );
    expect(verdicts).toMatchObject({
      支部党员大会: '1/4个季度达标',
      支部委员会: '未设支委会',
      党小组会: '未设党小组',
      书记讲党课: '0/1年达标',
    });
    expect((wb.getWorksheet('封面') as ExcelJS.Worksheet).getCell('B7').value).toBe('（空缺）');
  });

  it('rejects a year that is not one and an org that is not a branch, naming the field', async () => {
    const bad = await secretaryA1.get(`/api/v1/ledger/${world.branchA1.id}/20x5.xlsx`);
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['params.year']);
    const early = await secretaryA1.get(`/api/v1/ledger/${world.branchA1.id}/1999.xlsx`);
    expect(fieldsOf(early)).toEqual(['params.year']);
    const college = await collegeA1.get(`/api/v1/ledger/${world.collegeA1.id}/2025.xlsx`);
    expect(college.statusCode).toBe(400);
    expect(fieldsOf(college)).toEqual(['params.orgId']);
    const notId = await secretaryA1.get('/api/v1/ledger/not-a-uuid/2025.html');
    expect(fieldsOf(notId)).toEqual(['params.orgId']);
  });

  it('answers 404 to another branch, another college and another university', async () => {
    for (const client of [secretaryA2, collegeA2, orgAdminB, memberA1]) {
      expect((await client.get(`/api/v1/ledger/${world.branchA1.id}/2025.xlsx`)).statusCode).toBe(404);
      expect((await client.get(`/api/v1/ledger/${world.branchA1.id}/2025.html`)).statusCode).toBe(404);
    }
    expect((await server.anonymous.get(`/api/v1/ledger/${world.branchA1.id}/2025.html`)).statusCode).toBe(401);
    // The oversight body reads, so it may see the ledger.
    expect((await oversight.get(`/api/v1/ledger/${world.branchA1.id}/2025.html`)).statusCode).toBe(200);
  });

  it('for the current year counts only the periods begun so far', async () => {
    const { wb } = await readWorkbook(secretaryA1, `/api/v1/ledger/${world.branchA1.id}/2026.xlsx`);
    const summary = wb.getWorksheet('汇总') as ExcelJS.Worksheet;
    expect(summary.getRow(3).getCell(20).value).toBe('0/2个季度达标');
    expect(summary.getRow(7).getCell(1).value).toBe('书记讲党课');
    expect(summary.getRow(7).getCell(20).value).toBe('0/1年达标');
    expect((wb.getWorksheet('支部党员大会') as ExcelJS.Worksheet).getCell('A3').value).toBe('本年度无记录');
    expect((wb.getWorksheet('封面') as ExcelJS.Worksheet).getCell('B12').value).toBe('2026-06-15');
  });
});

describe('GET /ledger/:orgId/:year.html', () => {
  it('is a printable A4 page with the title and every meeting of the year', async () => {
    const res = await secretaryA1.get(`/api/v1/ledger/${world.branchA1.id}/2025.html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const html = res.body;
    expect(html).toContain('<title>机电教工第一党支部 2025年度组织生活台账</title>');
    expect(html).toContain('<h1>机电教工第一党支部 2025年度组织生活台账</h1>');
    expect(html).toContain('size: A4 portrait');
    expect(html).toMatch(/@page \{[^}]*margin/);
    expect(html).toContain('Noto Serif CJK SC');
    expect(html).toContain('宋体');
    expect(html).toContain('page-break-before: always');
    for (const key of ['ga1', 'ga2', 'committee', 'group', 'lecture', 'theme', 'life', 'talk'])
      expect(html, key).toContain(`data-meeting="${ids[key]}"`);
    for (const key of ['planned', 'old', 'other']) expect(html, key).not.toContain(ids[key]);
    for (const title of [
      '支部党员大会记录',
      '支部委员会记录',
      '党小组会记录',
      '党课记录',
      '主题党日记录',
      '组织生活会记录',
      '其他记录',
    ])
      expect(html).toContain(`${title}（2025年）`);
    expect(html).toContain('赵刚（缺席，出差；补课 2025-03-20：自学会议精神）');
    expect(html).toContain('<td class="num">4</td><td class="num">2</td><td>50.0</td>');
    // Titles are text, never markup.
    expect(html).toContain('谈心谈话 &lt;b&gt;重点&lt;/b&gt;');
    expect(html).not.toContain('<b>重点</b>');
  });
});
