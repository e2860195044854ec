/**
 * `zhibu import` and `zhibu export` as a user runs them: a child process on a fresh data
 * directory (or a fresh database on the PostgreSQL server named by DATABASE_URL).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, type CliSandbox, createCliSandbox } from '../../../test/cli.ts';
import { P1_PATH, sampleDataset } from '../../../test/fixtures/dataset.ts';
import { rosterColumns } from '../roster/columns.ts';

let cli: CliSandbox;
let dir: string;

beforeAll(async () => {
  cli = await createCliSandbox('cli');
  dir = cli.dir;
});
afterAll(() => cli.dispose());

function zhibu(...args: string[]): Promise<CliRun> {
  return cli.run(args);
}

const file = (name: string, content: string | Buffer) => {
  const at = path.join(dir, name);
  writeFileSync(at, content);
  return at;
};

async function roster(rows: Partial<Record<string, string>>[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员名册');
  sheet.addRow(rosterColumns.map((c) => c.header));
  for (const row of rows) sheet.addRow(rosterColumns.map((c) => row[c.key] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('zhibu import / export', { timeout: 120_000 }, () => {
  it('explains itself with --help', async () => {
    const importHelp = await zhibu('import', '--help');
    expect(importHelp.code).toBe(0);
    expect(importHelp.stdout).toContain('Usage: zhibu import');
    expect(importHelp.stdout).toContain('zhibu-dataset/1');
    const exportHelp = await zhibu('export', '--help');
    expect(exportHelp.code).toBe(0);
    expect(exportHelp.stdout).toContain('--university <code>');
  });

  it('imports p1 and prints the counts; a second time it fails with the reason', async () => {
    const first = await zhibu('import', P1_PATH);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported p1');
    expect(first.stdout).toMatch(/people\s+61/);
    expect(first.stdout).toMatch(/attendance\s+1440/);
    const again = await zhibu('import', P1_PATH);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('学校代码 p1 已存在');
  });

  it('lists every problem of a bad document and writes nothing', async () => {
    const document = sampleDataset('cli-bad');
    document.orgs[1].parent = 'c-nowhere';
    document.people[0].birthDate = '1980-02-30';
    const bad = await zhibu('import', file('bad.json', JSON.stringify(document)));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('2 problem(s), nothing was written');
    expect(bad.stderr).toContain('/orgs/1/parent\t未知的组织代码 c-nowhere / unknown org code c-nowhere');
    expect(bad.stderr).toContain('/people/0/birthDate');
    const notJson = await zhibu('import', file('broken.json', '{"format": '));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('is not valid JSON');
    const wrongType = await zhibu('import', file('roster.csv', 'a,b'));
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('Unsupported file type .csv');
    const missing = await zhibu('import', path.join(dir, 'missing.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such file');
    // Still only p1: the bad document left no university behind.
    const exported = await zhibu('export', '--university', 'cli-bad');
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('there are: p1');
  });

  it('exports to standard output or a file; with one university the code is optional', async () => {
    const toStdout = await zhibu('export');
    expect(toStdout.code).toBe(0);
    const document = JSON.parse(toStdout.stdout);
    expect(document.university.code).toBe('p1');
    expect(document.people).toHaveLength(61);
    const out = path.join(dir, 'p1-export.json');
    const toFile = await zhibu('export', '--university', 'p1', '--out', out);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toContain('Exported p1');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(document);
  });

  it('imports an .xlsx roster into the chosen university, all or nothing', async () => {
    const good = await roster([
      {
        code: 'P9001',
        name: '钱进',
        personCategory: '教职工',
        branchCode: 'p-b1',
        status: '正式',
        joinedOn: '2012-06-30',
        confirmedOn: '2013-06-30',
      },
    ]);
    const imported = await zhibu('import', file('roster.xlsx', good), '--university', 'p1');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/created\s+1/);
    const bad = await roster([
      { code: 'P9002', name: '孙立', personCategory: '教职工', branchCode: 'p-nowhere', status: '正式' },
    ]);
    const refused = await zhibu('import', file('bad-roster.xlsx', bad), '--university', 'p1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row 2');
    const exported = JSON.parse((await zhibu('export')).stdout);
    expect(exported.people.map((p: { code: string }) => p.code)).toContain('P9001');
    expect(exported.people.map((p: { code: string }) => p.code)).not.toContain('P9002');
  });
});
