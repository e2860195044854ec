/**
 * The real server over a fresh database, and signed-in clients that carry the session cookie
 * and CSRF token the way the browser does.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/context.ts';
import { createTestDatabase } from './db.ts';
import { TEST_PASSWORD } from './factories.ts';

export type TestServer = {
  app: App;
  database: Database;
  db: Database['db'];
  /** Moves the server's clock (for throttling, expiry and as-of behaviour). */
  setNow(now: Date | null): void;
  signIn(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
};

export type Client = {
  csrfToken: string | null;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
};

function makeClient(app: App, cookie: string | null, csrfToken: string | null): Client {
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(options.headers ?? {}),
      },
    });
  const withBody = (method: InjectOptions['method']) => (url: string, body?: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }) });
  return {
    csrfToken,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    delete: withBody('DELETE'),
  };
}

export async function createTestServer(): Promise<TestServer> {
  const database = await createTestDatabase();
  let fixedNow: Date | null = null;
  const app = await buildApp({ db: database.db, now: () => fixedNow ?? new Date(), serveWeb: false });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    setNow(now) {
      fixedNow = now;
    },
    async signIn(username, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return makeClient(app, cookie, res.json().csrfToken);
    },
    anonymous: makeClient(app, null, null),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
