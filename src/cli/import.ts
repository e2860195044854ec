import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { oversightBodies } from '../db/schema.ts';
import { importDataset } from '../modules/dataset/import-dataset.ts';
import { systemActor } from '../server/audit.ts';
import { AppError } from '../server/errors.ts';
import { describeDatabase, openMigrated } from './database.ts';

/** Prints an application error in both languages with its details, one per line. */
export function reportFailure(error: unknown): void {
  if (!(error instanceof AppError)) throw error;
  const details = Array.isArray(error.details) ? (error.details as Record<string, unknown>[]) : [];
  if (details.length > 0 && error.code === 'BAD_INPUT') {
    console.error(
      `错误 Error: ${details.length} 处问题，未写入任何数据 / ${details.length} problem(s), nothing was written:`,
    );
  } else {
    console.error(`错误 Error: ${error.text.zh}`);
    console.error(`           ${error.text.en}`);
  }
  for (const d of details) console.error(`  ${String(d.pointer ?? d.field ?? d.row ?? '')}\t${String(d.reason ?? '')}`);
  process.exitCode = 1;
}

function readJson(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AppError('BAD_INPUT', {
      zh: `${file} 不是合法的 JSON：${(error as Error).message}`,
      en: `${file} is not valid JSON: ${(error as Error).message}`,
    });
  }
}

export function importCommand(program: Command, config: Config) {
  program
    .command('import')
    .description('导入数据集为新的学校 / import a zhibu-dataset/1 JSON document as a new university (docs/dataset.md)')
    .argument('<file>', 'file.json (zhibu-dataset/1)')
    .option('--oversight-body <code>', '所属工委代码 / code of the oversight body above the new university')
    .addHelpText(
      'after',
      '\n全部导入或全部不导入：文件中的每一处错误都会逐行列出（JSON 指针 + 原因）。\n' +
        'All or nothing: every problem in the file is listed (JSON pointer + reason) and nothing is written.',
    )
    .action(async (file: string, options: { oversightBody?: string }) => {
      const extension = path.extname(file).toLowerCase();
      try {
        if (extension !== '.json')
          throw new AppError('BAD_INPUT', {
            zh: `不支持的文件类型 ${extension || '(无扩展名)'}：请提供 .json 数据集`,
            en: `Unsupported file type ${extension || '(none)'}: give a .json dataset`,
          });
        const document = readJson(file);
        const database = await openMigrated(config);
        try {
          const started = Date.now();
          const result = await database.db.transaction(async (tx) => {
            let oversightBodyId: string | null = null;
            if (options.oversightBody) {
              const [body] = await tx
                .select({ id: oversightBodies.id })
                .from(oversightBodies)
                .where(eq(oversightBodies.code, options.oversightBody));
              if (!body)
                throw new AppError('BAD_INPUT', {
                  zh: `未知的工委代码 ${options.oversightBody}`,
                  en: `Unknown oversight body ${options.oversightBody}`,
                });
              oversightBodyId = body.id;
            }
            return importDataset(tx, { document, actor: systemActor('cli'), oversightBodyId });
          });
          console.log(
            `已导入 Imported ${result.university.code} ${result.university.name} into ${describeDatabase(config)} (${Date.now() - started} ms)`,
          );
          for (const [what, count] of Object.entries(result.counts)) console.log(`  ${what.padEnd(12)} ${count}`);
        } finally {
          await database.close();
        }
      } catch (error) {
        reportFailure(error);
      }
    });
}
