import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { tenants } from '../db/schema.ts';
import { exportDatasetSnapshot } from '../modules/dataset/export-dataset.ts';
import { AppError } from '../server/errors.ts';
import { openMigrated } from './database.ts';
import { reportFailure } from './import.ts';

export function exportCommand(program: Command, config: Config) {
  program
    .command('export')
    .description('导出一所学校为数据集 / export a university as a zhibu-dataset/1 JSON document')
    .option('--university <code>', '学校代码（只有一所学校时可省略）/ university code (optional when there is one)')
    .option('--out <file>', '输出文件（默认标准输出）/ write to this file instead of standard output')
    .action(async (options: { university?: string; out?: string }) => {
      try {
        const database = await openMigrated(config);
        try {
          const all = await database.db.select({ id: tenants.id, code: tenants.code }).from(tenants);
          const codes = all.map((t) => t.code).sort();
          const chosen = options.university ? all.find((t) => t.code === options.university) : all[0];
          if (options.university && !chosen)
            throw new AppError('NOT_FOUND', {
              zh: `没有代码为 ${options.university} 的学校（现有：${codes.join('、') || '无'}）`,
              en: `No university with code ${options.university} (there are: ${codes.join(', ') || 'none'})`,
            });
          if (!chosen)
            throw new AppError('NOT_FOUND', { zh: '数据库中还没有学校', en: 'The database holds no university yet' });
          if (!options.university && all.length > 1)
            throw new AppError('BAD_INPUT', {
              zh: `有多所学校，请用 --university 指定：${codes.join('、')}`,
              en: `There are several universities; choose one with --university: ${codes.join(', ')}`,
            });
          const document = await exportDatasetSnapshot(database.db, { tenantId: chosen.id });
          const json = `${JSON.stringify(document, null, 2)}\n`;
          if (options.out) {
            writeFileSync(options.out, json);
            console.log(
              `已导出 Exported ${chosen.code} to ${options.out}: ${document.orgs.length} orgs, ${document.people.length} people, ` +
                `${document.memberships.length} memberships, ${document.terms.length} terms, ${document.meetings.length} meetings`,
            );
          } else {
            // A reader that stops early (`| head`) is not an error of the export.
            process.stdout.on('error', (error: NodeJS.ErrnoException) => {
              if (error.code !== 'EPIPE') throw error;
            });
            process.stdout.write(json);
          }
        } finally {
          await database.close();
        }
      } catch (error) {
        reportFailure(error);
      }
    });
}
