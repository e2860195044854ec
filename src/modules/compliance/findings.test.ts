/**
 * Listing, filtering, detail, export and dashboards over findings written straight into the table
 * (evaluation itself is covered in evaluation.test.ts), and who sees which.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { standardSetByCode } from '../../domain/compliance/standard-sets.ts';
import { branchLevelRules } from './score.ts';
import { insertFinding } from './test-support.ts';

let server: TestServer;
let w: World;
const f: Record<string, { id: string }> = {};

beforeAll(async () => {
  server = await createTestServer();
  w = await buildWorld(server.db);
  const a = w.uniA.tenantId;
  const db = server.db;
  f.a1 = await insertFinding(db, {
    tenantId: a,
    org: w.branchA1,
    rule: 'LIFE-01',
    period: '2025-Q3',
    message: '机电教工第一党支部2025年第3季度未召开支部党员大会（要求每季度至少1次）',
    evidence: [
      { kind: 'org', id: w.branchA1.id },
      { kind: 'person', id: w.memberA1.person.id },
      { kind: 'meeting', id: crypto.randomUUID(), label: '已删除的会议' },
    ],
    numbers: { held: 0, required: 1 },
  });
  f.a1w = await insertFinding(db, {
    tenantId: a,
    org: w.groupA1,
    rule: 'LIFE-03',
    severity: 'warning',
    period: '2025-10',
  });
  f.a2 = await insertFinding(db, { tenantId: a, org: w.branchA2, rule: 'ORG-01', period: null });
  f.a3 = await insertFinding(db, { tenantId: a, org: w.branchA3, rule: 'LIFE-01', period: '2025-Q2' });
  f.mine = await insertFinding(db, {
    tenantId: a,
    org: w.branchA1,
    rule: 'MEM-03',
    severity: 'warning',
    period: null,
    personId: w.memberA1.person.id,
  });
  f.college = await insertFinding(db, { tenantId: a, org: w.collegeA1, rule: 'ORG-13', period: '2025' });
  f.resolved = await insertFinding(db, {
    tenantId: a,
    org: w.branchA1,
    rule: 'LIFE-02',
    period: '2024',
    status: 'resolved',
  });
  f.b1 = await insertFinding(db, { tenantId: w.uniB.tenantId, org: w.branchB1, rule: 'LIFE-01', period: '2025-Q3' });
});
afterAll(() => server.close());

const sign = (name: keyof World['accounts']) => server.signIn(w.accounts[name].username);
const ids = (res: { json(): { items: { id: string }[] } }) =>
  res
    .json()
    .items.map((i) => i.id)
    .sort();
const idsOf = (...keys: string[]) => keys.map((k) => f[k].id).sort();
const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);
/** Branch-level rules of hbzy-2019-3s3n, the university's set: the checks each branch is scored on. */
const hbzyBranchRules = () => branchLevelRules([standardSetByCode.get('hbzy-2019-3s3n')!]).length;
/** The score the dashboards give: the share of checks met, warnings counting half (see score.ts). */
const score = (failed: number, checks: number) => Math.round(100 * (1 - failed / checks));

describe('GET /compliance/findings', () => {
  it('lists the open findings of the caller’s university with org, person and message', async () => {
    const c = await sign('orgAdminA');
    const res = await c.get('/api/v1/compliance/findings');
    expect(res.statusCode).toBe(200);
    expect(ids(res)).toEqual(idsOf('a1', 'a1w', 'a2', 'a3', 'mine', 'college'));
    expect(res.json().total).toBe(6);
    const mine = res.json().items.find((i: { id: string }) => i.id === f.mine.id);
    expect(mine).toMatchObject({
      rule: 'MEM-03',
      family: 'MEM',
      severity: 'warning',
      org: { id: w.branchA1.id, code: 'b-a1', name: '机电教工第一党支部' },
      person: { id: w.memberA1.person.id, code: 'A0001', name: '李娜' },
      period: null,
      status: 'open',
      resolvedAt: null,
    });
    // Breaches before warnings.
    const severities = res.json().items.map((i: { severity: string }) => i.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('breach'));
  });

  it('filters by subtree, severity, rule, family, period, status, person and text, a page at a time', async () => {
    const c = await sign('orgAdminA');
    const q = async (query: string) => c.get(`/api/v1/compliance/findings?${query}`);
    expect(ids(await q(`org=${w.collegeA1.id}`))).toEqual(idsOf('a1', 'a1w', 'a2', 'mine', 'college'));
    expect(ids(await q('severity=warning'))).toEqual(idsOf('a1w', 'mine'));
    expect(ids(await q('rule=LIFE-01'))).toEqual(idsOf('a1', 'a3'));
    expect(ids(await q('family=ORG'))).toEqual(idsOf('a2', 'college'));
    expect(ids(await q('period=2025-Q3'))).toEqual(idsOf('a1'));
    expect(ids(await q('status=resolved'))).toEqual(idsOf('resolved'));
    expect((await q('status=all')).json().total).toBe(7);
    expect(ids(await q(`person=${w.memberA1.person.id}`))).toEqual(idsOf('mine'));
    expect(ids(await q(`q=${encodeURIComponent('机电学生')}`))).toEqual(idsOf('a2'));
    expect(ids(await q(`q=${encodeURIComponent('党员大会')}`))).toEqual(idsOf('a1'));
    const page2 = await q('pageSize=4&page=2');
    expect(page2.json().items).toHaveLength(2);
    expect(page2.json().total).toBe(6);
    const page9 = await q('pageSize=4&page=9');
    expect(page9.json()).toEqual({ items: [], total: 6 });
  });

  it('rejects bad filters naming the field', async () => {
    const c = await sign('orgAdminA');
    const bad = await c.get('/api/v1/compliance/findings?severity=fatal');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(['querystring.severity']);
    expect(fields((await c.get('/api/v1/compliance/findings?status=closed')).json())).toEqual(['querystring.status']);
    expect(fields((await c.get('/api/v1/compliance/findings?org=nope')).json())).toEqual(['querystring.org']);
  });

  it('shows each user only their scope: college, branch, own university, own findings', async () => {
    const list = async (name: keyof World['accounts'], query = '') =>
      ids(await (await sign(name)).get(`/api/v1/compliance/findings?${query}`));
    expect(await list('collegeAdminA1')).toEqual(idsOf('a1', 'a1w', 'a2', 'mine', 'college'));
    expect(await list('collegeAdminA1', `org=${w.collegeA2.id}`)).toEqual([]);
    expect(await list('collegeAdminA2')).toEqual(idsOf('a3'));
    expect(await list('secretaryA1')).toEqual(idsOf('a1', 'a1w', 'mine'));
    expect(await list('memberA1')).toEqual(idsOf('mine'));
    expect(await list('memberA1', `org=${w.branchA1.id}`)).toEqual(idsOf('mine'));
    expect(await list('orgAdminB')).toEqual(idsOf('b1'));
    const foreign = await (await sign('orgAdminB')).get(`/api/v1/compliance/findings?org=${w.collegeA1.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(await list('oversightViewer')).toEqual(idsOf('a1', 'a1w', 'a2', 'a3', 'mine', 'college', 'b1'));
  });
});

describe('GET /compliance/findings/:id', () => {
  it('gives the numbers, the evidence with fresh labels, and the history', async () => {
    const c = await sign('collegeAdminA1');
    const res = await c.get(`/api/v1/compliance/findings/${f.a1.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.message.zh).toBe('机电教工第一党支部2025年第3季度未召开支部党员大会（要求每季度至少1次）');
    expect(body.numbers).toEqual({ held: 0, required: 1 });
    expect(body.evidence).toEqual([
      { kind: 'org', id: w.branchA1.id, label: '机电教工第一党支部' },
      { kind: 'person', id: w.memberA1.person.id, label: '李娜（A0001）' },
      { kind: 'meeting', id: expect.any(String), label: '已删除的会议' },
    ]);
    expect(body.history.map((h: { event: string }) => h.event)).toEqual(['opened']);
  });

  it('is a 404 out of scope, and a member opens only their own', async () => {
    expect((await (await sign('collegeAdminA2')).get(`/api/v1/compliance/findings/${f.a1.id}`)).statusCode).toBe(404);
    expect((await (await sign('orgAdminB')).get(`/api/v1/compliance/findings/${f.a1.id}`)).statusCode).toBe(404);
    const member = await sign('memberA1');
    expect((await member.get(`/api/v1/compliance/findings/${f.a1.id}`)).statusCode).toBe(404);
    expect((await member.get(`/api/v1/compliance/findings/${f.mine.id}`)).statusCode).toBe(200);
    const bad = await member.get('/api/v1/compliance/findings/not-an-id');
    expect(bad.statusCode).toBe(400);
  });
});

describe('GET /compliance/findings.xlsx', () => {
  it('exports the filtered findings with Chinese headers and messages', async () => {
    const c = await sign('orgAdminA');
    const res = await c.get(`/api/v1/compliance/findings.xlsx?rule=LIFE-01`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      '规则编号',
      '类别',
      '严重程度',
      '组织',
      '组织编码',
      '党员',
      '党员编号',
      '期间',
      '问题描述',
      '依据',
      '状态',
      '发现时间',
      '解决时间',
    ]);
    expect(ws.rowCount).toBe(3);
    const messages = [2, 3].map((r) => ws.getRow(r).getCell(9).value);
    expect(messages).toContain('机电教工第一党支部2025年第3季度未召开支部党员大会（要求每季度至少1次）');
    expect(ws.getRow(2).getCell(3).value).toBe('违规');
  });

  it('exports only what the caller sees, and rejects bad filters', async () => {
    const c = await sign('collegeAdminA2');
    const res = await c.get('/api/v1/compliance/findings.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    expect(wb.worksheets[0].rowCount).toBe(2);
    expect(wb.worksheets[0].getRow(2).getCell(5).value).toBe('b-a3');
    expect((await c.get('/api/v1/compliance/findings.xlsx?family=XYZ')).statusCode).toBe(400);
  });
});

describe('GET /compliance/heatmap', () => {
  it('counts the open findings of each child’s subtree per family, with a score', async () => {
    const c = await sign('orgAdminA');
    const res = await c.get('/api/v1/compliance/heatmap');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.org).toMatchObject({ id: w.uniA.rootId, kind: 'university' });
    expect(body.families).toEqual(expect.arrayContaining(['ORG', 'LIFE']));
    expect(body.rows.map((r: { org: { code: string } }) => r.org.code)).toEqual(['c-a1', 'c-a2']);
    const [c1, c2] = body.rows;
    expect(c1.cells.LIFE).toEqual({ breach: 1, warning: 1, info: 0 });
    expect(c1.cells.ORG).toEqual({ breach: 2, warning: 0, info: 0 });
    expect(c1.cells.MEM).toEqual({ breach: 0, warning: 1, info: 0 });
    // Score: checks met of branches × branch-level hbzy rules (n). c-a1: three (org, rule) pairs
    // with a breach and two with a warning (half) of 2 × n; c-a2: one of n.
    const n = hbzyBranchRules();
    expect(c1).toMatchObject({ breach: 3, warning: 2, branches: 2, score: score(4, 2 * n) });
    expect(c2).toMatchObject({ breach: 1, warning: 0, branches: 1, score: score(1, n) });
  });

  it('drills down to a college (its branches) and keeps a college admin inside their college', async () => {
    const c = await sign('collegeAdminA1');
    const own = await c.get('/api/v1/compliance/heatmap');
    expect(own.json().org.id).toBe(w.collegeA1.id);
    expect(own.json().rows.map((r: { org: { code: string } }) => r.org.code)).toEqual(['b-a1', 'b-a2']);
    expect(own.json().rows[0]).toMatchObject({ breach: 1, warning: 2 });
    expect((await c.get(`/api/v1/compliance/heatmap?org=${w.uniA.rootId}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/compliance/heatmap?org=${w.collegeA2.id}`)).statusCode).toBe(404);
    expect(fields((await c.get('/api/v1/compliance/heatmap?org=1')).json())).toEqual(['querystring.org']);
  });
  it('asks a platform admin, who belongs to no university, which org to show', async () => {
    const c = await sign('platformAdmin');
    const res = await c.get('/api/v1/compliance/heatmap');
    expect(res.statusCode).toBe(400);
    expect(fields(res.json())).toEqual(['querystring.org']);
    const uniB = await c.get(`/api/v1/compliance/heatmap?org=${w.uniB.rootId}`);
    expect(uniB.json().rows).toEqual([
      expect.objectContaining({ breach: 1, branches: 1, score: score(1, hbzyBranchRules()) }),
    ]);
  });
});

describe('GET /compliance/trend', () => {
  it('counts breaches and warnings by the period they belong to', async () => {
    const c = await sign('orgAdminA');
    const res = await c.get('/api/v1/compliance/trend?by=quarter&from=2025-01-01&to=2025-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { period: '2025-Q1', breach: 0, warning: 0 },
      { period: '2025-Q2', breach: 1, warning: 0 },
      { period: '2025-Q3', breach: 1, warning: 0 },
      { period: '2025-Q4', breach: 1, warning: 1 },
    ]);
    const years = await c.get('/api/v1/compliance/trend?by=year&from=2024-01-01&to=2025-12-31');
    expect(years.json()).toEqual([
      { period: '2024', breach: 1, warning: 0 },
      { period: '2025', breach: 3, warning: 1 },
    ]);
  });

  it('stays in scope and rejects a bad range', async () => {
    const c = await sign('collegeAdminA2');
    const res = await c.get('/api/v1/compliance/trend?by=year&from=2025-01-01&to=2025-12-31');
    expect(res.json()).toEqual([{ period: '2025', breach: 1, warning: 0 }]);
    expect((await c.get(`/api/v1/compliance/trend?org=${w.collegeA1.id}`)).statusCode).toBe(404);
    const bad = await c.get('/api/v1/compliance/trend?from=2025-02-01&to=2025-01-01');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(['querystring.to']);
    expect(fields((await c.get('/api/v1/compliance/trend?by=week')).json())).toEqual(['querystring.by']);
  });
});

describe('GET /compliance/overview', () => {
  it('puts the universities of an oversight body side by side', async () => {
    const res = await (await sign('oversightViewer')).get('/api/v1/compliance/overview');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        university: { id: w.uniA.tenantId, code: 'uni-a', name: '甲职业技术学院' },
        branches: 3,
        members: 4,
        breach: 4,
        warning: 2,
        byFamily: { LIFE: 2, ORG: 2 },
        // 4 breached and 2 warned (org, rule) checks of 3 branches × n rules.
        score: score(5, 3 * hbzyBranchRules()),
      },
      {
        university: { id: w.uniB.tenantId, code: 'uni-b', name: '乙职业技术学院' },
        branches: 1,
        members: 1,
        breach: 1,
        warning: 0,
        byFamily: { LIFE: 1 },
        score: score(1, hbzyBranchRules()),
      },
    ]);
  });

  it('gives others their own university, counted over their own areas, and a member nothing', async () => {
    const admin = (await (await sign('orgAdminA')).get('/api/v1/compliance/overview')).json();
    expect(admin.map((u: { university: { code: string } }) => u.university.code)).toEqual(['uni-a']);
    const college = (await (await sign('collegeAdminA1')).get('/api/v1/compliance/overview')).json();
    expect(college).toEqual([expect.objectContaining({ branches: 2, members: 3, breach: 3, warning: 2 })]);
    expect((await (await sign('memberA1')).get('/api/v1/compliance/overview')).json()).toEqual([]);
  });
});

describe('GET /compliance/todos', () => {
  it('gives a secretary the warnings and breaches of their branch, and a member their own findings', async () => {
    const secRes = await (await sign('secretaryA1')).get('/api/v1/compliance/todos');
    const sec = secRes.json();
    expect(sec.items.map((i: { findingId: string }) => i.findingId).sort()).toEqual(idsOf('a1', 'a1w', 'mine'));
    expect(sec.items.find((i: { findingId: string }) => i.findingId === f.a1.id)).toMatchObject({
      orgId: w.branchA1.id,
      link: `/compliance/findings/${f.a1.id}`,
      mine: false,
    });
    const member = (await (await sign('memberA1')).get('/api/v1/compliance/todos')).json();
    expect(member.items).toEqual([expect.objectContaining({ findingId: f.mine.id, mine: true, rule: 'MEM-03' })]);
    const other = (await (await sign('orgAdminB')).get('/api/v1/compliance/todos')).json();
    expect(other.items.map((i: { findingId: string }) => i.findingId)).toEqual([f.b1.id]);
    expect((await (await sign('oversightViewer')).get('/api/v1/compliance/todos')).json().items).toEqual([]);
  });
});

describe('GET /compliance/scorecard', () => {
  it('lists every adopted, implemented branch rule with its status, open count and latest period', async () => {
    const hbzy = standardSetByCode.get('hbzy-2019-3s3n');
    const expected = Object.keys(hbzy?.rules ?? {}).filter((id) => {
      const r = ruleById.get(id);
      return r && !r.manual && r.scope !== 'university' && r.scope !== 'college';
    });
    expect(expected.length).toBeGreaterThan(0);
    const planted = ['LIFE-01', 'LIFE-02', 'LIFE-03', 'ORG-01', 'ORG-13', 'MEM-03'];
    const rule = expected.find((id) => !planted.includes(id)) as string;
    await insertFinding(server.db, { tenantId: w.uniA.tenantId, org: w.branchA2, rule, period: '2025-Q1' });
    await insertFinding(server.db, {
      tenantId: w.uniA.tenantId,
      org: w.branchA2,
      rule,
      period: '2025-Q2',
      status: 'resolved',
    });
    const c = await sign('secretaryA2');
    const res = await c.get(`/api/v1/compliance/scorecard?org=${w.branchA2.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.org).toMatchObject({ id: w.branchA2.id, kind: 'branch' });
    expect(body.rules.map((r: { rule: string }) => r.rule)).toEqual(expected);
    const byRule = new Map(body.rules.map((r: { rule: string }) => [r.rule, r]));
    expect(byRule.get(rule)).toMatchObject({ rule, status: 'breach', open: 1, lastPeriod: '2025-Q2' });
    if (byRule.has('ORG-01')) expect(byRule.get('ORG-01')).toMatchObject({ status: 'breach', open: 1 });
    const others = body.rules.filter((r: { rule: string }) => r.rule !== rule && r.rule !== 'ORG-01');
    expect(others.every((r: { status: string; open: number }) => r.status === 'ok' && r.open === 0)).toBe(true);
    // Open on the branch: the ORG-01 breach planted above and this one — 2 of the rules failed.
    expect(body.score).toBe(Math.round(100 * (1 - 2 / expected.length)));
  });

  it('is for a branch the caller reads', async () => {
    const c = await sign('secretaryA2');
    expect((await c.get(`/api/v1/compliance/scorecard?org=${w.branchA1.id}`)).statusCode).toBe(404);
    const admin = await sign('orgAdminA');
    const college = await admin.get(`/api/v1/compliance/scorecard?org=${w.collegeA1.id}`);
    expect(college.statusCode).toBe(400);
    expect(fields(college.json())).toEqual(['querystring.org']);
    expect(fields((await admin.get('/api/v1/compliance/scorecard')).json())).toEqual(['querystring.org']);
  });
});
