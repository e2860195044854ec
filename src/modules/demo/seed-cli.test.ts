/**
 * `zhibu seed --demo` as a user runs it: a child process on a fresh data directory (or a fresh
 * database on the PostgreSQL server named by DATABASE_URL).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = path.resolve(import.meta.dirname, '../../../bin/zhibu.js');
let dir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'zhibu-seed-'));
  const server = process.env.DATABASE_URL;
  if (!server) return;
  const name = `zhibu_seed_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const dropper = new pg.Client({ connectionString: server });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropDatabase?.();
});

type Run = { code: number; stdout: string; stderr: string };

function zhibu(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('zhibu seed', () => {
  it('explains itself with --help', async () => {
    const run = await zhibu('seed', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--demo');
    expect(run.stdout).toContain('--as-of');
  });

  it('refuses without --demo and with an impossible date, naming the problem', async () => {
    const none = await zhibu('seed');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('--demo');
    const badDate = await zhibu('seed', '--demo', '--as-of', '2026-02-30');
    expect(badDate.code).not.toBe(0);
    expect(badDate.stderr).toContain('--as-of');
  }, 60_000);

  it('loads the demo on a fresh database, prints the logins, and refuses a second time', async () => {
    const first = await zhibu('seed', '--demo', '--as-of', '2026-11-23', '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(out.asOf).toBe('2026-11-23');
    expect(out.counts.people).toBeGreaterThanOrEqual(800);
    expect(out.logins).toHaveLength(6);
    for (const l of out.logins) expect(l.password).toMatch(/^[A-Za-z0-9]{14}$/);

    const again = await zhibu('seed', '--demo');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('示范学校');
    expect(again.stderr).toContain('already exists');
  }, 120_000);
});
