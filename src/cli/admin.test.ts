/**
 * `zhibu admin create` as an operator runs it: a child process on a fresh data directory (or a
 * fresh database on the PostgreSQL server named by DATABASE_URL), then a sign-in through the real
 * app on the same database with the password it printed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, type CliSandbox, createCliSandbox } from '../../test/cli.ts';
import { connect } from '../db/connect.ts';
import { buildApp } from '../server/app.ts';

let cli: CliSandbox;
let dir: string;
let databaseUrl: string | undefined;

beforeAll(async () => {
  cli = await createCliSandbox('admin');
  dir = cli.dir;
  databaseUrl = cli.databaseUrl;
});
afterAll(() => cli.dispose());

function zhibu(args: string[], stdin?: string): Promise<CliRun> {
  return cli.run(args, stdin);
}

/** Opens the same database the CLI used (after the child has exited: PGlite allows one process). */
async function withApp<T>(work: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>): Promise<T> {
  const database = await connect({ databaseUrl, dataDir: path.join(dir, 'data', 'pgdata') });
  const app = await buildApp({ db: database.db, serveWeb: false });
  try {
    return await work(app);
  } finally {
    await app.close();
    await database.close();
  }
}

const login = (app: Awaited<ReturnType<typeof buildApp>>, username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

const printedPassword = (stdout: string) => /Password: (\S+)/.exec(stdout)?.[1];

// Each run starts a process and migrates: slow on a busy 2-core machine, never a timing assertion.
describe('zhibu admin create', { timeout: 120_000 }, () => {
  it('explains itself with --help', async () => {
    const run = await zhibu(['admin', 'create', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--password-stdin');
    expect(run.stdout).toContain('--university');
  });

  it('creates a platform admin on a fresh database and prints a password that signs in', async () => {
    const run = await zhibu(['admin', 'create', '--username', 'root', '--display-name', '平台管理员']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const password = printedPassword(run.stdout);
    expect(password).toMatch(/^[A-Za-z2-9]{14}$/);
    await withApp(async (app) => {
      const res = await login(app, 'root', password as string);
      expect(res.statusCode).toBe(200);
      expect(res.json().account.grants).toEqual([expect.objectContaining({ role: 'platformAdmin' })]);
      // While signed in, create the university the next test's org-department admin belongs to.
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/universities',
        headers: { cookie, 'x-csrf-token': res.json().csrfToken },
        payload: { code: 'cli-uni', name: '命令行大学', validFrom: '2020-01-01', standardSets: [] },
      });
      expect(created.statusCode).toBe(200);
    });
  });

  it('creates an org-department admin of a university with a password from stdin', async () => {
    const run = await zhibu(
      [
        'admin',
        'create',
        '--username',
        'cli-orgadmin',
        '--display-name',
        '组织部',
        '--role',
        'orgDepartmentAdmin',
        '--university',
        'cli-uni',
        '--password-stdin',
      ],
      'chosen-Password-7\n',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('chosen-Password-7');
    await withApp(async (app) => {
      const res = await login(app, 'cli-orgadmin', 'chosen-Password-7');
      expect(res.statusCode).toBe(200);
      expect(res.json().account.grants).toEqual([expect.objectContaining({ role: 'orgDepartmentAdmin' })]);
      expect(res.json().account.tenantId).toBe(res.json().account.grants[0].orgId);
    });
  });

  it('fails with a clear message for a duplicate username, an unknown university or a weak password', async () => {
    const duplicate = await zhibu(['admin', 'create', '--username', 'ROOT', '--display-name', 'x']);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('用户名“ROOT”已被使用');
    const unknown = await zhibu([
      'admin',
      'create',
      '--username',
      'someone',
      '--display-name',
      'x',
      '--role',
      'orgDepartmentAdmin',
      '--university',
      'no-such',
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Unknown university code "no-such"');
    const weak = await zhibu(
      ['admin', 'create', '--username', 'weakling', '--display-name', 'x', '--password-stdin'],
      'short\n',
    );
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('--password-stdin');
    const badRole = await zhibu([
      'admin',
      'create',
      '--username',
      'roleless',
      '--display-name',
      'x',
      '--role',
      'member',
    ]);
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('--role');
    await withApp(async (app) => {
      for (const username of ['someone', 'weakling', 'roleless']) {
        const res = await login(app, username, 'short');
        expect(res.statusCode).toBe(401);
      }
    });
  });
});
