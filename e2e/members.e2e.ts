import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { choose, chooseInTree } from './antd.ts';
import { type BrowserSuite, useBrowser } from './harness.ts';

type PeoplePage = {
  items: { id: string; code: string; name: string; membership: { orgId: string; status: string } | null }[];
  total: number;
};

/** Every person the list holds for a filter, page by page as the API serves them. */
async function allPeople(b: BrowserSuite, filter: string) {
  const items: PeoplePage['items'] = [];
  for (let page = 1; ; page++) {
    const res = await b.api<PeoplePage>('GET', `/people?${filter}&pageSize=500&page=${page}`);
    items.push(...res.json.items);
    if (items.length >= res.json.total || res.json.items.length === 0) return items;
  }
}

describe('the member list', () => {
  const b = useBrowser();

  it('adds a member to a branch through the form and then finds them in the list', async () => {
    const { page } = b;
    const { branch } = b.harness.fixture;
    await b.signIn();
    const before = await b.api<PeoplePage>('GET', '/people?pageSize=1');
    await page.goto('/members');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();

    await page.getByRole('button', { name: '新增党员' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新增党员' });
    await drawer.getByLabel('编号', { exact: true }).fill('E2E0001');
    await drawer.getByLabel('姓名', { exact: true }).fill('周晓梅');
    await choose(page, drawer.getByLabel('性别', { exact: true }), '女');
    await chooseInTree(page, drawer.getByLabel('所在支部', { exact: true }), branch.code, branch.name);
    await choose(page, drawer.getByLabel('党员状态', { exact: true }), '预备');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/people') && r.request().method() === 'POST');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    expect((await created).ok()).toBe(true);
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);

    await page.goto(`/members?q=${encodeURIComponent('周晓梅')}`);
    const row = page.getByTestId('member-table').locator('tbody tr.ant-table-row').filter({ hasText: 'E2E0001' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain(branch.name);
    expect(await row.textContent()).toContain('预备');

    const found = await b.api<PeoplePage>('GET', '/people?q=E2E0001');
    expect(found.json.total).toBe(1);
    expect(found.json.items[0]).toMatchObject({
      name: '周晓梅',
      membership: { orgId: branch.id, status: 'probationary' },
    });
    const after = await b.api<PeoplePage>('GET', '/people?pageSize=1');
    expect(after.json.total).toBe(before.json.total + 1);
  });

  it('refuses a member without a name, showing the reason on the form, and writes nothing', async () => {
    const { page } = b;
    await b.signIn();
    const before = await b.api<PeoplePage>('GET', '/people?pageSize=1');
    await page.goto('/members');
    await page.getByRole('button', { name: '新增党员' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '新增党员' });
    await drawer.getByLabel('编号', { exact: true }).fill('E2E0002');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect.poll(() => drawer.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    const after = await b.api<PeoplePage>('GET', '/people?q=E2E0002');
    expect(after.json.total).toBe(0);
    expect((await b.api<PeoplePage>('GET', '/people?pageSize=1')).json.total).toBe(before.json.total);
  });

  it('exports the list as .xlsx with the list’s columns and one row per person in it', async () => {
    const { page } = b;
    const { college } = b.harness.fixture;
    await b.signIn();
    // Narrowed to one college, as a college secretary would export their roster.
    await page.goto(`/members?orgId=${college.id}`);
    const table = page.getByTestId('member-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const list = await allPeople(b, `orgId=${college.id}`);
    expect(list.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(`共 ${list.length} 条`).count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0];
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const tableHeaders = (await table.locator('thead th').allTextContents()).map((h) => h.trim()).filter(Boolean);
    expect(tableHeaders.length).toBeGreaterThan(5);
    for (const h of tableHeaders) expect(headers).toContain(h);

    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) codes.push(String(row.getCell(headers.indexOf('编号') + 1).value));
    });
    expect(codes.length).toBe(list.length);
    expect(codes.sort()).toEqual(list.map((p) => p.code).sort());
  });
});
