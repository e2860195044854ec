import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { exportDatasetSnapshot } from '../modules/dataset/export-dataset.ts';
import { chooseUniversity } from './choose-university.ts';
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
          const chosen = await chooseUniversity(database.db, options.university);
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
