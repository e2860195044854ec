import type { Command } from 'commander';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { type DemoLogin, demoAlreadyLoaded, demoExists, seedDemo } from '../modules/demo/seed-demo.ts';
import { todayInShanghai } from '../server/context.ts';
import { AppError } from '../server/errors.ts';
import { isoDate } from '../server/zod.ts';
import { describeDatabase, openMigrated } from './database.ts';
import { reportFailure } from './import.ts';

const roleNames: Record<string, string> = {
  platformAdmin: '平台管理员 platform admin',
  oversightViewer: '工委查看 oversight viewer',
  orgDepartmentAdmin: '组织部管理员 org-department admin',
  collegeAdmin: '二级党组织管理员 college admin',
  branchSecretary: '支部书记 branch secretary',
  member: '党员 member',
};

/** Display width: CJK characters take two columns in a terminal. */
const width = (text: string) => [...text].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

/** The logins as an aligned table; the passwords are shown only here, once. */
export function formatLogins(logins: DemoLogin[]): string {
  const rows = [
    ['角色 Role', '用户名 Username', '密码 Password', '范围 Scope'],
    ...logins.map((l) => [roleNames[l.role] ?? l.role, l.username, l.password, l.scope]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  return rows
    .map((r) =>
      r
        .map((cell, i) => pad(cell, widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Seeds the demo, timing it; shared by `zhibu seed --demo` and the first start of `zhibu serve`. */
export async function loadDemo(db: Db, asOf: string) {
  const started = performance.now();
  const result = await seedDemo(db, { asOf });
  return { ...result, ms: Math.round(performance.now() - started) };
}

export function seedCommand(program: Command, config: Config) {
  program
    .command('seed')
    .description('载入示范数据 / load demo data: a demo university with one login per role (generated passwords)')
    .option('--demo', '载入示范学校 load the demo university (示范职业技术学院)')
    .option('--as-of <date>', '以此日期生成 (YYYY-MM-DD, 默认今天 default today in Asia/Shanghai)')
    .option('--json', '以 JSON 输出账号 print the logins as JSON')
    .action(async (options: { demo?: boolean; asOf?: string; json?: boolean }) => {
      try {
        if (!options.demo)
          throw new AppError('BAD_INPUT', {
            zh: '请指定要载入的数据：--demo',
            en: 'Say what to seed: --demo',
          });
        const asOf = options.asOf ?? todayInShanghai(new Date());
        if (!isoDate.safeParse(asOf).success)
          throw new AppError('BAD_INPUT', {
            zh: `--as-of 须为 YYYY-MM-DD 格式的真实日期：${asOf}`,
            en: `--as-of must be a real date as YYYY-MM-DD: ${asOf}`,
          });
        const database = await openMigrated(config);
        try {
          if (await demoExists(database.db)) throw demoAlreadyLoaded();
          const result = await loadDemo(database.db, asOf);
          if (options.json) {
            console.log(
              JSON.stringify({ university: 'demo', asOf, counts: result.counts, logins: result.logins }, null, 2),
            );
          } else {
            console.log(
              `已载入示范学校 Demo university loaded (as of ${asOf}) into ${describeDatabase(config)} in ${result.ms} ms:`,
            );
            console.log(
              `  ${result.counts.orgs} 组织 orgs, ${result.counts.people} 人员 people, ${result.counts.memberships} 党籍记录 memberships, ${result.counts.terms} 届次 terms`,
            );
            console.log('\n登录账号 Logins (密码只显示这一次 passwords are shown only once):\n');
            console.log(formatLogins(result.logins));
          }
        } finally {
          await database.close();
        }
      } catch (error) {
        reportFailure(error);
      }
    });
}
