/**
 * Training (教育培训) in the browser: a branch secretary records a training session with two
 * attendees, sees their yearly hours go up on the hours page, and one of them sees the new total
 * on their own page on a phone.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserSuite, useBrowser } from './harness.ts';

type PeoplePage = {
  items: { id: string; code: string; name: string; membership: { orgId: string; standing: string } | null }[];
};
type Overview = { items: { orgId: string; orgName: string; budget: number | null; minimum: number }[] };
type HoursPage = { items: { personId: string; code: string; hours: number; required: number }[] };

let serial = 0;

async function makeLogin(b: BrowserSuite, role: 'branchSecretary' | 'member', personId?: string) {
  serial += 1;
  const username = `e2e-t-${role === 'member' ? 'm' : 's'}-${Date.now() % 100000}-${serial}`;
  const res = await b.api<{ password: string }>('POST', '/accounts', {
    username,
    displayName: role === 'member' ? '学习党员' : '支部书记（培训）',
    personId: personId ?? null,
    grants: [{ role, orgId: b.harness.fixture.branch.id }],
  });
  expect(res.status).toBe(200);
  return { username, password: res.json.password };
}

const thisYear = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);

/** A fresh browser context signed in as the login (another person on another device). */
async function signedIn(
  b: BrowserSuite,
  login: { username: string; password: string },
  viewport = { width: 1440, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await b.harness.browser.newContext({
    baseURL: b.harness.baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(login.username);
  await page.getByLabel('密码', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('app-shell').waitFor();
  return { context, page };
}

/** The hours shown in the row of a person on the hours page. */
const shownHours = (page: Page, code: string) =>
  page.locator('tbody tr.ant-table-row').filter({ hasText: code }).first().locator('strong').textContent();

describe('training', () => {
  const b = useBrowser();

  it('a secretary records a session with attendees and their hours update; a member sees theirs on a phone', async () => {
    const { branch } = b.harness.fixture;
    await b.signIn();
    const people = await b.api<PeoplePage>('GET', `/people?orgId=${branch.id}&pageSize=50`);
    const members = people.json.items.filter(
      (p) => p.membership?.orgId === branch.id && p.membership.standing === 'normal',
    );
    expect(members.length).toBeGreaterThan(1);
    const [first, second] = members;
    const secretary = await makeLogin(b, 'branchSecretary');
    const memberLogin = await makeLogin(b, 'member', first.id);

    const before = await b.api<HoursPage>('GET', `/training/hours?orgId=${branch.id}&year=${thisYear()}`);
    const hoursOf = (list: HoursPage, code: string) => list.items.find((r) => r.code === code)?.hours ?? 0;
    const firstBefore = hoursOf(before.json, first.code);
    const secondBefore = hoursOf(before.json, second.code);

    const desk = await signedIn(b, secretary);
    const { page } = desk;
    await page.goto(`/training/hours?orgId=${branch.id}`);
    await expect.poll(() => shownHours(page, first.code)).toBe(String(firstBefore));

    await page.goto(`/training/sessions?orgId=${branch.id}`);
    await page.getByRole('button', { name: '登记培训' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '参训人员' });
    await drawer.getByLabel('培训内容', { exact: true }).fill('E2E 学习贯彻全会精神专题培训');
    await drawer.getByLabel('学时', { exact: true }).fill('3.5');
    await drawer.getByText(`${first.name}（${first.code}）`).click();
    await drawer.getByText(`${second.name}（${second.code}）`).click();
    await page.screenshot({ path: 'test-results/training--session-form.png', fullPage: true });
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/training/sessions') && r.request().method() === 'POST',
    );
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const response = await saved;
    expect(`${response.status()} ${response.status() === 200 ? '' : await response.text()}`).toBe('200 ');
    await page.getByText('已登记，参训人员学时已更新').waitFor();
    await page
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: 'E2E 学习贯彻全会精神专题培训' })
      .filter({ hasText: '2' })
      .waitFor();

    await page.goto(`/training/hours?orgId=${branch.id}`);
    await expect.poll(() => shownHours(page, first.code)).toBe(String(firstBefore + 3.5));
    await expect.poll(() => shownHours(page, second.code)).toBe(String(secondBefore + 3.5));
    await page.screenshot({ path: 'test-results/training--hours-updated.png', fullPage: true });
    await desk.context.close();

    // The member, on a phone, sees the same total on their own page.
    const phone = await signedIn(b, memberLogin, { width: 390, height: 844 });
    try {
      const mine = phone.page;
      await mine.goto('/training/me');
      await expect.poll(() => mine.getByTestId('my-hours').textContent()).toContain(`已完成 ${firstBefore + 3.5} /`);
      await mine.getByText('E2E 学习贯彻全会精神专题培训').waitFor();
      await mine.screenshot({ path: 'test-results/training--my-hours-phone.png', fullPage: true });
    } finally {
      await phone.context.close();
    }
  });

  it('the organization department sets a college budget in yuan and sees it against the standard', async () => {
    const { college } = b.harness.fixture;
    await b.signIn();
    const { page } = b;
    await page.goto('/funds');
    const row = page.locator('tbody tr.ant-table-row').filter({ hasText: college.name }).first();
    await row.waitFor();
    await row.getByRole('button', { name: '编列预算' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '编列预算' });
    await dialog.getByLabel('金额(元)', { exact: true }).fill('12345.67');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await expect.poll(() => row.textContent()).toContain('12,345.67');
    const year = thisYear();
    const overview = await b.api<Overview>('GET', `/funds/overview?year=${year}`);
    expect(overview.json.items.find((r) => r.orgId === college.id)?.budget).toBe(1234567);
    await b.snap('training--funds-budget');
  });
});
