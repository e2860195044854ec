import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrg, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, memberships, orgHistory, orgs } from '../../db/schema.ts';
import type { OrgNode } from './schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let memberA1: Client;
let oversight: Client;
let platform: Client;

beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-06-15T02:00:00Z'));
  world = await buildWorld(server.db);
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, secretaryA2, memberA1, oversight, platform] =
    await Promise.all(
      [
        'orgadmin-a',
        'orgadmin-b',
        'college-a1',
        'college-a2',
        'secretary-a1',
        'secretary-a2',
        'member-a1',
        'oversight',
        'platform',
      ].map((u) => server.signIn(u)),
    );
});
afterAll(() => server.close());

const countOrgs = async () => (await server.db.select({ n: count() }).from(orgs))[0].n;
const countHistory = async () => (await server.db.select({ n: count() }).from(orgHistory))[0].n;
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);
const find = (nodes: OrgNode[], id: string): OrgNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children, id);
    if (inner) return inner;
  }
  return undefined;
};
const codesOf = (nodes: OrgNode[]) => nodes.map((n) => n.code);

let seq = 0;
/** A fresh empty branch under a college of university A, for tests that change things. */
const freshBranch = (parentId = world.collegeA1.id, props: { validFrom?: string } = {}) =>
  buildOrg(server.db, {
    tenantId: world.uniA.tenantId,
    parentId,
    kind: 'branch',
    code: `fresh-${++seq}`,
    name: `新建第${seq}党支部`,
    validFrom: props.validFrom ?? '2020-01-01',
  });

describe('GET /orgs/tree', () => {
  it('shows the whole university to its organization department, with member counts summed up the tree', async () => {
    const res = await orgAdminA.get('/api/v1/orgs/tree');
    expect(res.statusCode).toBe(200);
    const { roots, asOf } = res.json() as { roots: OrgNode[]; asOf: string };
    expect(asOf).toBe('2026-06-15');
    expect(codesOf(roots)).toEqual(['uni-a']);
    expect(codesOf(roots[0].children).slice(0, 2)).toEqual(['c-a1', 'c-a2']);
    const c1 = find(roots, world.collegeA1.id) as OrgNode;
    expect(codesOf(c1.children).slice(0, 2)).toEqual(['b-a1', 'b-a2']);
    expect(find(roots, world.branchA1.id)?.children.map((c) => c.code)).toEqual(['g-a1']);
    expect(find(roots, world.branchA1.id)?.memberCount).toBe(2);
    expect(find(roots, world.branchA2.id)?.memberCount).toBe(1);
    expect(find(roots, world.collegeA2.id)?.memberCount).toBe(1);
    expect(c1.memberCount).toBe(3);
    expect(c1).toMatchObject({ kind: 'college', subkind: 'generalBranch', parentId: world.uniA.rootId });
  });

  it('starts each caller at the roots of their own area', async () => {
    const roots = async (c: Client) => codesOf((await c.get('/api/v1/orgs/tree')).json().roots);
    expect(await roots(collegeA1)).toEqual(['c-a1']);
    expect(await roots(secretaryA1)).toEqual(['b-a1']);
    expect(await roots(orgAdminB)).toEqual(['uni-b']);
    expect(await roots(oversight)).toEqual(['uni-a', 'uni-b']);
    expect(await roots(memberA1)).toEqual([]);
    expect(await roots(secretaryA2)).toEqual(['b-a2']);
    expect(await roots(platform)).toEqual(expect.arrayContaining(['uni-a', 'uni-b', 'uni-c']));
    const college = (await collegeA2.get('/api/v1/orgs/tree')).json().roots;
    expect(find(college, world.branchA1.id)).toBeUndefined();
  });

  it('shows nothing before the university existed', async () => {
    const res = await orgAdminA.get('/api/v1/orgs/tree?asOf=2014-12-31');
    expect(res.json().roots).toEqual([]);
  });

  it('names a bad date', async () => {
    const res = await orgAdminA.get('/api/v1/orgs/tree?asOf=2021-02-30');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['querystring.asOf']);
  });
});

describe('GET /orgs', () => {
  it('lists orgs in scope, filtered by parent, kind and text', async () => {
    const items = async (c: Client, q: string) =>
      ((await c.get(`/api/v1/orgs${q}`)).json().items as { code: string }[]).map((i) => i.code);
    expect(await items(orgAdminA, `?parentId=${world.collegeA1.id}&q=b-a`)).toEqual(['b-a1', 'b-a2']);
    expect(await items(orgAdminA, '?kind=group')).toEqual(['g-a1']);
    expect(await items(orgAdminA, `?q=${encodeURIComponent('经管')}`)).toEqual(['b-a3']);
    const listed = (await orgAdminA.get(`/api/v1/orgs?q=b-a1`)).json().items[0];
    expect(listed).toMatchObject({ code: 'b-a1', parentName: '机电工程学院党总支', version: 1 });
  });

  it('lists nothing outside the caller’s scope', async () => {
    const items = async (c: Client, q: string) => (await c.get(`/api/v1/orgs${q}`)).json().items.length;
    expect(await items(collegeA2, `?parentId=${world.collegeA1.id}`)).toBe(0);
    expect(await items(secretaryA2, `?parentId=${world.branchA1.id}`)).toBe(0);
    expect(await items(orgAdminB, `?q=b-a`)).toBe(0);
  });

  it('names a bad filter', async () => {
    const res = await orgAdminA.get('/api/v1/orgs?kind=committee');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['querystring.kind']);
  });
});

describe('GET /orgs/export.xlsx', () => {
  it('exports the orgs in scope with Chinese headers', async () => {
    const res = await collegeA1.get('/api/v1/orgs/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const ws = workbook.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['编码', '名称', '类型', '类别', '上级', '层级']);
    expect(header).toContain('成立日期');
    const codes: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes).toEqual(expect.arrayContaining(['c-a1', 'b-a1', 'b-a2', 'g-a1']));
    expect(codes).not.toContain('b-a3');
    expect(codes).not.toContain('uni-a');
    const b1 = ws.getRow(codes.indexOf('b-a1') + 2);
    expect([b1.getCell(3).value, b1.getCell(4).value, b1.getCell(5).value]).toEqual([
      '党支部',
      '教师',
      '机电工程学院党总支',
    ]);
  });

  it('names a bad filter and exports nothing beyond scope', async () => {
    expect((await orgAdminA.get('/api/v1/orgs/export.xlsx?asOf=yesterday')).statusCode).toBe(400);
    const res = await orgAdminB.get('/api/v1/orgs/export.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const codes: string[] = [];
    workbook.worksheets[0].eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes.sort()).toEqual(['b-b1', 'c-b1', 'uni-b']);
  });
});

describe('GET /orgs/:id', () => {
  it('gives the org with its breadcrumb, children and member counts', async () => {
    const res = await orgAdminA.get(`/api/v1/orgs/${world.collegeA1.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.org).toMatchObject({ code: 'c-a1', kind: 'college', version: 1, path: world.collegeA1.path });
    expect(body.ancestors.map((a: { code: string }) => a.code)).toEqual(['uni-a']);
    expect(body.children.map((c: { code: string }) => c.code)).toEqual(['b-a1', 'b-a2']);
    expect(body.counts).toEqual({ full: 2, probationary: 1 });
    expect(body.currentTerm).toBeNull();
    const group = (await orgAdminA.get(`/api/v1/orgs/${world.groupA1.id}`)).json();
    expect(group.ancestors.map((a: { code: string }) => a.code)).toEqual(['uni-a', 'c-a1', 'b-a1']);
  });

  it('shows a breadcrumb only as far up as the caller may read', async () => {
    const body = (await secretaryA1.get(`/api/v1/orgs/${world.groupA1.id}`)).json();
    expect(body.ancestors.map((a: { code: string }) => a.code)).toEqual(['b-a1']);
  });

  it('is a 404 outside the caller’s scope', async () => {
    for (const c of [secretaryA2, collegeA2, orgAdminB, memberA1]) {
      const res = await c.get(`/api/v1/orgs/${world.branchA1.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('names a bad id', async () => {
    const res = await orgAdminA.get('/api/v1/orgs/not-an-id');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['params.id']);
  });
});

describe('POST /orgs', () => {
  it('creates a branch inside the college admin’s college, with its history and an audit row', async () => {
    const res = await collegeA1.post('/api/v1/orgs', {
      parentId: world.collegeA1.id,
      kind: 'branch',
      code: 'b-a1-joint',
      name: '机电联合党支部',
      branchCategory: 'mixed',
      jointUnits: ['机电实训中心', '机电学院办公室'],
      validFrom: '2024-09-01',
    });
    expect(res.statusCode).toBe(200);
    const { org, ancestors } = res.json();
    expect(org).toMatchObject({
      code: 'b-a1-joint',
      kind: 'branch',
      branchCategory: 'mixed',
      jointUnits: ['机电实训中心', '机电学院办公室'],
      depth: 2,
      path: `${world.collegeA1.path}${org.id}/`,
      validFrom: '2024-09-01',
      version: 1,
    });
    expect(ancestors.map((a: { code: string }) => a.code)).toEqual(['c-a1']);
    const history = await server.db.select().from(orgHistory).where(eq(orgHistory.orgId, org.id));
    expect(history).toMatchObject([
      { change: 'create', validFrom: '2024-09-01', validTo: null, name: '机电联合党支部' },
    ]);
    const [audit] = await server.db.select().from(auditLog).where(eq(auditLog.entityId, org.id));
    expect(audit).toMatchObject({ entity: 'org', action: 'create', orgPath: org.path });
  });

  it('creates a temporary branch with its approval, and a direct branch under the university', async () => {
    const temporary = {
      approvedOn: '2025-03-01',
      approvedBy: '校党委组织部',
      endsOn: '2025-07-31',
      purpose: '顶岗实习',
    };
    const res = await orgAdminA.post('/api/v1/orgs', {
      parentId: world.uniA.rootId,
      kind: 'branch',
      code: 'b-direct-temp',
      name: '顶岗实习临时党支部',
      branchCategory: 'student',
      temporary,
      validFrom: '2025-03-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().org).toMatchObject({ temporary, parentId: world.uniA.rootId, depth: 1 });
  });

  it('refuses what breaks the rules of the tree, naming the field, and writes nothing', async () => {
    const before = [await countOrgs(), await countHistory()];
    const cases: [Record<string, unknown>, string[]][] = [
      [{ parentId: world.collegeA1.id, kind: 'group', code: 'x1', name: 'x' }, ['body.parentId']],
      [
        { parentId: world.branchA1.id, kind: 'college', code: 'x2', name: 'x', subkind: 'generalBranch' },
        ['body.parentId'],
      ],
      [{ parentId: world.uniA.rootId, kind: 'college', code: 'x3', name: 'x' }, ['body.subkind']],
      [{ parentId: world.collegeA1.id, kind: 'branch', code: 'x4', name: 'x' }, ['body.branchCategory']],
      [
        {
          parentId: world.collegeA1.id,
          kind: 'branch',
          code: 'x5',
          name: 'x',
          branchCategory: 'student',
          temporary: { purpose: '实习' },
        },
        ['body.temporary.approvedOn', 'body.temporary.endsOn'],
      ],
      [
        { parentId: world.collegeA1.id, kind: 'branch', code: 'b-a1', name: 'x', branchCategory: 'teacher' },
        ['body.code'],
      ],
      [
        { parentId: world.branchA1.id, kind: 'group', code: 'x6', name: 'x', validFrom: '2010-01-01' },
        ['body.validFrom'],
      ],
      [
        { parentId: world.branchA1.id, kind: 'group', code: 'x7', name: 'x', branchCategory: 'teacher' },
        ['body.branchCategory'],
      ],
      [{ parentId: world.branchA1.id, kind: 'district', code: 'x8', name: 'x' }, ['body.kind']],
    ];
    for (const [body, fields] of cases) {
      const res = await orgAdminA.post('/api/v1/orgs', { validFrom: '2024-01-01', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res)).toEqual(fields);
    }
    expect([await countOrgs(), await countHistory()]).toEqual(before);
  });

  it('is a 404 on a parent outside the caller’s write scope', async () => {
    const before = await countOrgs();
    const attempt = (c: Client, parentId: string) =>
      c.post('/api/v1/orgs', { parentId, kind: 'group', code: `g-${++seq}`, name: '小组', validFrom: '2024-01-01' });
    expect((await attempt(secretaryA2, world.branchA1.id)).statusCode).toBe(404);
    expect((await attempt(collegeA2, world.branchA1.id)).statusCode).toBe(404);
    expect((await attempt(orgAdminB, world.branchA1.id)).statusCode).toBe(404);
    expect((await attempt(oversight, world.branchA1.id)).statusCode).toBe(404);
    const college = await collegeA1.post('/api/v1/orgs', {
      parentId: world.uniA.rootId,
      kind: 'college',
      subkind: 'generalBranch',
      code: 'c-new',
      name: '新学院党总支',
      validFrom: '2024-01-01',
    });
    expect(college.statusCode).toBe(404);
    expect(await countOrgs()).toBe(before);
  });
});

describe('PATCH /orgs/:id', () => {
  it('renames from a date: the tree before that date shows the old name', async () => {
    const branch = await freshBranch();
    const res = await collegeA1.patch(`/api/v1/orgs/${branch.id}`, {
      version: 1,
      effectiveOn: '2024-09-01',
      name: '智能制造教工党支部',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().org).toMatchObject({ name: '智能制造教工党支部', version: 2 });
    const before = (await orgAdminA.get('/api/v1/orgs/tree?asOf=2024-08-31')).json().roots;
    const after = (await orgAdminA.get('/api/v1/orgs/tree?asOf=2024-09-01')).json().roots;
    expect(find(before, branch.id)?.name).toBe(branch.name);
    expect(find(after, branch.id)?.name).toBe('智能制造教工党支部');
    const listed = (await orgAdminA.get(`/api/v1/orgs?q=${branch.code}&asOf=2023-01-01`)).json().items;
    expect(listed[0].name).toBe(branch.name);
    const history = (await orgAdminA.get(`/api/v1/orgs/${branch.id}/history`)).json().items;
    expect(history).toMatchObject([
      { change: 'create', name: branch.name, validFrom: '2020-01-01', validTo: '2024-09-01' },
      { change: 'rename', name: '智能制造教工党支部', validFrom: '2024-09-01', validTo: null },
    ]);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, branch.id), eq(auditLog.action, 'rename')));
    expect(audit).toMatchObject({ entity: 'org', orgPath: branch.path });
  });

  it('records a change of category as an update and makes a branch temporary', async () => {
    const branch = await freshBranch();
    const res = await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, {
      version: 1,
      effectiveOn: '2025-01-01',
      branchCategory: 'student',
      temporary: { approvedOn: '2024-12-20', endsOn: '2025-06-30', approvedBy: '机电学院党总支', purpose: '实习' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().org).toMatchObject({ branchCategory: 'student', temporary: { endsOn: '2025-06-30' } });
    const history = (await orgAdminA.get(`/api/v1/orgs/${branch.id}/history`)).json().items;
    expect(history.map((h: { change: string }) => h.change)).toEqual(['create', 'update']);
  });

  it('records a rename of a temporary branch as a rename when the form sends the other fields unchanged', async () => {
    const temporary = { approvedOn: '2025-02-20', approvedBy: '校党委组织部', endsOn: '2025-12-31', purpose: '实习' };
    const created = await orgAdminA.post('/api/v1/orgs', {
      parentId: world.collegeA2.id,
      kind: 'branch',
      code: `temp-${++seq}`,
      name: '实习临时党支部',
      branchCategory: 'student',
      temporary,
      validFrom: '2025-03-01',
    });
    const { org } = created.json();
    const res = await orgAdminA.patch(`/api/v1/orgs/${org.id}`, {
      version: org.version,
      effectiveOn: '2025-04-01',
      name: '跟岗实习临时党支部',
      branchCategory: 'student',
      jointUnits: [],
      temporary: { purpose: '实习', endsOn: '2025-12-31', approvedBy: '校党委组织部', approvedOn: '2025-02-20' },
    });
    expect(res.statusCode).toBe(200);
    const history = (await orgAdminA.get(`/api/v1/orgs/${org.id}/history`)).json().items;
    expect(history.map((h: { change: string }) => h.change)).toEqual(['create', 'rename']);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const branch = await freshBranch();
    expect(
      (await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, { version: 1, effectiveOn: '2024-01-01', name: '甲' }))
        .statusCode,
    ).toBe(200);
    const stale = await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, {
      version: 1,
      effectiveOn: '2024-02-01',
      name: '乙',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE');
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, branch.id));
    expect(row).toMatchObject({ name: '甲', version: 2 });
  });

  it('refuses a date before the current state began, and bad fields, writing nothing', async () => {
    const branch = await freshBranch();
    const before = await countHistory();
    const early = await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, {
      version: 1,
      effectiveOn: '2019-12-31',
      name: '乙',
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.effectiveOn']);
    const wrongKind = await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, {
      version: 1,
      effectiveOn: '2024-01-01',
      subkind: 'generalBranch',
    });
    expect(fieldsOf(wrongKind)).toEqual(['body.subkind']);
    const temp = await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, {
      version: 1,
      effectiveOn: '2024-01-01',
      temporary: { approvedBy: '党委' },
    });
    expect(fieldsOf(temp)).toEqual(['body.temporary.approvedOn', 'body.temporary.endsOn']);
    const nothing = await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, { version: 1, effectiveOn: '2024-01-01' });
    expect(fieldsOf(nothing)).toEqual(['body']);
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, branch.id));
    expect(row).toMatchObject({ name: branch.name, version: 1, temporary: null });
    expect(await countHistory()).toBe(before);
  });

  it('is a 404 outside the caller’s write scope', async () => {
    for (const c of [secretaryA2, collegeA2, orgAdminB, oversight, memberA1]) {
      const res = await c.patch(`/api/v1/orgs/${world.branchA1.id}`, {
        version: 1,
        effectiveOn: '2024-01-01',
        name: 'x',
      });
      expect(res.statusCode).toBe(404);
    }
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, world.branchA1.id));
    expect(row.name).toBe('机电教工第一党支部');
  });
});

describe('POST /orgs/:id/move', () => {
  it('moves a subtree in one go: descendants get new paths, the tree before shows the old parent', async () => {
    const branch = await freshBranch();
    const group = await buildOrg(server.db, {
      tenantId: world.uniA.tenantId,
      parentId: branch.id,
      kind: 'group',
      code: `g-move-${seq}`,
      validFrom: '2020-01-01',
    });
    const res = await orgAdminA.post(`/api/v1/orgs/${branch.id}/move`, {
      version: 1,
      parentId: world.collegeA2.id,
      effectiveOn: '2025-03-01',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().org).toMatchObject({
      parentId: world.collegeA2.id,
      path: `${world.collegeA2.path}${branch.id}/`,
      version: 2,
    });
    const [movedGroup] = await server.db.select().from(orgs).where(eq(orgs.id, group.id));
    expect(movedGroup).toMatchObject({
      path: `${world.collegeA2.path}${branch.id}/${group.id}/`,
      depth: 3,
      parentId: branch.id,
      version: 1,
    });
    const before = (await orgAdminA.get('/api/v1/orgs/tree?asOf=2025-02-28')).json().roots;
    const after = (await orgAdminA.get('/api/v1/orgs/tree?asOf=2025-03-01')).json().roots;
    expect(find(before, branch.id)?.parentId).toBe(world.collegeA1.id);
    expect(find(find(before, world.collegeA1.id)?.children ?? [], group.id)).toBeDefined();
    expect(find(after, branch.id)?.parentId).toBe(world.collegeA2.id);
    expect(find(find(after, world.collegeA2.id)?.children ?? [], group.id)).toBeDefined();
    // The college admin of A2 now reaches the moved subtree, the admin of A1 no longer does.
    expect((await collegeA2.get(`/api/v1/orgs/${group.id}`)).statusCode).toBe(200);
    expect((await collegeA1.get(`/api/v1/orgs/${group.id}`)).statusCode).toBe(404);
    const history = (await orgAdminA.get(`/api/v1/orgs/${branch.id}/history`)).json().items;
    expect(history.map((h: { change: string; parentName: string }) => [h.change, h.parentName])).toEqual([
      ['create', '机电工程学院党总支'],
      ['move', '经济管理学院党总支'],
    ]);
  });

  it('refuses moving into its own subtree, under the wrong kind, or before the current state, writing nothing', async () => {
    const branch = await freshBranch();
    const group = await buildOrg(server.db, {
      tenantId: world.uniA.tenantId,
      parentId: branch.id,
      kind: 'group',
      code: `g-own-${seq}`,
      validFrom: '2020-01-01',
    });
    const before = [await countHistory(), (await server.db.select().from(orgs).where(eq(orgs.id, branch.id)))[0].path];
    const move = (parentId: string, effectiveOn = '2025-01-01', id = branch.id) =>
      orgAdminA.post(`/api/v1/orgs/${id}/move`, { version: 1, parentId, effectiveOn });
    expect(fieldsOf(await move(group.id))).toEqual(['body.parentId']);
    expect(fieldsOf(await move(branch.id))).toEqual(['body.parentId']);
    expect(fieldsOf(await move(world.branchA3.id))).toEqual(['body.parentId']);
    expect(fieldsOf(await move(world.collegeA2.id, '2019-01-01'))).toEqual(['body.effectiveOn']);
    expect(fieldsOf(await move(world.collegeA1.id, '2025-01-01', world.collegeA2.id))).toEqual(['body.parentId']);
    expect((await move(world.collegeA2.id, 'soon')).statusCode).toBe(400);
    const after = [await countHistory(), (await server.db.select().from(orgs).where(eq(orgs.id, branch.id)))[0].path];
    expect(after).toEqual(before);
  });

  it('refuses to carry a group with members to another branch', async () => {
    const group = await buildOrg(server.db, {
      tenantId: world.uniA.tenantId,
      parentId: world.branchA1.id,
      kind: 'group',
      code: `g-full-${++seq}`,
    });
    const { membership } = await buildMember(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
      code: `G${seq}`,
    });
    await server.db.update(memberships).set({ groupId: group.id }).where(eq(memberships.id, membership.id));
    const res = await orgAdminA.post(`/api/v1/orgs/${group.id}/move`, {
      version: 1,
      parentId: world.branchA2.id,
      effectiveOn: '2025-01-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual({ members: 1 });
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, group.id));
    expect(row.parentId).toBe(world.branchA1.id);
  });

  it('refuses a stale version with 409', async () => {
    const branch = await freshBranch();
    await orgAdminA.patch(`/api/v1/orgs/${branch.id}`, { version: 1, effectiveOn: '2024-01-01', name: '改名' });
    const res = await orgAdminA.post(`/api/v1/orgs/${branch.id}/move`, {
      version: 1,
      parentId: world.collegeA2.id,
      effectiveOn: '2025-01-01',
    });
    expect(res.statusCode).toBe(409);
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, branch.id));
    expect(row.parentId).toBe(world.collegeA1.id);
  });

  it('is a 404 on an org or a new parent outside the caller’s write scope', async () => {
    const branch = await freshBranch();
    const move = (c: Client, parentId: string, id = branch.id) =>
      c.post(`/api/v1/orgs/${id}/move`, { version: 1, parentId, effectiveOn: '2025-01-01' });
    const outside = await move(collegeA1, world.collegeA2.id);
    expect(outside.statusCode).toBe(404);
    expect((await move(collegeA2, world.collegeA2.id)).statusCode).toBe(404);
    expect((await move(secretaryA2, world.collegeA1.id)).statusCode).toBe(404);
    expect((await move(orgAdminB, world.collegeB1.id)).statusCode).toBe(404);
    expect((await move(orgAdminA, world.collegeB1.id)).statusCode).toBe(404);
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, branch.id));
    expect(row).toMatchObject({ parentId: world.collegeA1.id, version: 1 });
  });
});

describe('POST /orgs/:id/dissolve', () => {
  it('dissolves an empty org from a date: gone from the tree after, still there before', async () => {
    const branch = await freshBranch();
    const res = await collegeA1.post(`/api/v1/orgs/${branch.id}/dissolve`, { version: 1, effectiveOn: '2025-07-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json().org).toMatchObject({ validTo: '2025-07-01', version: 2 });
    expect(find((await orgAdminA.get('/api/v1/orgs/tree?asOf=2025-06-30')).json().roots, branch.id)).toBeDefined();
    expect(find((await orgAdminA.get('/api/v1/orgs/tree?asOf=2025-07-01')).json().roots, branch.id)).toBeUndefined();
    const history = (await orgAdminA.get(`/api/v1/orgs/${branch.id}/history`)).json().items;
    expect(history).toMatchObject([
      { change: 'create', validTo: '2025-07-01' },
      { change: 'dissolve', validFrom: '2025-07-01', validTo: '2025-07-01' },
    ]);
    const again = await collegeA1.post(`/api/v1/orgs/${branch.id}/dissolve`, { version: 2, effectiveOn: '2025-08-01' });
    expect(again.statusCode).toBe(409);
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, branch.id), eq(auditLog.action, 'dissolve')));
    expect(audit).toMatchObject({ entity: 'org', orgPath: branch.path });
  });

  it('refuses to dissolve an org that still has members or live children, saying why in both languages', async () => {
    const branch = await freshBranch();
    await buildMember(server.db, { tenantId: world.uniA.tenantId, orgId: branch.id, code: `D${seq}` });
    const withMembers = await orgAdminA.post(`/api/v1/orgs/${branch.id}/dissolve`, {
      version: 1,
      effectiveOn: '2025-07-01',
    });
    expect(withMembers.statusCode).toBe(409);
    expect(withMembers.json().error).toMatchObject({ code: 'CONFLICT', details: { children: 0, members: 1 } });
    expect(withMembers.json().error.message).toContain('1 名党员');
    const withChildren = await orgAdminA.request({
      method: 'POST',
      url: `/api/v1/orgs/${world.collegeA2.id}/dissolve`,
      payload: { version: 1, effectiveOn: '2025-07-01' },
      headers: { 'accept-language': 'en' },
    });
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().error.details.children).toBeGreaterThan(0);
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, branch.id));
    expect(row).toMatchObject({ validTo: null, version: 1 });
  });

  it('refuses a dissolution dated before its last member or child left', async () => {
    const branch = await freshBranch();
    const { membership } = await buildMember(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: branch.id,
      code: `L${seq}`,
    });
    await server.db.update(memberships).set({ validTo: '2025-05-01' }).where(eq(memberships.id, membership.id));
    const early = await orgAdminA.post(`/api/v1/orgs/${branch.id}/dissolve`, { version: 1, effectiveOn: '2025-04-30' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.effectiveOn']);
    const onTime = await orgAdminA.post(`/api/v1/orgs/${branch.id}/dissolve`, {
      version: 1,
      effectiveOn: '2025-05-01',
    });
    expect(onTime.statusCode).toBe(200);
  });

  it('refuses a date before the current state, a stale version and the university root', async () => {
    const branch = await freshBranch();
    const early = await orgAdminA.post(`/api/v1/orgs/${branch.id}/dissolve`, { version: 1, effectiveOn: '2019-01-01' });
    expect(fieldsOf(early)).toEqual(['body.effectiveOn']);
    expect(
      (await orgAdminA.post(`/api/v1/orgs/${branch.id}/dissolve`, { version: 7, effectiveOn: '2025-01-01' }))
        .statusCode,
    ).toBe(409);
    const root = await orgAdminA.post(`/api/v1/orgs/${world.uniA.rootId}/dissolve`, {
      version: 1,
      effectiveOn: '2025-01-01',
    });
    expect(fieldsOf(root)).toEqual(['params.id']);
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, branch.id));
    expect(row).toMatchObject({ validTo: null, version: 1 });
  });

  it('is a 404 outside the caller’s write scope', async () => {
    const branch = await freshBranch();
    for (const c of [secretaryA2, collegeA2, orgAdminB, oversight]) {
      const res = await c.post(`/api/v1/orgs/${branch.id}/dissolve`, { version: 1, effectiveOn: '2025-07-01' });
      expect(res.statusCode).toBe(404);
    }
    const [row] = await server.db.select().from(orgs).where(eq(orgs.id, branch.id));
    expect(row.validTo).toBeNull();
  });
});

describe('GET /orgs/:id/history', () => {
  it('is a 404 outside the caller’s scope and names a bad id', async () => {
    expect((await collegeA2.get(`/api/v1/orgs/${world.branchA1.id}/history`)).statusCode).toBe(404);
    expect((await orgAdminB.get(`/api/v1/orgs/${world.branchA1.id}/history`)).statusCode).toBe(404);
    expect((await secretaryA2.get(`/api/v1/orgs/${world.branchA1.id}/history`)).statusCode).toBe(404);
    expect(fieldsOf(await orgAdminA.get('/api/v1/orgs/123/history'))).toEqual(['params.id']);
    const own = await secretaryA1.get(`/api/v1/orgs/${world.branchA1.id}/history`);
    expect(own.json().items).toMatchObject([{ change: 'create', name: '机电教工第一党支部' }]);
  });
});
