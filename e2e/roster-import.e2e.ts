import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rosterColumns } from '../src/modules/roster/columns.ts';
import { useBrowser } from './harness.ts';

type PeoplePage = { items: { code: string; name: string }[]; total: number };

/** A roster in the template's layout: the template's headers, then one row per person. */
async function rosterFile(rows: Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('人员名册');
  sheet.addRow(rosterColumns.map((c) => c.header));
  for (const r of rows) sheet.addRow(rosterColumns.map((c) => r[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const person = (code: string, name: string, branchCode: string, extra: Record<string, string> = {}) => ({
  code,
  name,
  gender: '男',
  birthDate: '1990-03-15',
  personCategory: '教职工',
  branchCode,
  status: '正式',
  joinedOn: '2015-06-30',
  confirmedOn: '2016-06-30',
  ...extra,
});

describe('roster import', () => {
  const b = useBrowser();

  it('shows the row and column of a bad row and writes nothing; the corrected file imports', async () => {
    const { page } = b;
    const { branch } = b.harness.fixture;
    await b.signIn();
    const before = await b.api<PeoplePage>('GET', '/people?pageSize=1');

    const good = [person('IMP0001', '孙立军', branch.code), person('IMP0002', '何雪', branch.code, { gender: '女' })];
    const bad = person('IMP0003', '马骏', branch.code, { personCategory: '教师' });
    const withError = await rosterFile([good[0], bad, good[1]]);

    await page.goto('/import');
    await page.locator('input[type=file]').setInputFiles({
      name: '名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: withError,
    });
    await page.getByRole('button', { name: /检\s*查$/ }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const rows = errors.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(1);
    const cells = (await rows.first().locator('td').allTextContents()).map((c) => c.trim());
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('人员类别');
    expect(cells[2]).toContain('教职工');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '未写入任何数据' }).count()).toBe(1);
    await b.snap('roster-import--error-report');
    expect(await page.getByRole('button', { name: /导\s*入$/ }).isDisabled()).toBe(true);

    // The real import of the same file (not only the check) is refused as a whole.
    const direct = await b.context.request.post(`${b.harness.baseUrl}/api/v1/roster/import`, {
      headers: { 'x-csrf-token': (await b.api<{ csrfToken: string }>('GET', '/auth/session')).json.csrfToken },
      multipart: {
        file: { name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: withError },
      },
    });
    expect(direct.status()).toBe(400);
    expect((await b.api<PeoplePage>('GET', '/people?q=IMP000')).json.total).toBe(0);
    expect((await b.api<PeoplePage>('GET', '/people?pageSize=1')).json.total).toBe(before.json.total);

    // Corrected, the same roster passes the check and imports both people.
    await page.locator('input[type=file]').setInputFiles({
      name: '名册-改.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterFile([good[0], { ...bad, personCategory: '教职工' }, good[1]]),
    });
    await page.getByRole('button', { name: /检\s*查$/ }).click();
    await page.getByText('检查通过：将新增 3 人，更新 0 人。').waitFor();
    await page.getByRole('button', { name: /导\s*入$/ }).click();
    await page.getByRole('status').filter({ hasText: '导入完成：新增 3 人' }).waitFor();
    expect((await b.api<PeoplePage>('GET', '/people?pageSize=1')).json.total).toBe(before.json.total + 3);
    await page.goto(`/members?orgId=${branch.id}&q=IMP000`);
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').filter({ hasText: '马骏' }).waitFor();
  });
});
