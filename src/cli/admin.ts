/**
 * `zhibu admin create`: the first real administrator of a fresh installation. There is no fixed
 * default password anywhere: one is generated and printed once, or read from stdin.
 */
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { tenants } from '../db/schema.ts';
import { createAccount } from '../modules/accounts/create-account.ts';
import type { ResolvedGrant } from '../modules/accounts/resolve-grant.ts';
import { displayName, username } from '../modules/accounts/schema.ts';
import { generatePassword, hashPassword, passwordWeakness } from '../modules/auth/passwords.ts';
import { rootPathOf } from '../modules/tenants/create-university.ts';
import { systemActor } from '../server/audit.ts';
import { AppError, badInput, conflict } from '../server/errors.ts';
import { describeDatabase, openMigrated } from './database.ts';
import { reportFailure } from './import.ts';

type Options = {
  username: string;
  displayName: string;
  role: string;
  university?: string;
  passwordStdin?: boolean;
};

const adminRoles = ['platformAdmin', 'orgDepartmentAdmin'];

const unknownUniversity = (code: string) =>
  new AppError('NOT_FOUND', {
    zh: `没有代码为“${code}”的学校（先创建学校或导入数据集）`,
    en: `Unknown university code "${code}" (create or import the university first)`,
  });

function checkOptions(options: Options) {
  const issues = [];
  const name = username.safeParse(options.username);
  if (!name.success) issues.push({ field: '--username', reason: name.error.issues[0].message });
  if (!displayName.safeParse(options.displayName).success)
    issues.push({ field: '--display-name', reason: '不能为空 / must not be empty' });
  if (!adminRoles.includes(options.role))
    issues.push({ field: '--role', reason: `须为 must be one of: ${adminRoles.join(', ')}` });
  if (options.role === 'orgDepartmentAdmin' && !options.university)
    issues.push({ field: '--university', reason: '组织部管理员须指定学校代码 / required for orgDepartmentAdmin' });
  if (options.role === 'platformAdmin' && options.university)
    issues.push({ field: '--university', reason: '平台管理员不属于任何学校 / a platform admin has no university' });
  if (issues.length) throw badInput(issues);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  // `echo secret | zhibu …` adds a newline that is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function choosePassword(fromStdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!fromStdin) return { password: generatePassword(), generated: true };
  const password = await readStdin();
  const weakness = passwordWeakness(password);
  if (weakness) throw badInput([{ field: '--password-stdin', reason: `${weakness.zh} / ${weakness.en}` }]);
  return { password, generated: false };
}

export function adminCommand(program: Command, config: Config) {
  const admin = program.command('admin').description('管理员账号 / administrator accounts');
  admin
    .command('create')
    .description('创建管理员账号（生成密码，仅显示一次）/ create an administrator (generated password, shown once)')
    .requiredOption('--username <username>', '用户名 username')
    .requiredOption('--display-name <name>', '显示名 display name')
    .option('--role <role>', `角色 role: ${adminRoles.join(' | ')}`, 'platformAdmin')
    .option('--university <code>', '学校代码（组织部管理员）university code, for orgDepartmentAdmin')
    .option('--password-stdin', '从标准输入读取密码 read the password from stdin instead of generating one')
    .action(async (options: Options) => {
      try {
        checkOptions(options);
        const { password, generated } = await choosePassword(options.passwordStdin ?? false);
        const passwordHash = await hashPassword(password);
        const database = await openMigrated(config);
        try {
          const account = await database.db.transaction(async (tx) => {
            let grant: ResolvedGrant = {
              role: 'platformAdmin',
              tenantId: null,
              orgId: null,
              orgPath: null,
              oversightBodyId: null,
            };
            if (options.university) {
              const [tenant] = await tx.select().from(tenants).where(eq(tenants.code, options.university));
              if (!tenant) throw unknownUniversity(options.university);
              grant = {
                role: 'orgDepartmentAdmin',
                tenantId: tenant.id,
                orgId: tenant.id,
                orgPath: rootPathOf(tenant.id),
                oversightBodyId: null,
              };
            }
            const created = await createAccount(tx, {
              username: options.username,
              displayName: options.displayName,
              tenantId: grant.tenantId,
              personId: null,
              grants: [grant],
              passwordHash,
              actor: systemActor('zhibu admin create'),
            });
            return created.account;
          });
          console.log(
            `已创建账号 Account created in ${describeDatabase(config)}: ${account.username} (${options.role}${options.university ? ` @ ${options.university}` : ''})`,
          );
          if (generated) {
            console.log('密码只显示这一次，请妥善保存 The password is shown only once; keep it safe:');
            console.log(`密码 Password: ${password}`);
          }
        } finally {
          await database.close();
        }
      } catch (error) {
        // The API's field names (body.username) mean nothing on the command line: the message says it all.
        reportFailure(error instanceof AppError && error.code === 'CONFLICT' ? conflict(error.text) : error);
      }
    });
}
