import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, parameterOverrides, tenants } from '../../db/schema.ts';
import { ruleCatalog } from '../../domain/compliance/rule-catalog.ts';
import { ruleById } from '../../domain/compliance/rules.ts';
import { standardSets } from '../../domain/compliance/standard-sets.ts';

let server: TestServer;
let w: World;

beforeAll(async () => {
  server = await createTestServer();
  w = await buildWorld(server.db);
});
afterAll(() => server.close());

const sign = (name: keyof World['accounts']) => server.signIn(w.accounts[name].username);
const fields = (body: { error: { details: { field: string }[] } }) => body.error.details.map((d) => d.field);
const overridesOf = (tenantId: string) =>
  server.db.select().from(parameterOverrides).where(eq(parameterOverrides.tenantId, tenantId));
const auditOf = (entity: string, entityId: string) =>
  server.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)));

describe('catalog and standard sets', () => {
  it('lists every catalog id, marking which are implemented, with their parameter specs', async () => {
    const c = await sign('memberA1');
    const res = await c.get('/api/v1/compliance/rules');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; implemented: boolean; params: object; family: string }[];
    expect(items.map((i) => i.id)).toEqual(ruleCatalog.map((r) => r.id));
    for (const item of items) {
      expect(item.implemented).toBe(ruleById.has(item.id));
      expect(item.family).toBe(item.id.split('-')[0]);
      if (item.implemented) expect(item.params).toEqual(ruleById.get(item.id)?.params);
    }
    expect(items.some((i) => i.implemented)).toBe(true);
  });

  it('lists the five shipped sets with their rules and parameter values', async () => {
    const c = await sign('orgAdminA');
    const res = await c.get('/api/v1/compliance/standard-sets');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((s: { code: string }) => s.code)).toEqual(standardSets.map((s) => s.code));
    const hbzy = items.find((s: { code: string }) => s.code === 'hbzy-2019-3s3n');
    expect(hbzy.rules).toContain('ORG-01');
    expect(hbzy.parameters['ORG-06']).toEqual({ termYears: 3 });
    expect(hbzy.document.zh).toContain('鹤职院党发');
  });

  it('needs a session', async () => {
    expect((await server.anonymous.get('/api/v1/compliance/rules')).statusCode).toBe(401);
  });
});

describe('configuration', () => {
  it('shows the caller’s university by default, and another university only to those who read it', async () => {
    const admin = await sign('orgAdminA');
    const res = await admin.get('/api/v1/compliance/config');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ tenantId: w.uniA.tenantId, standardSets: ['hbzy-2019-3s3n'], canEdit: true });
    const college = await sign('collegeAdminA1');
    expect((await college.get('/api/v1/compliance/config')).json().canEdit).toBe(false);
    const other = await sign('orgAdminB');
    expect((await other.get(`/api/v1/compliance/config?university=${w.uniA.tenantId}`)).statusCode).toBe(404);
    const oversight = await sign('oversightViewer');
    expect((await oversight.get(`/api/v1/compliance/config?university=${w.uniA.tenantId}`)).statusCode).toBe(200);
    expect((await oversight.get(`/api/v1/compliance/config?university=${w.uniC.tenantId}`)).statusCode).toBe(404);
  });

  it('adopts sets with the current version, audited; a stale version is a 409', async () => {
    const admin = await sign('orgAdminB');
    const before = (await admin.get('/api/v1/compliance/config')).json();
    const res = await admin.put('/api/v1/compliance/config', {
      standardSets: ['national-baseline', 'hbzy-2019-3s3n'],
      version: before.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      standardSets: ['national-baseline', 'hbzy-2019-3s3n'],
      version: before.version + 1,
    });
    const audit = await auditOf('complianceConfig', w.uniB.tenantId);
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ standardSets: ['hbzy-2019-3s3n'] });
    expect(audit[0].after).toMatchObject({ standardSets: ['national-baseline', 'hbzy-2019-3s3n'] });
    const again = await admin.put('/api/v1/compliance/config', {
      standardSets: ['jyu-2021-plan'],
      version: before.version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('rejects an unknown set naming standardSets, and changes nothing', async () => {
    const admin = await sign('orgAdminA');
    const [before] = await server.db.select().from(tenants).where(eq(tenants.id, w.uniA.tenantId));
    const res = await admin.put('/api/v1/compliance/config', {
      standardSets: ['hbzy-2019-3s3n', 'no-such-set'],
      version: before.version,
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res.json())).toEqual(['body.standardSets']);
    expect(res.json().error.message).toContain('no-such-set');
    const [after] = await server.db.select().from(tenants).where(eq(tenants.id, w.uniA.tenantId));
    expect(after).toEqual(before);
  });

  it('lets only organization-department admins change the sets', async () => {
    const [t] = await server.db.select().from(tenants).where(eq(tenants.id, w.uniA.tenantId));
    const college = await sign('collegeAdminA1');
    const body = { standardSets: ['national-baseline'], version: t.version };
    expect((await college.put('/api/v1/compliance/config', body)).statusCode).toBe(403);
    const oversight = await sign('oversightViewer');
    expect(
      (await oversight.put('/api/v1/compliance/config', { ...body, university: w.uniA.tenantId })).statusCode,
    ).toBe(403);
    const other = await sign('orgAdminB');
    expect((await other.put('/api/v1/compliance/config', { ...body, university: w.uniA.tenantId })).statusCode).toBe(
      404,
    );
    const [after] = await server.db.select().from(tenants).where(eq(tenants.id, w.uniA.tenantId));
    expect(after.standardSets).toEqual(['hbzy-2019-3s3n']);
  });
});

describe('overrides and explain', () => {
  it('creates, changes and removes an override, each audited with before and after', async () => {
    const admin = await sign('orgAdminA');
    const created = await admin.post('/api/v1/compliance/overrides', {
      rule: 'ORG-01',
      orgId: w.collegeA1.id,
      values: { minFull: 5 },
      reason: '学院要求更严',
    });
    expect(created.statusCode).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({
      rule: 'ORG-01',
      orgId: w.collegeA1.id,
      orgCode: 'c-a1',
      orgName: '机电工程学院党总支',
      values: { minFull: 5 },
      reason: '学院要求更严',
      updatedByName: 'orgadmin-a',
      version: 1,
    });
    const config = (await admin.get('/api/v1/compliance/config')).json();
    expect(config.overrides.map((x: { id: string }) => x.id)).toEqual([o.id]);

    const changed = await admin.put(`/api/v1/compliance/overrides/${o.id}`, {
      values: { minFull: 4 },
      reason: '改为4人',
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ values: { minFull: 4 }, reason: '改为4人', version: 2 });
    const stale = await admin.put(`/api/v1/compliance/overrides/${o.id}`, {
      values: { minFull: 6 },
      reason: '过期',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect((await admin.delete(`/api/v1/compliance/overrides/${o.id}?version=1`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/v1/compliance/overrides/${o.id}?version=2`)).statusCode).toBe(204);
    expect(await overridesOf(w.uniA.tenantId)).toHaveLength(0);

    const audit = await auditOf('parameterOverride', o.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[0].orgPath).toBe(w.collegeA1.path);
    expect(audit[1].before).toMatchObject({ values: { minFull: 5 } });
    expect(audit[1].after).toMatchObject({ values: { minFull: 4 } });
    expect(audit[2].before).toMatchObject({ values: { minFull: 4 } });
  });

  it('rejects bad values naming the field, and writes nothing', async () => {
    const admin = await sign('orgAdminA');
    const audited = async () =>
      (await server.db.select().from(auditLog).where(eq(auditLog.entity, 'parameterOverride'))).length;
    const auditBefore = await audited();
    const base = { orgId: null, reason: '测试' };
    const unknown = await admin.post('/api/v1/compliance/overrides', { ...base, rule: 'ORG-99', values: { x: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown.json())).toEqual(['body.rule']);
    const negative = await admin.post('/api/v1/compliance/overrides', {
      ...base,
      rule: 'ORG-01',
      values: { minFull: -1 },
    });
    expect(negative.statusCode).toBe(400);
    expect(fields(negative.json())).toEqual(['body.values.minFull']);
    const noParam = await admin.post('/api/v1/compliance/overrides', { ...base, rule: 'ORG-01', values: { foo: 1 } });
    expect(fields(noParam.json())).toEqual(['body.values.foo']);
    const noReason = await admin.post('/api/v1/compliance/overrides', {
      orgId: null,
      rule: 'ORG-01',
      values: { minFull: 4 },
    });
    expect(fields(noReason.json())).toEqual(['body.reason']);
    expect(await overridesOf(w.uniA.tenantId)).toHaveLength(0);
    expect(await audited()).toBe(auditBefore);
  });

  it('refuses overrides to college admins, secretaries and other universities', async () => {
    const body = { rule: 'ORG-01', orgId: w.branchA1.id, values: { minFull: 4 }, reason: '测试' };
    expect((await (await sign('collegeAdminA1')).post('/api/v1/compliance/overrides', body)).statusCode).toBe(403);
    expect((await (await sign('secretaryA1')).post('/api/v1/compliance/overrides', body)).statusCode).toBe(403);
    const other = await sign('orgAdminB');
    expect(
      (await other.post('/api/v1/compliance/overrides', { ...body, university: w.uniA.tenantId })).statusCode,
    ).toBe(404);
    // An org of another university is not a subtree of this one.
    const wrongOrg = await other.post('/api/v1/compliance/overrides', body);
    expect(wrongOrg.statusCode).toBe(400);
    expect(fields(wrongOrg.json())).toEqual(['body.orgId']);
    expect(await overridesOf(w.uniA.tenantId)).toHaveLength(0);
    expect(await overridesOf(w.uniB.tenantId)).toHaveLength(0);
  });

  it('explains a parameter: the set value, then the nearest override with who and why', async () => {
    const admin = await sign('orgAdminA');
    const o = (
      await admin.post('/api/v1/compliance/overrides', {
        rule: 'ORG-01',
        orgId: null,
        values: { minFull: 4 },
        reason: '全校统一',
      })
    ).json();
    const college = await sign('collegeAdminA1');
    const res = await college.get(`/api/v1/compliance/explain?rule=ORG-01&org=${w.branchA1.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.org).toEqual({ id: w.branchA1.id, code: 'b-a1', name: '机电教工第一党支部' });
    const minFull = body.params.find((p: { param: string }) => p.param === 'minFull');
    expect(minFull.value).toBe(4);
    expect(minFull.source).toMatchObject({ kind: 'override', overrideId: o.id, by: 'orgadmin-a', reason: '全校统一' });
    // hbzy-2019-3s3n adopts ORG-01 without a value of its own: the default sits under the override.
    expect(minFull.fromSets).toEqual([]);
    expect(minFull.fromOverrides.map((f: { value: number }) => f.value)).toEqual([4]);

    expect((await college.get(`/api/v1/compliance/explain?rule=ORG-01&org=${w.branchA3.id}`)).statusCode).toBe(404);
    const bad = await college.get(`/api/v1/compliance/explain?rule=ORG-99&org=${w.branchA1.id}`);
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(['querystring.rule']);
    expect((await admin.delete(`/api/v1/compliance/overrides/${o.id}?version=1`)).statusCode).toBe(204);
  });
});

describe('OpenAPI', () => {
  it('documents every compliance endpoint', async () => {
    const res = await server.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(
        [
          'config',
          'evaluate',
          'explain',
          'findings',
          'findings.xlsx',
          'findings/{id}',
          'heatmap',
          'overrides',
          'overrides/{id}',
          'overview',
          'rules',
          'runs',
          'scorecard',
          'standard-sets',
          'todos',
          'trend',
        ].map((p) => `/api/v1/compliance/${p}`),
      ),
    );
  });
});
