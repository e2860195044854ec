import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMembership, buildMemberWithLogin, buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, memberships, thoughtReports } from '../../db/schema.ts';
import { MAX_CONTENT, type ReportView } from './schema.ts';

let server: TestServer;
let world: World;
let orgAdminA: Client;
let orgAdminB: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretaryA1: Client;
let secretaryA2: Client;
let oversight: Client;
let memberA1: Client;
let peerA1: Client;
let memberA2: Client;

// 2026-05-20 in Shanghai.
beforeAll(async () => {
  server = await createTestServer();
  server.setNow(new Date('2026-05-20T03:00:00Z'));
  world = await buildWorld(server.db);
  await buildMemberWithLogin(server.db, {
    tenantId: world.uniA.tenantId,
    orgId: world.branchA1.id,
    code: 'A0101',
    name: '孙丽',
    username: 'peer-a1',
  });
  await buildMemberWithLogin(server.db, {
    tenantId: world.uniA.tenantId,
    orgId: world.branchA2.id,
    code: 'A0102',
    name: '周明',
    username: 'member-a2',
  });
  [orgAdminA, orgAdminB, collegeA1, collegeA2, secretaryA1, secretaryA2, oversight, memberA1, peerA1, memberA2] =
    await Promise.all(
      [
        'orgadmin-a',
        'orgadmin-b',
        'college-a1',
        'college-a2',
        'secretary-a1',
        'secretary-a2',
        'oversight',
        'member-a1',
        'peer-a1',
        'member-a2',
      ].map((u) => server.signIn(u)),
    );
});
afterAll(() => server.close());

const countReports = async () => (await server.db.select({ n: count() }).from(thoughtReports))[0].n;
const fieldsOf = (res: { json(): { error: { details: { field: string }[] } } }) =>
  res.json().error.details.map((d) => d.field);
const idsOf = (res: { json(): { items: { id: string }[] } }) =>
  res
    .json()
    .items.map((r) => r.id)
    .sort();

let report: ReportView;
let peerReport: ReportView;
let secretaryReport: ReportView;
let otherBranchReport: ReportView;

describe('POST /reports', () => {
  it('a member submits a report to their branch, dated today, and it is audited without its text', async () => {
    const res = await memberA1.post('/api/v1/reports', { content: '近期学习体会：……' });
    expect(res.statusCode).toBe(200);
    report = res.json();
    expect(report).toMatchObject({
      personId: world.memberA1.person.id,
      personName: '李娜',
      orgId: world.branchA1.id,
      orgName: '机电教工第一党支部',
      submittedOn: '2026-05-20',
      title: '思想汇报',
      content: '近期学习体会：……',
      readAt: null,
      comment: null,
      version: 1,
    });
    const [audit] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'thoughtReport'), eq(auditLog.entityId, report.id)));
    expect(audit.action).toBe('create');
    expect(JSON.stringify(audit.after)).not.toContain('近期学习体会');
  });

  it('other members, and a secretary who is a member, submit their own', async () => {
    peerReport = (
      await peerA1.post('/api/v1/reports', { title: '第二季度思想汇报', content: '工作与思想情况' })
    ).json();
    expect(peerReport).toMatchObject({ title: '第二季度思想汇报', personName: '孙丽', orgId: world.branchA1.id });
    const own = await secretaryA1.post('/api/v1/reports', { content: '书记本人的思想汇报' });
    expect(own.statusCode).toBe(200);
    secretaryReport = own.json();
    otherBranchReport = (await memberA2.post('/api/v1/reports', { content: '学生支部党员的汇报' })).json();
    expect(otherBranchReport.orgId).toBe(world.branchA2.id);
  });

  it('rejects empty or oversized content naming the field, writing nothing', async () => {
    const before = await countReports();
    for (const content of ['   ', 'x'.repeat(MAX_CONTENT + 1)]) {
      const res = await memberA1.post('/api/v1/reports', { content });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['body.content']);
    }
    const missing = await memberA1.post('/api/v1/reports', { title: 'x'.repeat(101) });
    expect(fieldsOf(missing).sort()).toEqual(['body.content', 'body.title']);
    expect(await countReports()).toBe(before);
  });

  it('an account that is not a member (an admin) cannot submit one (403), nothing is written', async () => {
    const before = await countReports();
    for (const client of [collegeA1, orgAdminA, secretaryA2, oversight]) {
      const res = await client.post('/api/v1/reports', { content: '代交' });
      expect(res.statusCode).toBe(403);
    }
    expect(await countReports()).toBe(before);
  });
});

describe('GET /reports', () => {
  it('the secretary sees the reports of their branch; the college and university above it too', async () => {
    const expected = [report.id, peerReport.id, secretaryReport.id].sort();
    expect(idsOf(await secretaryA1.get('/api/v1/reports'))).toEqual(expected);
    expect(idsOf(await collegeA1.get(`/api/v1/reports?orgId=${world.branchA1.id}`))).toEqual(expected);
    const all = await orgAdminA.get('/api/v1/reports');
    expect(all.json().total).toBe(4);
    expect(idsOf(await oversight.get(`/api/v1/reports?orgId=${world.branchA2.id}`))).toEqual([otherBranchReport.id]);
  });

  it('filters by person, by year, by unread, and pages', async () => {
    expect(idsOf(await secretaryA1.get(`/api/v1/reports?personId=${world.memberA1.person.id}`))).toEqual([report.id]);
    expect(idsOf(await secretaryA1.get('/api/v1/reports?year=2025'))).toEqual([]);
    expect((await secretaryA1.get('/api/v1/reports?year=2026&unread=1')).json().total).toBe(3);
    const page = (await secretaryA1.get('/api/v1/reports?pageSize=2&page=2')).json();
    expect([page.items.length, page.total]).toEqual([1, 3]);
    expect(page.items[0].excerpt).toBeTypeOf('string');
    expect(page.items[0]).not.toHaveProperty('content');
  });

  it('a member sees only their own', async () => {
    expect(idsOf(await memberA1.get('/api/v1/reports'))).toEqual([report.id]);
    expect(idsOf(await peerA1.get(`/api/v1/reports?personId=${world.memberA1.person.id}`))).toEqual([]);
  });

  it('another branch, another college, another university see nothing of branch A1', async () => {
    for (const client of [secretaryA2, collegeA2, orgAdminB]) {
      const res = await client.get(`/api/v1/reports?orgId=${world.branchA1.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [], total: 0 });
    }
    expect(idsOf(await secretaryA2.get('/api/v1/reports'))).toEqual([otherBranchReport.id]);
  });

  it('bad filters are a 400 naming them', async () => {
    const res = await secretaryA1.get('/api/v1/reports?unread=yes&year=20&personId=x');
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(['querystring.personId', 'querystring.unread', 'querystring.year']);
  });
});

describe('GET /reports/:id', () => {
  it('the member and their branch read the whole text', async () => {
    for (const client of [memberA1, secretaryA1, collegeA1, orgAdminA]) {
      const res = await client.get(`/api/v1/reports/${report.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().content).toBe('近期学习体会：……');
    }
  });

  it('another member, another branch, another college, another university get 404', async () => {
    for (const client of [peerA1, memberA2, secretaryA2, collegeA2, orgAdminB])
      expect((await client.get(`/api/v1/reports/${report.id}`)).statusCode).toBe(404);
    expect((await memberA1.get(`/api/v1/reports/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await memberA1.get('/api/v1/reports/123')).statusCode).toBe(400);
  });
});

describe('POST /reports/:id/read', () => {
  it('the secretary marks a report read with a comment; it leaves the unread list; audited', async () => {
    const res = await secretaryA1.post(`/api/v1/reports/${report.id}/read`, {
      version: report.version,
      comment: '认识深刻，继续保持',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      readBy: expect.any(String),
      readByName: 'secretary-a1',
      readAt: '2026-05-20T03:00:00.000Z',
      comment: '认识深刻，继续保持',
      version: 2,
    });
    const unread = await secretaryA1.get('/api/v1/reports?unread=1');
    expect(idsOf(unread)).toEqual([peerReport.id, secretaryReport.id].sort());
    expect((await memberA1.get(`/api/v1/reports/${report.id}`)).json().comment).toBe('认识深刻，继续保持');
    const audits = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'thoughtReport'), eq(auditLog.entityId, report.id), eq(auditLog.action, 'read')));
    expect(audits).toHaveLength(1);
  });

  it('a stale version is a 409; without a version it reads again and replaces the comment', async () => {
    const stale = await secretaryA1.post(`/api/v1/reports/${report.id}/read`, { version: 1, comment: '旧' });
    expect(stale.statusCode).toBe(409);
    const again = await collegeA1.post(`/api/v1/reports/${report.id}/read`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ readByName: 'college-a1', comment: null, version: 3 });
  });

  it('a too long comment is a 400 and changes nothing', async () => {
    const res = await secretaryA1.post(`/api/v1/reports/${peerReport.id}/read`, { comment: '评'.repeat(2001) });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.comment']);
    const [row] = await server.db.select().from(thoughtReports).where(eq(thoughtReports.id, peerReport.id));
    expect([row.readAt, row.version]).toEqual([null, 1]);
  });

  it('the member cannot mark their own read (403), nor the secretary theirs', async () => {
    expect((await memberA1.post(`/api/v1/reports/${report.id}/read`, {})).statusCode).toBe(403);
    expect((await secretaryA1.post(`/api/v1/reports/${secretaryReport.id}/read`, {})).statusCode).toBe(403);
    expect((await oversight.post(`/api/v1/reports/${peerReport.id}/read`, {})).statusCode).toBe(403);
  });

  it('another member, branch, college or university gets 404 and nothing changes', async () => {
    for (const client of [memberA1, secretaryA2, collegeA2, orgAdminB])
      expect((await client.post(`/api/v1/reports/${peerReport.id}/read`, { comment: '越权' })).statusCode).toBe(404);
    const [row] = await server.db.select().from(thoughtReports).where(eq(thoughtReports.id, peerReport.id));
    expect([row.readAt, row.comment, row.version]).toEqual([null, null, 1]);
  });
});

describe('a member who moves', () => {
  it('reports to the branch they belong to on the day; earlier reports stay with the earlier branch', async () => {
    const mover = await buildMemberWithLogin(server.db, {
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
      code: 'A0103',
      name: '吴迪',
      username: 'mover',
    });
    const client = await server.signIn('mover');
    const first = (await client.post('/api/v1/reports', { content: '调动前' })).json();
    await server.db.update(memberships).set({ validTo: '2026-05-20' }).where(eq(memberships.id, mover.membership.id));
    await buildMembership(server.db, {
      tenantId: world.uniA.tenantId,
      personId: mover.person.id,
      orgId: world.branchA3.id,
      validFrom: '2026-05-20',
    });
    const second = (await client.post('/api/v1/reports', { content: '调动后' })).json();
    expect([first.orgId, second.orgId]).toEqual([world.branchA1.id, world.branchA3.id]);
    const a1 = idsOf(await secretaryA1.get(`/api/v1/reports?personId=${mover.person.id}`));
    expect(a1).toEqual([first.id]);
    const a3 = idsOf(await collegeA2.get(`/api/v1/reports?personId=${mover.person.id}`));
    expect(a3).toEqual([second.id]);
    expect(idsOf(await client.get('/api/v1/reports'))).toEqual([first.id, second.id].sort());
  });
});
