import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { oversightBodies } from '../db/schema.ts';
import { datasetInvalid, importDataset } from '../modules/dataset/import-dataset.ts';
import { validateDataset } from '../modules/dataset/validate-dataset.ts';
import {
  importMeetingRows,
  meetingsRejected,
  parseMeetingWorkbook,
} from '../modules/meeting-import/import-meetings-cli.ts';
import { importRoster, parseRosterWorkbook, type RosterRow, type RowIssue } from '../modules/roster/import-roster.ts';
import { systemActor } from '../server/audit.ts';
import { todayInShanghai } from '../server/context.ts';
import { AppError } from '../server/errors.ts';
import type { Actor } from '../server/scope.ts';
import { chooseUniversity } from './choose-university.ts';
import { describeDatabase, openMigrated } from './database.ts';

/** Prints an application error in both languages with its details, one per line; exit code 1. */
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
  for (const d of details) {
    const where = d.pointer ?? d.field ?? (d.row !== undefined ? `第${d.row}行 row ${d.row} ${d.column ?? ''}` : '');
    console.error(`  ${String(where)}\t${String(d.reason ?? '')}`);
  }
  process.exitCode = 1;
}

const rosterRejected = (issues: RowIssue[]) =>
  new AppError('BAD_INPUT', { zh: '名册有错误，未导入', en: 'The roster has errors; nothing imported' }, issues);

export function readJson(file: string): unknown {
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

type ImportOptions = { oversightBody?: string; university?: string; dryRun?: boolean; meetings?: boolean };

async function importJson(database: Database, config: Config, document: unknown, options: ImportOptions) {
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
}

/** The command line reaches the whole university it names, like its organization department. */
const cliActor = (): Actor => ({
  ...systemActor('cli'),
  username: 'cli',
  locale: 'zh-CN',
  tenantId: null,
  personId: null,
  grants: [],
  readAreas: [],
  writeAreas: [],
  all: true,
});

async function importXlsx(database: Database, rows: RosterRow[], options: ImportOptions) {
  const university = await chooseUniversity(database.db, options.university);
  const result = await database.db.transaction((tx) =>
    importRoster(tx, {
      tenantId: university.id,
      rows,
      actor: cliActor(),
      dryRun: options.dryRun,
      asOf: todayInShanghai(new Date()),
    }),
  );
  if (result.issues.length) throw rosterRejected(result.issues);
  const verb = result.dryRun ? '检查通过（未写入）Checked, nothing written' : '已导入名册 Imported the roster';
  console.log(`${verb}: ${university.code} ${university.name}`);
  console.log(`  created      ${result.created}\n  updated      ${result.updated}\n  unchanged    ${result.unchanged}`);
}

export function importCommand(program: Command, config: Config) {
  program
    .command('import')
    .description(
      '导入数据 / import data: a zhibu-dataset/1 .json document as a new university (docs/dataset.md), ' +
        'or an .xlsx roster of people and memberships into an existing one',
    )
    .argument('<file>', 'file.json (zhibu-dataset/1) or file.xlsx (roster template)')
    .option('--oversight-body <code>', '.json: 所属工委代码 / code of the oversight body above the new university')
    .option(
      '--university <code>',
      '.xlsx: 导入到哪所学校（只有一所时可省略）/ target university (optional when there is one)',
    )
    .option('--dry-run', '.xlsx: 只检查不写入 / check every row, write nothing')
    .option(
      '--meetings',
      '.xlsx: 文件是会议记录（会议记录导入模板）而非名册 / the file holds meeting records, not a roster',
    )
    .addHelpText(
      'after',
      '\n全部导入或全部不导入：文件中的每一处错误都会逐行列出（JSON 指针或行列 + 原因）。\n' +
        'All or nothing: every problem in the file is listed (JSON pointer or row/column + reason) and nothing is written.',
    )
    .action(async (file: string, options: ImportOptions) => {
      try {
        const extension = path.extname(file).toLowerCase();
        if (extension !== '.json' && extension !== '.xlsx')
          throw new AppError('BAD_INPUT', {
            zh: `不支持的文件类型 ${extension || '(无扩展名)'}：请提供 .json 数据集或 .xlsx 名册`,
            en: `Unsupported file type ${extension || '(none)'}: give a .json dataset or an .xlsx roster`,
          });
        if (!existsSync(file))
          throw new AppError('NOT_FOUND', { zh: `找不到文件 ${file}`, en: `No such file: ${file}` });
        // The file is read and parsed before the database is opened (and perhaps created).
        const document = extension === '.json' ? readJson(file) : null;
        if (document !== null) {
          const validation = validateDataset(document);
          if (!validation.ok) throw datasetInvalid(validation.issues);
        }
        if (options.meetings) {
          if (extension !== '.xlsx')
            throw new AppError('BAD_INPUT', { zh: '--meetings 需要 .xlsx 文件', en: '--meetings needs an .xlsx file' });
          const records = await parseMeetingWorkbook(readFileSync(file));
          if (records.issues.length) throw meetingsRejected(records.issues);
          const database = await openMigrated(config);
          try {
            const university = await chooseUniversity(database.db, options.university);
            await importMeetingRows(database.db, { university, rows: records.rows, dryRun: options.dryRun });
          } finally {
            await database.close();
          }
          return;
        }
        const workbook = extension === '.xlsx' ? await parseRosterWorkbook(readFileSync(file)) : null;
        if (workbook?.issues.length) throw rosterRejected(workbook.issues);
        const database = await openMigrated(config);
        try {
          if (workbook) await importXlsx(database, workbook.rows, options);
          else await importJson(database, config, document, options);
        } finally {
          await database.close();
        }
      } catch (error) {
        reportFailure(error);
      }
    });
}
