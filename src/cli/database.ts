import path from 'node:path';
import type { Config } from '../config.ts';
import { connect, type Database } from '../db/connect.ts';

/** Opens the configured database and brings its schema up to date: every command starts here. */
export async function openMigrated(config: Config): Promise<Database> {
  const database = await connect({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'pgdata'),
  });
  await database.migrate();
  return database;
}

export const describeDatabase = (config: Config) =>
  config.databaseUrl
    ? `PostgreSQL ${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname}`
    : `PGlite ${path.resolve(config.dataDir, 'pgdata')}`;
