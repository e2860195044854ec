/**
 * Evaluation through the API on real records: a member in two branches at once breaks MEM-01
 * (national baseline). Stable identity across re-evaluation, resolve and reopen, run records, scope.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMembership, buildWorld, type World } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { evaluationRuns, findingEvents, memberships } from '../../db/schema.ts';

let server: TestServer;
let w: World;
let second: { id: string };

beforeAll(async () => {
  server = await createTestServer();
  w = await buildWorld(server.db);
  const admin = await server.signIn(w.accounts.orgAdminA.username);
  const { version } = (await admin.get('/api/v1/compliance/config')).json();
  const put = await admin.put('/api/v1/compliance/config', { standardSets: ['national-baseline'], version });
  expect(put.statusCode).toBe(200);
  second = await buildMembership(server.db, {
    tenantId: w.uniA.tenantId,
    personId: w.memberA1.person.id,
    orgId: w.branchA2.id,
    validFrom: '2024-06-01',
  });
});
afterAll(() => server.close());

const sign = (name: keyof World['accounts']) => server.signIn(w.accounts[name].username);
const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);
const asOf = '2026-06-30';
const runCount = async () => (await server.db.select().from(evaluationRuns)).length;
const setSecondEnd = (validTo: string | null) =>
  server.db
    .update(memberships)
    .set({ validTo })
    .where(and(eq(memberships.tenantId, w.uniA.tenantId), eq(memberships.id, second.id)));

async function mem01(status = 'open') {
  const c = await sign('orgAdminA');
  const res = await c.get(`/api/v1/compliance/findings?rule=MEM-01&status=${status}`);
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; person: { code: string } | null; message: { zh: string } }[];
}

describe('POST /compliance/evaluate', () => {
  it('evaluates the university, stores the findings and the run, and returns the summary', async () => {
    const c = await sign('orgAdminA');
    const res = await c.post('/api/v1/compliance/evaluate', { asOf });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ asOf, from: '2025-01-01', to: asOf, runId: expect.any(String) });
    expect(body.rules).toContain('MEM-01');
    expect(body.counts.opened).toBeGreaterThanOrEqual(1);
    const found = await mem01();
    expect(found).toHaveLength(1);
    expect(found[0].person?.code).toBe('A0001');
    expect(found[0].message.zh).toContain('同时在');
  });

  it('keeps the same findings on re-evaluation, and records resolve and reopen', async () => {
    const c = await sign('orgAdminA');
    const [first] = await mem01();
    const again = await c.post('/api/v1/compliance/evaluate', { asOf });
    // Unchanged data: nothing opens, reopens, resolves or is even rewritten.
    expect(again.json().counts).toMatchObject({ opened: 0, reopened: 0, resolved: 0, updated: 0 });
    expect((await mem01()).map((f) => f.id)).toEqual([first.id]);

    await setSecondEnd('2024-12-31');
    const resolved = await c.post('/api/v1/compliance/evaluate', { asOf });
    expect(resolved.json().counts.resolved).toBeGreaterThanOrEqual(1);
    expect(await mem01()).toEqual([]);
    expect((await mem01('resolved')).map((f) => f.id)).toEqual([first.id]);

    await setSecondEnd(null);
    const reopened = await c.post('/api/v1/compliance/evaluate', { asOf });
    expect(reopened.json().counts.reopened).toBeGreaterThanOrEqual(1);
    expect((await mem01()).map((f) => f.id)).toEqual([first.id]);

    const detail = (await c.get(`/api/v1/compliance/findings/${first.id}`)).json();
    expect(detail.history.map((h: { event: string }) => h.event)).toEqual(['opened', 'resolved', 'reopened']);
    expect(detail.evidence[0]).toEqual({ kind: 'person', id: w.memberA1.person.id, label: '李娜（A0001）' });
    expect(detail.evidence.filter((e: { kind: string }) => e.kind === 'membership')).toHaveLength(2);
    const events = await server.db.select().from(findingEvents).where(eq(findingEvents.findingId, first.id));
    expect(events).toHaveLength(3);

    // The member sees the finding about themself.
    const member = await sign('memberA1');
    const own = (await member.get('/api/v1/compliance/findings?rule=MEM-01')).json();
    expect(own.items.map((f: { id: string }) => f.id)).toEqual([first.id]);
  });

  it('takes today in Asia/Shanghai when no as-of date is given', async () => {
    server.setNow(new Date('2026-03-01T20:00:00Z'));
    try {
      const res = await (await sign('orgAdminA')).post('/api/v1/compliance/evaluate', {});
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ asOf: '2026-03-02', from: '2025-01-01', to: '2026-03-02' });
    } finally {
      server.setNow(null);
    }
  });

  it('rejects a bad range naming the field, and runs nothing', async () => {
    const c = await sign('orgAdminA');
    const before = await runCount();
    const reversed = await c.post('/api/v1/compliance/evaluate', { asOf, from: '2026-02-01', to: '2026-01-01' });
    expect(reversed.statusCode).toBe(400);
    expect(fields(reversed.json())).toEqual(['body.to']);
    const notADay = await c.post('/api/v1/compliance/evaluate', { asOf: '2026-02-30' });
    expect(fields(notADay.json())).toEqual(['body.asOf']);
    expect(await runCount()).toBe(before);
  });

  it('needs write scope over the org: a college admin evaluates their college only', async () => {
    const before = await runCount();
    const college = await sign('collegeAdminA1');
    expect((await college.post('/api/v1/compliance/evaluate', { asOf, org: w.collegeA2.id })).statusCode).toBe(404);
    expect(
      (await (await sign('orgAdminB')).post('/api/v1/compliance/evaluate', { asOf, org: w.collegeA1.id })).statusCode,
    ).toBe(404);
    expect(
      (await (await sign('oversightViewer')).post('/api/v1/compliance/evaluate', { asOf, org: w.uniA.rootId }))
        .statusCode,
    ).toBe(403);
    expect((await (await sign('memberA1')).post('/api/v1/compliance/evaluate', { asOf })).statusCode).toBe(404);
    expect(await runCount()).toBe(before);
    const own = await college.post('/api/v1/compliance/evaluate', { asOf });
    expect(own.statusCode).toBe(200);
    const [run] = await server.db.select().from(evaluationRuns).where(eq(evaluationRuns.id, own.json().runId));
    expect(run).toMatchObject({ orgId: w.collegeA1.id, trigger: 'manual', actorName: 'college-a1' });
  });
});

describe('GET /compliance/runs', () => {
  it('lists recent runs in scope: a college admin sees the university’s runs and their own, not another college’s', async () => {
    const all = (await (await sign('orgAdminA')).get('/api/v1/compliance/runs')).json().items;
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all[0].org.id).toBe(w.collegeA1.id);
    const other = (await (await sign('collegeAdminA2')).get('/api/v1/compliance/runs')).json().items;
    expect(other.length).toBe(all.length - 1);
    expect(other.every((r: { org: { id: string } }) => r.org.id === w.uniA.rootId)).toBe(true);
    expect((await (await sign('orgAdminB')).get('/api/v1/compliance/runs')).json().items).toEqual([]);
    const narrowed = (await (await sign('orgAdminA')).get(`/api/v1/compliance/runs?org=${w.collegeA2.id}`)).json();
    expect(narrowed.items).toHaveLength(all.length - 1);
    const bad = await (await sign('orgAdminA')).get('/api/v1/compliance/runs?org=x');
    expect(fields(bad.json())).toEqual(['querystring.org']);
  });
});
