import { and, count, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUniversity } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { accounts, auditLog, grants, memberships, orgs, oversightBodies, people, tenants } from '../../db/schema.ts';
import { exportDataset } from '../dataset/export-dataset.ts';
import { validateDataset } from '../dataset/validate-dataset.ts';
import { generateDemoDataset } from './generate-demo-dataset.ts';
import { type DemoLogin, seedDemo } from './seed-demo.ts';

const AS_OF = '2026-11-23';
let server: TestServer;
let logins: DemoLogin[];
let tenantId: string;
let seedMs: number;

beforeAll(async () => {
  server = await createTestServer();
  // Another university, to show the demo logins do not reach it.
  await buildUniversity(server.db, { code: 'other-uni', name: '其他职业技术学院' });
  const started = performance.now();
  const result = await seedDemo(server.db, { asOf: AS_OF });
  seedMs = performance.now() - started;
  logins = result.logins;
  tenantId = result.tenantId;
  console.log(`seedDemo on ${server.database.kind}: ${Math.round(seedMs)} ms, ${result.counts.people} people`);
}, 120_000);
afterAll(() => server.close());

const login = (role: string) => logins.find((l) => l.role === role) as DemoLogin;
const signIn = (role: string) => server.signIn(login(role).username, login(role).password);

async function currentMembersUnder(path: string) {
  const [row] = await server.db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(orgs, and(eq(orgs.tenantId, memberships.tenantId), eq(orgs.id, memberships.orgId)))
    .where(and(eq(memberships.tenantId, tenantId), isNull(memberships.validTo), like(orgs.path, `${path}%`)));
  return row.n;
}

const orgByCode = async (code: string) =>
  (
    await server.db
      .select()
      .from(orgs)
      .where(and(eq(orgs.tenantId, tenantId), eq(orgs.code, code)))
  )[0];
const personByCode = async (code: string) =>
  (
    await server.db
      .select()
      .from(people)
      .where(and(eq(people.tenantId, tenantId), eq(people.code, code)))
  )[0];

describe('seedDemo', () => {
  it('loads the demo university under a demo oversight body', async () => {
    const [tenant] = await server.db.select().from(tenants).where(eq(tenants.id, tenantId));
    expect(tenant).toMatchObject({ code: 'demo', name: '示范职业技术学院' });
    const [body] = await server.db
      .select()
      .from(oversightBodies)
      .where(eq(oversightBodies.id, tenant.oversightBodyId ?? ''));
    expect(body.code).toBe('demo-oversight');
    const [{ n }] = await server.db.select({ n: count() }).from(people).where(eq(people.tenantId, tenantId));
    expect(n).toBeGreaterThanOrEqual(800);
  });

  it('makes one login per role with distinct generated passwords, recorded in the audit trail', async () => {
    expect(logins.map((l) => l.role).sort()).toEqual(
      ['branchSecretary', 'collegeAdmin', 'member', 'orgDepartmentAdmin', 'oversightViewer', 'platformAdmin'].sort(),
    );
    expect(new Set(logins.map((l) => l.password)).size).toBe(6);
    for (const l of logins) {
      expect(l.password).toMatch(/^[A-Za-z0-9]{14}$/);
      expect(l.scope).toBeTruthy();
      const [account] = await server.db.select().from(accounts).where(eq(accounts.username, l.username));
      expect(account.passwordHash).toMatch(/^\$argon2id\$/);
      expect(account.passwordHash).not.toContain(l.password);
      const rows = await server.db.select().from(grants).where(eq(grants.accountId, account.id));
      expect(rows.map((g) => g.role)).toEqual([l.role]);
      const audit = await server.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'account'), eq(auditLog.entityId, account.id)));
      expect(audit).toHaveLength(1);
    }
    const [imported] = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'dataset'), eq(auditLog.tenantId, tenantId)));
    expect(imported.action).toBe('import');
  });

  it('links the secretary and the member logins to their people', async () => {
    const branch = await orgByCode('b-mech-s1');
    const session = await (await signIn('branchSecretary')).get('/api/v1/auth/session');
    const secretary = session.json().account;
    expect(secretary.grants).toEqual([expect.objectContaining({ role: 'branchSecretary', orgId: branch.id })]);
    const detail = await (await signIn('branchSecretary')).get(`/api/v1/people/${secretary.personId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().positions.some((p: { role: string }) => p.role === 'secretary')).toBe(true);
    const member = (await (await signIn('member')).get('/api/v1/auth/session')).json().account;
    expect(member.personId).toBeTruthy();
    expect(member.personId).not.toBe(secretary.personId);
  });

  it('lets the organization-department admin see the whole university', async () => {
    const client = await signIn('orgDepartmentAdmin');
    const res = await client.get('/api/v1/people?pageSize=1');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(800);
  });

  it('lets the college admin see its college only', async () => {
    const college = await orgByCode('c-mech');
    const client = await signIn('collegeAdmin');
    const res = await client.get('/api/v1/people?pageSize=1');
    expect(res.json().total).toBe(await currentMembersUnder(college.path));
    expect(res.json().total).toBeGreaterThan(100);
    const elsewhere = await personByCode('R0001');
    expect((await client.get(`/api/v1/people/${elsewhere.id}`)).statusCode).toBe(404);
  });

  it('lets the branch secretary see the branch only', async () => {
    const branch = await orgByCode('b-mech-s1');
    const client = await signIn('branchSecretary');
    const res = await client.get('/api/v1/people?pageSize=500');
    expect(res.json().total).toBe(await currentMembersUnder(branch.path));
    expect(res.json().total).toBeGreaterThan(30);
    for (const item of res.json().items) expect(item.membership.orgName).toBe(branch.name);
    const teacher = await personByCode('T0003');
    expect((await client.get(`/api/v1/people/${teacher.id}`)).statusCode).toBe(404);
  });

  it('lets the member see themself and nobody else', async () => {
    const client = await signIn('member');
    const me = (await client.get('/api/v1/auth/session')).json().account.personId;
    expect((await client.get(`/api/v1/people/${me}`)).statusCode).toBe(200);
    const secretary = (await (await signIn('branchSecretary')).get('/api/v1/auth/session')).json().account.personId;
    expect((await client.get(`/api/v1/people/${secretary}`)).statusCode).toBe(404);
  });

  it('lets the platform admin see every university and the oversight viewer only the demo', async () => {
    const platform = await (await signIn('platformAdmin')).get('/api/v1/universities');
    expect(
      platform
        .json()
        .items.map((u: { code: string }) => u.code)
        .sort(),
    ).toEqual(['demo', 'other-uni']);
    const oversight = await signIn('oversightViewer');
    const universities = await oversight.get('/api/v1/universities');
    expect(universities.json().items.map((u: { code: string }) => u.code)).toEqual(['demo']);
    expect((await oversight.get('/api/v1/people?pageSize=1')).json().total).toBeGreaterThanOrEqual(800);
  });

  it('exports as the document it was generated from', async () => {
    const generated = validateDataset(generateDemoDataset({ asOf: AS_OF, seed: 1 }));
    if (!generated.ok) throw new Error('the demo document is invalid');
    const exported = await exportDataset(server.db, { tenantId });
    // The export orders records by code; the generator lists parents first. Same records either way.
    const sorted = (items: unknown[]) => items.map((x) => JSON.stringify(x)).sort();
    expect(exported.university).toEqual(generated.dataset.university);
    for (const section of [
      'orgs',
      'people',
      'memberships',
      'terms',
      'meetings',
      'trainingSessions',
      'training',
    ] as const)
      expect(sorted(exported[section]), section).toEqual(sorted(generated.dataset[section]));
    for (const part of ['budgets', 'allocations', 'expenses'] as const)
      expect(sorted(exported.funds?.[part] ?? []), part).toEqual(sorted(generated.dataset.funds?.[part] ?? []));
  });

  it('refuses to load the demo twice and writes nothing', async () => {
    const before = await server.db.select({ n: count() }).from(accounts);
    await expect(seedDemo(server.db, { asOf: AS_OF })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await server.db.select({ n: count() }).from(accounts)).toEqual(before);
    expect(await server.db.select({ n: count() }).from(tenants)).toEqual([{ n: 2 }]);
  });
});
