/**
 * `zhibu seed --demo` as a user runs it: a child process on a fresh data directory (or a fresh
 * database on the PostgreSQL server named by DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, type CliSandbox, createCliSandbox } from '../../../test/cli.ts';

let cli: CliSandbox;

beforeAll(async () => {
  cli = await createCliSandbox('seed');
});
afterAll(() => cli.dispose());

function zhibu(...args: string[]): Promise<CliRun> {
  return cli.run(args);
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
  }, 300_000);
});
