import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { Config } from '../config.ts';
import { connect, type Database } from '../db/connect.ts';
import { checkSelection, type EvaluationResult, evaluate } from '../modules/compliance/evaluate.ts';
import { datasetInvalid, importDataset } from '../modules/dataset/import-dataset.ts';
import { validateDataset } from '../modules/dataset/validate-dataset.ts';
import { systemActor } from '../server/audit.ts';
import { todayInShanghai } from '../server/context.ts';
import { AppError } from '../server/errors.ts';
import { chooseUniversity } from './choose-university.ts';
import { openMigrated } from './database.ts';
import { readJson, reportFailure } from './import.ts';

type EvaluateCliOptions = {
  data?: string;
  standard?: string;
  asOf?: string;
  from?: string;
  to?: string;
  rules?: string;
  university?: string;
  json?: boolean;
};

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function checkDay(value: string | undefined, option: string) {
  if (value === undefined) return;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new AppError(
      'BAD_INPUT',
      { zh: `${option} 应为 YYYY-MM-DD 日期：${value}`, en: `${option} must be a YYYY-MM-DD day: ${value}` },
      [{ field: option, reason: 'expected YYYY-MM-DD' }],
    );
}

/** The JSON output: one object per finding, codes rather than ids (a public contract, see docs). */
function toJson(result: EvaluationResult) {
  return result.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    org: f.orgCode,
    member: f.personCode,
    period: f.period,
    message: f.message.zh,
    messageEn: f.message.en,
    source: f.source,
    numbers: f.numbers ?? null,
    evidence: f.evidence ?? [],
  }));
}

function printTable(result: EvaluationResult) {
  const bySeverity = { breach: 0, warning: 0, info: 0 };
  for (const f of result.findings) bySeverity[f.severity] += 1;
  console.log(
    `评估 Evaluated ${result.rules.length} rules, ${result.from} … ${result.to}, as of ${result.asOf}: ` +
      `${bySeverity.breach} 问题 breaches, ${bySeverity.warning} 预警 warnings, ${bySeverity.info} 提示 info (${result.durationMs} ms)`,
  );
  for (const f of result.findings) {
    console.log(
      [f.rule, f.severity, f.orgCode, f.personCode ?? '-', f.period ?? '-', `${f.message.zh} 〔${f.source}〕`].join(
        '\t',
      ),
    );
  }
}

async function evaluateDataset(file: string, options: EvaluateCliOptions, asOf: string) {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', { zh: `找不到文件 ${file}`, en: `No such file: ${file}` });
  const document = readJson(file);
  const validation = validateDataset(document);
  if (!validation.ok) throw datasetInvalid(validation.issues);
  // A throwaway in-memory database: the dataset is loaded, evaluated and forgotten.
  const database: Database = await connect({ dataDir: 'memory://' });
  try {
    await database.migrate();
    return await database.db.transaction(async (tx) => {
      const imported = await importDataset(tx, { document, actor: systemActor('cli'), oversightBodyId: null });
      return evaluate(tx, {
        tenantId: imported.university.id,
        asOf,
        from: options.from,
        to: options.to,
        rules: list(options.rules),
        standardSets: list(options.standard),
        trigger: 'cli',
        actorName: 'cli',
      });
    });
  } finally {
    await database.close();
  }
}

async function evaluateStored(config: Config, options: EvaluateCliOptions, asOf: string) {
  const database = await openMigrated(config);
  try {
    const university = await chooseUniversity(database.db, options.university);
    return await database.db.transaction((tx) =>
      evaluate(tx, {
        tenantId: university.id,
        asOf,
        from: options.from,
        to: options.to,
        rules: list(options.rules),
        standardSets: list(options.standard),
        trigger: 'cli',
        actorName: 'cli',
      }),
    );
  } finally {
    await database.close();
  }
}

export function evaluateCommand(program: Command, config: Config) {
  program
    .command('evaluate')
    .description(
      '合规评估 / evaluate compliance: run the adopted rules over a university and print the findings. ' +
        'With --data, a zhibu-dataset/1 file is loaded into a throwaway in-memory database instead.',
    )
    .option('--data <file>', '数据集文件（不写入本地数据库）/ a dataset file to evaluate on its own')
    .option(
      '--standard <sets>',
      '标准集，逗号分隔 / standard sets to apply instead of the adopted ones, comma-separated',
    )
    .option(
      '--as-of <date>',
      '评估日（默认今天，北京时间）/ evaluation day, YYYY-MM-DD (default: today in Asia/Shanghai)',
    )
    .option('--from <date>', '起始日（默认上一年1月1日）/ range start (default: January 1 of the year before)')
    .option('--to <date>', '截止日（默认评估日）/ range end (default: the evaluation day)')
    .option('--rules <ids>', '只评估这些规则 / only these rule ids, comma-separated')
    .option('--university <code>', '学校代码（只有一所时可省略）/ university in the local database')
    .option('--json', '输出 JSON 数组 / print one JSON array of findings')
    .addHelpText(
      'after',
      '\n有问题时退出码仍为 0；只有输入错误（文件、标准集、规则编号、日期）时非 0。\n' +
        'Exit code 0 even when there are findings; non-zero only for bad input (file, set, rule id, date).\n' +
        'JSON fields: rule, severity, org, member, period, message (zh-CN), messageEn, source, numbers, evidence.',
    )
    .action(async (options: EvaluateCliOptions) => {
      try {
        checkDay(options.asOf, '--as-of');
        checkDay(options.from, '--from');
        checkDay(options.to, '--to');
        checkSelection({ rules: list(options.rules), standardSets: list(options.standard) });
        const asOf = options.asOf ?? todayInShanghai(new Date());
        const result = options.data
          ? await evaluateDataset(options.data, options, asOf)
          : await evaluateStored(config, options, asOf);
        if (options.json) process.stdout.write(`${JSON.stringify(toJson(result), null, 1)}\n`);
        else printTable(result);
      } catch (error) {
        reportFailure(error);
      }
    });
}
