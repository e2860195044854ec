import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { buildApp } from '../server/app.ts';
import { describeDatabase, openMigrated } from './database.ts';

export function serveCommand(program: Command, config: Config) {
  program
    .command('serve')
    .description('启动网页与接口服务 / serve the web app and API (PORT, HOST, DATA_DIR, DATABASE_URL)')
    .option('-p, --port <port>', 'port 端口', String(config.port))
    .option('--host <host>', 'address to listen on 监听地址', config.host)
    .action(async (options: { port: string; host: string }) => {
      const database = await openMigrated(config);
      const app = await buildApp({
        db: database.db,
        dataDir: config.dataDir,
        logger: config.logLevel !== 'silent',
        secureCookies: config.secureCookies,
      });
      const shutdown = async () => {
        await app.close();
        await database.close();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
      await app.listen({ port: Number(options.port), host: options.host });
      console.log(`Zhibu 支部 已启动 running at http://${options.host}:${options.port}  (${describeDatabase(config)})`);
    });
}
