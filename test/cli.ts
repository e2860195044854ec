/**
 * Runs `zhibu` as an operator does: a child process on a fresh data directory, or on a fresh
 * database of the PostgreSQL server named by DATABASE_URL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from './db.ts';

const bin = path.resolve(import.meta.dirname, '../bin/zhibu.js');

export type CliRun = { code: number; stdout: string; stderr: string };

export type CliSandbox = {
  /** A temporary folder for the run's files; the data directory is `<dir>/data`. */
  dir: string;
  /** The scratch PostgreSQL database, when tests run against a server. */
  databaseUrl: string | undefined;
  run(args: string[], stdin?: string): Promise<CliRun>;
  dispose(): Promise<void>;
};

export async function createCliSandbox(prefix: string): Promise<CliSandbox> {
  const dir = mkdtempSync(path.join(tmpdir(), `zhibu-${prefix}-`));
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : null;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' };
  if (scratch) env.DATABASE_URL = scratch.url;
  else delete env.DATABASE_URL;
  return {
    dir,
    databaseUrl: scratch?.url,
    run(args, stdin) {
      return new Promise((resolve) => {
        const child = execFile(
          process.execPath,
          [bin, ...args],
          { env, maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) => {
            resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
          },
        );
        child.stdin?.end(stdin ?? '');
      });
    },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
      await scratch?.drop();
    },
  };
}
