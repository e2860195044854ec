import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { tenants } from '../db/schema.ts';
import { startComplianceJobs } from '../modules/compliance/jobs/scheduler.ts';
import { buildApp } from '../server/app.ts';
import { todayInShanghai } from '../server/context.ts';
import { describeDatabase, openMigrated } from './database.ts';
import { formatLogins, loadDemo } from './seed.ts';

/** On a database without any university, the first start loads the demo (unless ZHIBU_NO_DEMO=1). */
async function seedDemoOnFirstStart(db: Db) {
  if (process.env.ZHIBU_NO_DEMO === '1') return null;
  const [any] = await db.select({ id: tenants.id }).from(tenants).limit(1);
  if (any) return null;
  return loadDemo(db, todayInShanghai(new Date()));
}

export function serveCommand(program: Command, config: Config) {
  program
    .command('serve')
    .description('启动网页与接口服务 / serve the web app and API (PORT, HOST, DATA_DIR, DATABASE_URL)')
    .option('-p, --port <port>', 'port 端口', String(config.port))
    .option('--host <host>', 'address to listen on 监听地址', config.host)
    .action(async (options: { port: string; host: string }) => {
      const database = await openMigrated(config);
      const demo = await seedDemoOnFirstStart(database.db);
      const app = await buildApp({
        db: database.db,
        dataDir: config.dataDir,
        logger: config.logLevel !== 'silent',
        secureCookies: config.secureCookies,
      });
      const stopJobs = startComplianceJobs(database.db, {
        log: { info: (m) => app.log.info(m), error: (m) => app.log.error(m) },
      });
      const shutdown = async () => {
        stopJobs();
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      await app.listen({ port: Number(options.port), host: options.host });
      console.log(`Zhibu 支部 已启动 running at http://${options.host}:${options.port}  (${describeDatabase(config)})`);
      if (demo) {
        const rule = '='.repeat(78);
        console.log(`\n${rule}\n首次启动已载入示范数据 Demo data loaded on first start: 示范职业技术学院`);
        console.log(
          `(${demo.counts.people} 人员 people, ${demo.counts.orgs} 组织 orgs, ${demo.ms} ms; ZHIBU_NO_DEMO=1 跳过 skips this)`,
        );
        console.log('\n登录账号 Logins — 密码只显示这一次，请妥善保存 / passwords are shown only once:\n');
        console.log(formatLogins(demo.logins));
        console.log(`${rule}\n`);
      }
    });
}
