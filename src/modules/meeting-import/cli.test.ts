/** `zhibu import records.xlsx --meetings` as an operator runs it. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliSandbox, createCliSandbox } from '../../../test/cli.ts';
import { P1_PATH } from '../../../test/fixtures/dataset.ts';
import { meetingColumns } from './columns.ts';

let cli: CliSandbox;
beforeAll(async () => {
  cli = await createCliSandbox('meeting-import');
});
afterAll(() => cli.dispose());

async function records(rows: Partial<Record<string, string>>[]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('会议记录');
  sheet.addRow(meetingColumns.map((c) => c.header));
  for (const row of rows) sheet.addRow(meetingColumns.map((c) => row[c.key] ?? null));
  const at = path.join(cli.dir, `records-${rows.length}-${Math.random().toString(16).slice(2)}.xlsx`);
  writeFileSync(at, Buffer.from(await workbook.xlsx.writeBuffer()));
  return at;
}

const good = {
  orgCode: 'p-b1',
  type: '主题党日',
  heldOn: '2025-04-18',
  title: '“清明祭英烈”主题党日',
  absentCodes: 'P0002',
};

describe('zhibu import --meetings', { timeout: 180_000 }, () => {
  it('checks on --dry-run, imports, and refuses a bad row naming row and column', async () => {
    expect((await cli.run(['import', P1_PATH])).code).toBe(0);
    const dry = await cli.run(['import', await records([good]), '--meetings', '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toContain('Checked, nothing written');
    expect(dry.stdout).toMatch(/meetings\s+1/);
    const bad = await cli.run(['import', await records([good, { ...good, heldOn: '2025-04-31' }]), '--meetings']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('第3行 row 3 日期');
    const done = await cli.run(['import', await records([good]), '--meetings']);
    expect(done.stderr).toBe('');
    expect(done.stdout).toContain('Imported the meeting records');
    expect(done.stdout).toMatch(/absent\s+1/);
    const exported = await cli.run(['export', '--university', 'p1']);
    const document = JSON.parse(exported.stdout);
    const imported = document.meetings.filter((m: { heldOn: string }) => m.heldOn === '2025-04-18');
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ org: 'p-b1', type: 'themeDay', status: 'recorded' });
    expect(imported[0].attendance).toContainEqual({ person: 'P0002', status: 'absent' });
  });
});
