/**
 * The browser-test harness: the real server (built web app + API) over a fresh in-memory PGlite
 * database holding the demo university, listening on a free local port, and Debian's Chromium driven by
 * playwright-core. Each test gets a fresh browser context (no cookies) and leaves a screenshot of
 * its end state in test-results/ for whoever has to find out why it failed.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { connect, type Database } from '../src/db/connect.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/server/context.ts';
import { type Fixture, seedDemoUniversity } from './fixture.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(repoRoot, 'test-results');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type Harness = {
  baseUrl: string;
  database: Database;
  db: Database['db'];
  /** What the tests may rely on: the logins and a college, branch and term that exist. */
  fixture: Fixture;
  browser: Browser;
  app: App;
  close(): Promise<void>;
};

export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(repoRoot, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` first (`npm run test:e2e` does)');
  }
  // Always embedded and in memory, whatever DATABASE_URL says: each run starts from nothing.
  const database = await connect({ dataDir: 'memory://' });
  await database.migrate();
  const fixture = await seedDemoUniversity(database.db);
  const app = await buildApp({ db: database.db, serveWeb: true, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    db: database.db,
    fixture,
    browser,
    app,
    async close() {
      await browser.close().catch(() => {});
      await app.close();
      await database.close();
    },
  };
}

export type BrowserSuite = {
  readonly harness: Harness;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Signs in through the login form and waits for the app shell (default: the university's admin). */
  signIn(login?: { username: string; password: string }): Promise<void>;
  /** A screenshot of the page now, into test-results/, for a step worth seeing when a test fails. */
  snap(name: string): Promise<void>;
  /** An API call with the page's session (cookie and CSRF token), as the web app makes it. */
  api<T = unknown>(method: string, url: string, body?: unknown): Promise<{ status: number; json: T }>;
};

const slug = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100);

/**
 * Registers the hooks of a browser-test file: one server and browser for the file, a fresh
 * context and page for each test, a screenshot after each.
 */
export function useBrowser(): BrowserSuite {
  let harness: Harness | null = null;
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  let csrfToken: string | null = null;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    if (!harness) throw new Error('harness did not start');
    context = await harness.browser.newContext({
      baseURL: harness.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    csrfToken = null;
    // The CSRF token arrives in the login/session responses; keep the latest for api().
    page.on('response', async (res) => {
      if (!/\/api\/v1\/auth\/(login|session)$/.test(new URL(res.url()).pathname) || res.status() !== 200) return;
      const body = await res.json().catch(() => null);
      if (body?.csrfToken) csrfToken = body.csrfToken;
    });
  });
  afterEach(async (ctx) => {
    if (page) {
      mkdirSync(resultsDir, { recursive: true });
      const file = `${slug(path.basename(ctx.task.file?.name ?? 'e2e', '.e2e.ts'))}--${slug(ctx.task.name)}.png`;
      await page.screenshot({ path: path.join(resultsDir, file), fullPage: true }).catch(() => {});
    }
    await context?.close();
    context = null;
    page = null;
  });

  const suite: BrowserSuite = {
    get harness() {
      if (!harness) throw new Error('harness not started');
      return harness;
    },
    get context() {
      if (!context) throw new Error('no browser context outside a test');
      return context;
    },
    get page() {
      if (!page) throw new Error('no page outside a test');
      return page;
    },
    async signIn(login) {
      const { username, password } = login ?? suite.harness.fixture.admin;
      const p = suite.page;
      await p.goto('/login');
      await p.getByLabel('用户名', { exact: true }).fill(username);
      await p.getByLabel('密码', { exact: true }).fill(password);
      const response = p.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
      await p.getByRole('button', { name: /登\s*录/ }).click();
      const res = await response;
      if (res.status() !== 200) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
      await p.getByTestId('app-shell').waitFor();
    },
    async snap(name) {
      mkdirSync(resultsDir, { recursive: true });
      await suite.page.screenshot({ path: path.join(resultsDir, `${slug(name)}.png`), fullPage: true });
    },
    async api(method, url, body) {
      const res = await suite.context.request.fetch(`${suite.harness.baseUrl}/api/v1${url}`, {
        method,
        headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
        ...(body === undefined ? {} : { data: body }),
      });
      return { status: res.status(), json: await res.json().catch(() => null) };
    },
  };
  return suite;
}
