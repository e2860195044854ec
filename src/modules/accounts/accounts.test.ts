import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildMember, buildWorld, type World } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { accounts, auditLog, grants, sessions } from '../../db/schema.ts';

let server: TestServer;
let world: World;
beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
});
afterAll(() => server.close());

const countAccounts = async () => (await server.db.select({ n: sql<number>`count(*)::int` }).from(accounts))[0].n;

const usernames = (res: { json(): { items: { username: string }[] } }) => res.json().items.map((a) => a.username);

describe('GET /accounts', () => {
  it('lists every account for a platform admin', async () => {
    const client = await server.signIn('platform');
    const res = await client.get('/api/v1/accounts');
    expect(res.statusCode).toBe(200);
    expect(usernames(res)).toEqual(
      expect.arrayContaining(['platform', 'oversight', 'orgadmin-a', 'orgadmin-b', 'college-a1', 'member-a1']),
    );
    expect(res.body).not.toContain('argon2');
  });

  it('lists for a college admin only accounts whose grants all lie in the college', async () => {
    const client = await server.signIn('college-a1');
    const res = await client.get('/api/v1/accounts');
    expect(res.statusCode).toBe(200);
    const names = usernames(res);
    expect(names).toEqual(expect.arrayContaining(['college-a1', 'secretary-a1', 'secretary-a2', 'member-a1']));
    for (const other of ['college-a2', 'orgadmin-a', 'orgadmin-b', 'platform', 'oversight'])
      expect(names).not.toContain(other);
    const member = res.json().items.find((a: { username: string }) => a.username === 'member-a1');
    expect(member.grants).toEqual([
      expect.objectContaining({ role: 'member', orgId: world.branchA1.id, orgName: '机电教工第一党支部' }),
    ]);
    expect(member.personName).toBe('李娜');
  });

  it('shows the admin of another university nothing of this one', async () => {
    const client = await server.signIn('orgadmin-b');
    const names = usernames(await client.get('/api/v1/accounts'));
    expect(names).toContain('orgadmin-b');
    for (const other of ['orgadmin-a', 'college-a1', 'member-a1', 'secretary-a1']) expect(names).not.toContain(other);
  });

  it('shows members and oversight viewers no accounts', async () => {
    for (const username of ['member-a1', 'oversight']) {
      const client = await server.signIn(username);
      const res = await client.get('/api/v1/accounts');
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });

  it('returns 404 for an account of another college', async () => {
    const client = await server.signIn('college-a2');
    const res = await client.get(`/api/v1/accounts/${world.accounts.secretaryA1.id}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /accounts', () => {
  it('creates an account with a generated password that signs in, and audits it without the hash', async () => {
    const client = await server.signIn('college-a1');
    const res = await client.post('/api/v1/accounts', {
      username: 'New-Secretary',
      displayName: '新书记',
      grants: [{ role: 'branchSecretary', orgId: world.branchA2.id }],
    });
    expect(res.statusCode).toBe(200);
    const { account, password } = res.json();
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(account).toMatchObject({ username: 'New-Secretary', displayName: '新书记', tenantId: world.uniA.tenantId });
    expect(account.grants).toEqual([expect.objectContaining({ role: 'branchSecretary', orgId: world.branchA2.id })]);
    const [row] = await server.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const fresh = await server.signIn('new-secretary', password);
    const session = await fresh.get('/api/v1/auth/session');
    expect(session.json().account.grants[0].role).toBe('branchSecretary');
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, account.id));
    const created = audit.find((a) => a.action === 'create');
    expect(created?.orgPath).toBe(world.branchA2.path);
    expect(JSON.stringify(audit)).not.toContain(row.passwordHash);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it('creates a member account linked to a person of the branch', async () => {
    const client = await server.signIn('secretary-a1');
    const person = await buildMember(server.db, { tenantId: world.uniA.tenantId, orgId: world.branchA1.id });
    const res = await client.post('/api/v1/accounts', {
      username: 'member-new',
      displayName: '新党员',
      personId: person.person.id,
      grants: [{ role: 'member', orgId: world.branchA1.id }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.personId).toBe(person.person.id);
  });

  it('returns 404 when the linked person belongs to another branch', async () => {
    const before = await countAccounts();
    const client = await server.signIn('secretary-a1');
    const res = await client.post('/api/v1/accounts', {
      username: 'member-elsewhere',
      displayName: '他支部党员',
      personId: world.memberA2.person.id,
      grants: [{ role: 'member', orgId: world.branchA1.id }],
    });
    expect(res.statusCode).toBe(404);
    expect(await countAccounts()).toBe(before);
  });

  it('refuses a member grant without a person, naming personId, writing nothing', async () => {
    const before = await countAccounts();
    const client = await server.signIn('secretary-a1');
    const res = await client.post('/api/v1/accounts', {
      username: 'member-no-person',
      displayName: '无人员',
      grants: [{ role: 'member', orgId: world.branchA1.id }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.personId');
    expect(await countAccounts()).toBe(before);
  });

  it('names the bad field on malformed input and writes nothing', async () => {
    const before = await countAccounts();
    const client = await server.signIn('orgadmin-a');
    const res = await client.post('/api/v1/accounts', {
      username: 'x',
      displayName: '短',
      grants: [{ role: 'collegeAdmin', orgId: world.collegeA1.id }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.username');
    const noGrants = await client.post('/api/v1/accounts', { username: 'nogrants', displayName: '无', grants: [] });
    expect(noGrants.statusCode).toBe(400);
    expect(noGrants.json().error.details[0].field).toBe('body.grants');
    const wrongKind = await client.post('/api/v1/accounts', {
      username: 'wrong-kind',
      displayName: '错误',
      grants: [{ role: 'collegeAdmin', orgId: world.branchA1.id }],
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details[0].field).toBe('body.grants.0.orgId');
    expect(await countAccounts()).toBe(before);
  });

  it('refuses a username taken in another case with 409', async () => {
    const before = await countAccounts();
    const client = await server.signIn('orgadmin-a');
    const res = await client.post('/api/v1/accounts', {
      username: 'COLLEGE-A1',
      displayName: '重名',
      grants: [{ role: 'collegeAdmin', orgId: world.collegeA1.id }],
    });
    expect(res.statusCode).toBe(409);
    expect(await countAccounts()).toBe(before);
  });

  it('returns 404 when a college admin grants on an org of another college or university', async () => {
    const before = await countAccounts();
    const client = await server.signIn('college-a2');
    for (const orgId of [world.branchA1.id, world.branchB1.id]) {
      const res = await client.post('/api/v1/accounts', {
        username: `intruder-${orgId.slice(0, 4)}`,
        displayName: '越权',
        grants: [{ role: 'branchSecretary', orgId }],
      });
      expect(res.statusCode).toBe(404);
    }
    expect(await countAccounts()).toBe(before);
  });

  it('returns 403 when the role is above what the granter may grant', async () => {
    const before = await countAccounts();
    const college = await server.signIn('college-a1');
    const peer = await college.post('/api/v1/accounts', {
      username: 'peer-admin',
      displayName: '同级',
      grants: [{ role: 'collegeAdmin', orgId: world.collegeA1.id }],
    });
    expect(peer.statusCode).toBe(403);
    const orgAdmin = await server.signIn('orgadmin-a');
    for (const grant of [{ role: 'platformAdmin' }, { role: 'oversightViewer', oversightBodyId: world.body.id }]) {
      const res = await orgAdmin.post('/api/v1/accounts', {
        username: 'too-high',
        displayName: '越级',
        grants: [grant],
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await countAccounts()).toBe(before);
  });

  it('returns 403 to members and oversight viewers', async () => {
    const before = await countAccounts();
    for (const username of ['member-a1', 'oversight']) {
      const client = await server.signIn(username);
      const res = await client.post('/api/v1/accounts', {
        username: 'from-member',
        displayName: '党员建号',
        grants: [{ role: 'member', orgId: world.branchA1.id }],
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await countAccounts()).toBe(before);
  });

  it('lets a platform admin create an oversight viewer and an org-department admin', async () => {
    const client = await server.signIn('platform');
    const viewer = await client.post('/api/v1/accounts', {
      username: 'viewer-2',
      displayName: '工委观察员',
      grants: [{ role: 'oversightViewer', oversightBodyId: world.otherBody.id }],
    });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json().account.tenantId).toBeNull();
    const admin = await client.post('/api/v1/accounts', {
      username: 'orgadmin-c',
      displayName: '丙校组织部',
      grants: [{ role: 'orgDepartmentAdmin', orgId: world.uniC.rootId }],
    });
    expect(admin.statusCode).toBe(200);
    expect(admin.json().account.tenantId).toBe(world.uniC.tenantId);
  });
});

describe('PATCH /accounts/:id', () => {
  it('renames, then disables an account, ending its sessions; a disabled account cannot sign in', async () => {
    const target = await buildAccount(server.db, {
      role: 'branchSecretary',
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
      username: 'to-disable',
    });
    const targetClient = await server.signIn('to-disable');
    const client = await server.signIn('college-a1');
    const renamed = await client.patch(`/api/v1/accounts/${target.id}`, { version: 1, displayName: '改名' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: '改名', version: 2, disabled: false });
    const staleRes = await client.patch(`/api/v1/accounts/${target.id}`, { version: 1, disabled: true });
    expect(staleRes.statusCode).toBe(409);
    expect((await targetClient.get('/api/v1/auth/session')).statusCode).toBe(200);
    const disabled = await client.patch(`/api/v1/accounts/${target.id}`, { version: 2, disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect((await targetClient.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect(await server.db.select().from(sessions).where(eq(sessions.accountId, target.id))).toEqual([]);
    const login = await server.anonymous.post('/api/v1/auth/login', {
      username: 'to-disable',
      password: target.password,
    });
    expect(login.statusCode).toBe(401);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, target.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['update', 'disable']));
  });

  it('names the bad field and writes nothing', async () => {
    const client = await server.signIn('college-a1');
    const res = await client.patch(`/api/v1/accounts/${world.accounts.secretaryA1.id}`, {
      version: 1,
      displayName: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.displayName');
    const [row] = await server.db.select().from(accounts).where(eq(accounts.id, world.accounts.secretaryA1.id));
    expect(row.displayName).toBe('secretary-a1');
  });

  it('returns 404 to the admin of another college or university, 403 to a member', async () => {
    for (const username of ['college-a2', 'orgadmin-b']) {
      const client = await server.signIn(username);
      const res = await client.patch(`/api/v1/accounts/${world.accounts.secretaryA1.id}`, {
        version: 1,
        disabled: true,
      });
      expect(res.statusCode).toBe(404);
    }
    const member = await server.signIn('member-a1');
    const res = await member.patch(`/api/v1/accounts/${world.accounts.secretaryA1.id}`, { version: 1, disabled: true });
    expect(res.statusCode).toBe(403);
    const [row] = await server.db.select().from(accounts).where(eq(accounts.id, world.accounts.secretaryA1.id));
    expect(row.disabled).toBe(false);
  });

  it('refuses to let a secretary change a peer secretary of the same branch (403)', async () => {
    const peer = await buildAccount(server.db, {
      role: 'branchSecretary',
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
    });
    const client = await server.signIn('secretary-a1');
    const res = await client.patch(`/api/v1/accounts/${peer.id}`, { version: 1, disabled: true });
    expect(res.statusCode).toBe(403);
  });
});

describe('grants', () => {
  it('adds and removes a grant, auditing both', async () => {
    const target = await buildAccount(server.db, {
      role: 'branchSecretary',
      tenantId: world.uniA.tenantId,
      orgId: world.branchA1.id,
    });
    const client = await server.signIn('college-a1');
    const added = await client.post(`/api/v1/accounts/${target.id}/grants`, {
      role: 'branchSecretary',
      orgId: world.branchA2.id,
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().grants).toHaveLength(2);
    const dup = await client.post(`/api/v1/accounts/${target.id}/grants`, {
      role: 'branchSecretary',
      orgId: world.branchA2.id,
    });
    expect(dup.statusCode).toBe(409);
    const grantId = added.json().grants.find((g: { orgId: string }) => g.orgId === world.branchA2.id).id;
    const removed = await client.delete(`/api/v1/accounts/${target.id}/grants/${grantId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().grants).toHaveLength(1);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, target.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['grant', 'revoke']));
  });

  it('names the missing org and writes nothing', async () => {
    const client = await server.signIn('college-a1');
    const target = world.accounts.secretaryA2;
    const res = await client.post(`/api/v1/accounts/${target.id}/grants`, { role: 'branchSecretary' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.orgId');
    expect(await server.db.select().from(grants).where(eq(grants.accountId, target.id))).toHaveLength(1);
  });

  it('returns 404 for a grant on an org of another college, and for revoking there', async () => {
    const client = await server.signIn('college-a2');
    const res = await client.post(`/api/v1/accounts/${world.accounts.secretaryA1.id}/grants`, {
      role: 'member',
      orgId: world.branchA3.id,
    });
    expect(res.statusCode).toBe(404);
    const [grant] = await server.db.select().from(grants).where(eq(grants.accountId, world.accounts.secretaryA1.id));
    const revoke = await client.delete(`/api/v1/accounts/${world.accounts.secretaryA1.id}/grants/${grant.id}`);
    expect(revoke.statusCode).toBe(404);
    expect(await server.db.select().from(grants).where(eq(grants.id, grant.id))).toHaveLength(1);
    // A college admin's own account: grants on another college's org are 404 even to add.
    const own = await server.signIn('college-a1');
    const other = await own.post(`/api/v1/accounts/${world.accounts.secretaryA2.id}/grants`, {
      role: 'branchSecretary',
      orgId: world.branchA3.id,
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('POST /accounts/:id/reset-password', () => {
  it('returns a new password that signs in, ends old sessions and refuses the old password', async () => {
    const target = await buildAccount(server.db, {
      role: 'collegeAdmin',
      tenantId: world.uniA.tenantId,
      orgId: world.collegeA2.id,
      username: 'reset-me',
    });
    const old = await server.signIn('reset-me');
    const client = await server.signIn('orgadmin-a');
    const res = await client.post(`/api/v1/accounts/${target.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { password } = res.json();
    expect((await old.get('/api/v1/auth/session')).statusCode).toBe(401);
    await expect(server.signIn('reset-me', password)).resolves.toBeDefined();
    const stale = await server.anonymous.post('/api/v1/auth/login', {
      username: 'reset-me',
      password: target.password,
    });
    expect(stale.statusCode).toBe(401);
    const [entry] = await server.db.select().from(auditLog).where(eq(auditLog.action, 'resetPassword'));
    expect(entry.entityId).toBe(target.id);
    expect(entry.after).toBeNull();
  });

  it('returns 404 to the admin of another college and 403 to a member', async () => {
    const [before] = await server.db.select().from(accounts).where(eq(accounts.id, world.accounts.secretaryA2.id));
    const other = await server.signIn('college-a2');
    expect((await other.post(`/api/v1/accounts/${world.accounts.secretaryA2.id}/reset-password`)).statusCode).toBe(404);
    const member = await server.signIn('member-a1');
    expect((await member.post(`/api/v1/accounts/${world.accounts.secretaryA2.id}/reset-password`)).statusCode).toBe(
      403,
    );
    const [after] = await server.db.select().from(accounts).where(eq(accounts.id, world.accounts.secretaryA2.id));
    expect(after.passwordHash).toBe(before.passwordHash);
  });

  it('returns 404 for an id that is not a known account and 400 for a malformed one', async () => {
    const client = await server.signIn('platform');
    expect((await client.post(`/api/v1/accounts/${crypto.randomUUID()}/reset-password`)).statusCode).toBe(404);
    const bad = await client.post('/api/v1/accounts/not-a-uuid/reset-password');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params.id');
  });
});
