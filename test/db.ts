/**
 * A fresh database per test file: PGlite in memory by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (created here, dropped on close).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../src/db/connect.ts';

export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await connect({});
    await database.migrate();
    return database;
  }
  const name = `zhibu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await connect({ databaseUrl: testUrl.toString() });
  await database.migrate();
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
