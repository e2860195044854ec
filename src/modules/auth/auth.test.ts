import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/factories.ts';
import { createTestServer, type TestServer } from '../../../test/server.ts';
import { auditLog, loginFailures } from '../../db/schema.ts';

let server: TestServer;
let world: World;
beforeAll(async () => {
  server = await createTestServer();
  world = await buildWorld(server.db);
});
afterAll(() => server.close());

describe('sign-in', () => {
  it('signs in with the right password and returns the session with its grants', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'college-a1', password: world.accounts.collegeAdminA1.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zhibu_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(res.json().account.grants).toEqual([
      { role: 'collegeAdmin', tenantId: world.uniA.tenantId, orgId: world.collegeA1.id, oversightBodyId: null },
    ]);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.action, 'login'));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses a wrong password with 401 and a bilingual message', async () => {
    const res = await server.anonymous.post('/api/v1/auth/login', { username: 'college-a2', password: 'nope' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect(res.json().error.message).toBe('用户名或密码错误');
  });

  it('names the missing field on bad input', async () => {
    const res = await server.anonymous.post('/api/v1/auth/login', { username: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'body.password' })]);
  });

  it('locks a username after five failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      await server.anonymous.post('/api/v1/auth/login', { username: 'secretary-a2', password: 'wrong' });
    const res = await server.anonymous.post('/api/v1/auth/login', {
      username: 'secretary-a2',
      password: world.accounts.secretaryA2.password,
    });
    expect(res.statusCode).toBe(429);
    // After the lock ends the right password works again.
    server.setNow(new Date(Date.now() + 16 * 60_000));
    const later = await server.anonymous.post('/api/v1/auth/login', {
      username: 'secretary-a2',
      password: world.accounts.secretaryA2.password,
    });
    server.setNow(null);
    expect(later.statusCode).toBe(200);
    const rows = await server.db.select().from(loginFailures).where(eq(loginFailures.key, 'user:secretary-a2'));
    expect(rows).toEqual([]);
  });
});

describe('session', () => {
  it('requires a session for the API', async () => {
    const res = await server.anonymous.get('/api/v1/auth/session');
    expect(res.statusCode).toBe(401);
  });

  it('refuses a write without the CSRF token', async () => {
    const client = await server.signIn('member-a1');
    const res = await client.request({
      method: 'PATCH',
      url: '/api/v1/auth/preferences',
      payload: { locale: 'en-US' },
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    const session = await client.get('/api/v1/auth/session');
    expect(session.json().account.locale).toBe('zh-CN');
  });

  it('ends the session on sign-out', async () => {
    const client = await server.signIn('member-a1');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('changes the password, audits it and signs out other sessions', async () => {
    const first = await server.signIn('orgadmin-b');
    const second = await server.signIn('orgadmin-b');
    const res = await first.post('/api/v1/auth/password', {
      currentPassword: world.accounts.orgAdminB.password,
      newPassword: 'new-Password-22',
    });
    expect(res.statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await first.get('/api/v1/auth/session')).statusCode).toBe(200);
    await expect(server.signIn('orgadmin-b', 'new-Password-22')).resolves.toBeDefined();
  });

  it('rejects a weak new password naming the field, and keeps the old one', async () => {
    const client = await server.signIn('college-a2');
    const res = await client.post('/api/v1/auth/password', {
      currentPassword: world.accounts.collegeAdminA2.password,
      newPassword: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.newPassword');
    await expect(server.signIn('college-a2')).resolves.toBeDefined();
  });
});
