import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { describeDatabase, openMigrated } from './database.ts';

export function migrateCommand(program: Command, config: Config) {
  program
    .command('migrate')
    .description('应用数据库迁移 / apply database migrations (DATABASE_URL or DATA_DIR)')
    .action(async () => {
      const database = await openMigrated(config);
      await database.close();
      console.log(`数据库已是最新 Database is up to date: ${describeDatabase(config)}`);
    });
}
