/**
 * Excellence in the browser: the organization department sees this year's model-branch gauge,
 * accepts the demo's dual-leader studio (its mid-term review passed) and the row turns accepted;
 * the commendation page shows last year's round, and a commended person's and org's pages show it
 * in their awards card; a practical rule is recorded for a branch and
 * appears in its list.
 */
import { describe, expect, it } from 'vitest';
import { chooseInTree } from './antd.ts';
import { useBrowser } from './harness.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('excellence', () => {
  const b = useBrowser();

  it('the organization department accepts a studio, sees the commendation round and records a carrier', async () => {
    await b.signIn();
    const page = b.page;
    const year = today().slice(0, 4);

    await page.goto('/model-units?kind=dualLeaderStudio');
    await page.getByTestId('quota-gauge').waitFor();
    await expect.poll(() => page.getByTestId('quota-gauge').textContent()).toContain(`${year}年校级样板党支部比例`);
    const row = page.locator('.ant-table-row').filter({ hasText: '培育中' }).first();
    await row.getByRole('button', { name: /验\s*收/ }).click();
    const dialog = page.getByRole('dialog');
    const acceptedOn = dialog.getByLabel('验收日期');
    await acceptedOn.click();
    await acceptedOn.fill(today());
    await acceptedOn.press('Enter');
    const accepted = page.waitForResponse((r) => /\/model-units\/[0-9a-f-]{36}\/accept$/.test(r.url()));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await accepted).status()).toBe(200);
    await page.locator('.ant-table-row').filter({ hasText: '已验收' }).first().waitFor();

    await page.goto(`/awards?year=${Number(year) - 1}`);
    await page.getByText('最近一次表彰').waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '已表彰' }).first().waitFor();

    // The commendation shows on the person's and the org's own page.
    type AwardRow = { kind: string; personId: string | null; orgId: string | null; status: string };
    const decided = (await b.api<{ items: AwardRow[] }>('GET', `/awards?year=${Number(year) - 1}&status=decided`)).json
      .items;
    const person = decided.find((a) => a.personId);
    const org = decided.find((a) => a.orgId);
    if (!person?.personId || !org?.orgId) throw new Error('the demo round commends no person or no org');
    await page.goto(`/members/${person.personId}`);
    await expect.poll(() => page.getByTestId('awards-card').textContent()).toContain(`${Number(year) - 1}年度`);
    await page.goto(`/orgs/${org.orgId}`);
    await expect.poll(() => page.getByTestId('awards-card').textContent()).toContain('先进基层党组织');

    await page.goto(`/practice-carriers?year=${year}&orgId=${b.harness.fixture.college.id}`);
    await page.getByRole('button', { name: /登\s*记/ }).click();
    const form = page.getByRole('dialog');
    await chooseInTree(page, form.getByLabel('组织'), b.harness.fixture.branch.name, b.harness.fixture.branch.name);
    await form.getByLabel('名称').fill('党员示范岗（浏览器测试）');
    const on = form.getByLabel('建立日期');
    await on.click();
    await on.fill(today());
    await on.press('Enter');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/practice-carriers') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: /保\s*存/ }).click();
    expect((await created).status()).toBe(200);
    await page.locator('.ant-table-row').filter({ hasText: '党员示范岗（浏览器测试）' }).first().waitFor();
  });
});
