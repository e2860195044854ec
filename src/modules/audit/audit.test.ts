import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog } from '../../db/schema.ts';

let server: TestServer;
let world: World;
let inCollegeA1: string;
let inCollegeA2: string;
type Entry = {
  entity: string;
  entityId: string | null;
  action: string;
  actorName: string;
  at: string;
  orgPath: string | null;
};

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  const a1 = await server.signIn('college-a1');
  const created1 = await a1.post('/api/v1/accounts', {
    username: 'audit-sec-a1',
    displayName: '甲一书记',
    grants: [{ role: 'branchSecretary', orgId: world.branchA1.id }],
  });
  inCollegeA1 = created1.json().account.id;
  const a2 = await server.signIn('college-a2');
  const created2 = await a2.post('/api/v1/accounts', {
    username: 'audit-sec-a3',
    displayName: '甲三书记',
    grants: [{ role: 'branchSecretary', orgId: world.branchA3.id }],
  });
  inCollegeA2 = created2.json().account.id;
});
afterAll(() => server.close());

const entries = async (username: string, query = '') => {
  const client = await server.signIn(username);
  const res = await client.get(`/api/v1/audit${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Entry[]; total: number };
};
const ids = (list: { items: Entry[] }) => list.items.map((e) => e.entityId);

describe('GET /audit', () => {
  it('shows a college admin the entries of their college, not of the other college', async () => {
    const list = await entries('college-a1', '?entity=account');
    expect(ids(list)).toContain(inCollegeA1);
    expect(ids(list)).not.toContain(inCollegeA2);
    for (const e of list.items) expect(e.orgPath?.startsWith(world.collegeA1.path)).toBe(true);
  });

  it('shows the org-department admin the whole university, tenant-wide entries included', async () => {
    const list = await entries('orgadmin-a', '?pageSize=500');
    expect(ids(list)).toEqual(expect.arrayContaining([inCollegeA1, inCollegeA2]));
    // Sign-ins carry the university but no org: only holders of the root see them.
    expect(list.items.some((e) => e.action === 'login' && e.actorName === 'college-a1')).toBe(true);
    const college = await entries('college-a1', '?pageSize=500');
    expect(college.items.some((e) => e.action === 'login')).toBe(false);
  });

  it('shows nothing of this university to the admin of another, nor to members and other branches', async () => {
    expect(ids(await entries('orgadmin-b', '?pageSize=500'))).not.toContain(inCollegeA1);
    expect((await entries('member-a1')).items).toEqual([]);
    const other = await entries('secretary-a2', '?pageSize=500');
    expect(ids(other)).not.toContain(inCollegeA1);
    for (const e of other.items) expect(e.orgPath?.startsWith(world.branchA2.path)).toBe(true);
  });

  it('shows a platform admin everything, newest first, paged', async () => {
    const all = await entries('platform', '?pageSize=500');
    expect(ids(all)).toEqual(expect.arrayContaining([inCollegeA1, inCollegeA2]));
    const times = all.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const page2 = await entries('platform', '?pageSize=2&page=2');
    expect(page2.total).toBe(all.total + 1); // plus the sign-in of this very request's client
    expect(page2.items).toHaveLength(2);
  });

  it('filters by entity id, actor and Shanghai dates', async () => {
    const byId = await entries('platform', `?entityId=${inCollegeA1}`);
    expect(byId.items).toEqual([expect.objectContaining({ action: 'create', actorName: 'college-a1' })]);
    const byActor = await entries('platform', '?actor=college-a2&entity=account');
    expect(byActor.items.every((e) => e.actorName === 'college-a2')).toBe(true);
    expect(ids(byActor)).toContain(inCollegeA2);
    // An entry just after midnight in Shanghai belongs to that Shanghai day, not the UTC one.
    await server.db.insert(auditLog).values({
      actorName: 'night-owl',
      action: 'update',
      entity: 'calendar',
      at: new Date('2024-03-09T16:30:00Z'),
    });
    expect((await entries('platform', '?actor=night-owl&from=2024-03-10&to=2024-03-10')).total).toBe(1);
    expect((await entries('platform', '?actor=night-owl&from=2024-03-09&to=2024-03-09')).total).toBe(0);
  });

  it('names a bad date filter', async () => {
    const client = await server.signIn('platform');
    const bad = await client.get('/api/v1/audit?from=2024-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('querystring.from');
    const reversed = await client.get('/api/v1/audit?from=2024-03-10&to=2024-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0].field).toBe('querystring.to');
  });
});

describe('GET /audit/export.xlsx', () => {
  it('exports the entries in scope with Chinese headers', async () => {
    const client = await server.signIn('college-a1');
    const res = await client.get('/api/v1/audit/export.xlsx?entity=account');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '时间',
      '操作人',
      '操作',
      '对象',
      '对象编号',
      '变更前',
      '变更后',
    ]);
    const exportedIds: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) exportedIds.push(row.getCell(5).value);
    });
    expect(exportedIds).toContain(inCollegeA1);
    expect(exportedIds).not.toContain(inCollegeA2);
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('exports nothing to another university', async () => {
    const client = await server.signIn('orgadmin-b');
    const res = await client.get('/api/v1/audit/export.xlsx?entity=account');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const found: unknown[] = [];
    workbook.worksheets[0].eachRow((row, n) => {
      if (n > 1) found.push(row.getCell(5).value);
    });
    expect(found).not.toContain(inCollegeA1);
    expect(found).not.toContain(inCollegeA2);
  });
});
