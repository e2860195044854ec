import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsFor } from '../../../test/compliance.ts';
import { buildWorld, type World } from '../../../test/factories.ts';
import { type Client, createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, ruleVerdicts } from '../../db/schema.ts';
import { ruleById } from '../../domain/compliance/rules.ts';

let server: TestServer;
let world: World;
let orgAdmin: Client;
let collegeA1: Client;
let collegeA2: Client;
let secretary: Client;
let otherUniversity: Client;

// A manual rule about a college, judged by the organization department (LIFE-16 at the time of writing).
const manualRule = [...ruleById.values()].find((r) => r.manual && r.scope === 'college');

beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
  [orgAdmin, collegeA1, collegeA2, secretary, otherUniversity] = await Promise.all(
    ['orgadmin-a', 'college-a1', 'college-a2', 'secretary-a1', 'orgadmin-b'].map((u) => server.signIn(u)),
  );
});
afterAll(() => server.close());

const verdictCount = async () => (await server.db.select().from(ruleVerdicts)).length;

describe('verdicts on manual rules', () => {
  it('has a manual rule to judge', () => {
    expect(manualRule).toBeDefined();
  });

  it('turns a superior\'s "not met" into a finding, and "met" makes it go away', async () => {
    const rule = manualRule!.id;
    const created = await orgAdmin.post('/api/v1/compliance/verdicts', {
      rule,
      orgId: world.collegeA1.id,
      period: '2025',
      verdict: 'notMet',
      note: '全年未听取支部建设情况汇报',
      decidedOn: '2026-01-15',
    });
    expect(created.statusCode).toBe(200);
    const verdict = created.json();
    expect(verdict).toMatchObject({
      rule,
      org: { code: 'c-a1' },
      verdict: 'notMet',
      decidedOn: '2026-01-15',
      version: 1,
    });

    const asOf = '2026-03-01';
    const findings = await findingsFor(server.db, { tenantId: world.uniA.tenantId, asOf, rules: [rule] });
    expect(findings).toEqual([
      expect.objectContaining({
        rule,
        severity: 'breach',
        org: 'c-a1',
        period: '2025',
        message: `${manualRule!.title.zh}：经人工判定未达标——全年未听取支部建设情况汇报（${verdict.decidedByName}，2026-01-15）`,
      }),
    ]);

    const met = await orgAdmin.put(`/api/v1/compliance/verdicts/${verdict.id}`, {
      verdict: 'met',
      note: '补充提供了2025年12月的汇报记录',
      version: 1,
    });
    expect(met.statusCode).toBe(200);
    expect(await findingsFor(server.db, { tenantId: world.uniA.tenantId, asOf, rules: [rule] })).toEqual([]);

    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, verdict.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);

    const stale = await orgAdmin.put(`/api/v1/compliance/verdicts/${verdict.id}`, { verdict: 'notMet', version: 1 });
    expect(stale.statusCode).toBe(409);
    const twice = await orgAdmin.post('/api/v1/compliance/verdicts', {
      rule,
      orgId: world.collegeA1.id,
      period: '2025',
      verdict: 'notMet',
      note: 'again',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('rejects rules that are checked automatically, unknown rules and bad periods, writing nothing', async () => {
    const before = await verdictCount();
    const automatic = await orgAdmin.post('/api/v1/compliance/verdicts', {
      rule: 'LIFE-01',
      orgId: world.branchA1.id,
      period: '2025-Q1',
      verdict: 'notMet',
      note: 'x',
    });
    expect(automatic.statusCode).toBe(400);
    expect(automatic.json().error.details).toEqual([expect.objectContaining({ field: 'body.rule' })]);
    const badPeriod = await orgAdmin.post('/api/v1/compliance/verdicts', {
      rule: manualRule!.id,
      orgId: world.collegeA1.id,
      period: 'last year',
      verdict: 'notMet',
      note: 'x',
    });
    expect(badPeriod.statusCode).toBe(400);
    expect(JSON.stringify(badPeriod.json().error.details)).toContain('period');
    expect(await verdictCount()).toBe(before);
  });

  it('lets only the superior judge, and only within scope', async () => {
    const before = await verdictCount();
    const body = { rule: manualRule!.id, orgId: world.collegeA1.id, period: '2024', verdict: 'notMet', note: '自评' };
    // A college cannot judge itself; another college and another university cannot see it.
    expect((await collegeA1.post('/api/v1/compliance/verdicts', body)).statusCode).toBe(400);
    expect((await collegeA2.post('/api/v1/compliance/verdicts', body)).statusCode).toBe(404);
    expect((await otherUniversity.post('/api/v1/compliance/verdicts', body)).statusCode).toBe(404);
    expect((await secretary.post('/api/v1/compliance/verdicts', body)).statusCode).toBe(404);
    expect(await verdictCount()).toBe(before);

    const mine = await collegeA1.get('/api/v1/compliance/verdicts');
    expect(mine.json().items.map((v: { org: { code: string } }) => v.org.code)).toEqual(['c-a1']);
    expect((await collegeA2.get('/api/v1/compliance/verdicts')).json().items).toEqual([]);
    expect((await otherUniversity.get('/api/v1/compliance/verdicts')).json().items).toEqual([]);
  });
});
