/**
 * Dues in the browser: a branch secretary opens this month's collection sheet of their branch,
 * records the month for two members in one step, and sees 实缴 and the collection rate change to
 * what the API computes. The secretary login is made here by the university admin through the API.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

type Sheet = {
  totals: { due: number; paid: number; rate: number | null; members: number };
  rows: { personId: string; personName: string; due: number | null; payment: unknown }[];
};

const todayInShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const rateText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

describe('membership dues', () => {
  const b = useBrowser();

  it('a secretary records a month’s payments and sees the collection rate change', async () => {
    const { branch } = b.harness.fixture;
    const month = todayInShanghai().slice(0, 7);
    await b.signIn();
    const username = `e2e-dues-${Date.now() % 100000}`;
    const login = await b.api<{ password: string }>('POST', '/accounts', {
      username,
      displayName: '支部书记（党费）',
      personId: null,
      grants: [{ role: 'branchSecretary', orgId: branch.id }],
    });
    expect(login.status).toBe(200);
    const sheetUrl = `/dues/sheet?orgId=${branch.id}&month=${month}`;
    const before = (await b.api<Sheet>('GET', sheetUrl)).json;
    // The demo leaves the current month to collect.
    const payable = before.rows.filter((r) => r.due !== null && r.payment === null);
    expect(payable.length).toBeGreaterThan(1);
    const [first, second] = payable;

    const page = b.page;
    await page.context().clearCookies();
    await b.signIn({ username, password: login.json.password });
    await page.goto(`/dues?orgId=${branch.id}&month=${month}`);
    const rate = page.getByTestId('dues-rate');
    await expect.poll(() => rate.textContent()).toContain(rateText(before.totals.rate));

    for (const person of [first, second])
      await page.getByRole('row').filter({ hasText: person.personName }).first().getByRole('checkbox').check();
    const record = page.getByRole('button', { name: /登记所选党员本月党费（2人）/ });
    await record.click();
    const dialog = page.getByRole('dialog').filter({ hasText: `登记${month}党费` });
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/dues/payments') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await saved).status()).toBe(200);

    const after = (await b.api<Sheet>('GET', sheetUrl)).json;
    expect(after.totals.paid).toBe(before.totals.paid + (first.due ?? 0) + (second.due ?? 0));
    expect(after.totals.rate).toBeGreaterThan(before.totals.rate ?? 0);
    await expect.poll(() => rate.textContent()).toContain(rateText(after.totals.rate));
    await expect
      .poll(() => page.getByTestId('dues-paid').textContent())
      .toContain((after.totals.paid / 100).toFixed(2));
    await b.snap('dues-after-recording');
  });

  it('a member sees their own dues: this month’s amount in their ledger', async () => {
    const { branch } = b.harness.fixture;
    const month = todayInShanghai().slice(0, 7);
    await b.signIn();
    const sheet = (await b.api<Sheet>('GET', `/dues/sheet?orgId=${branch.id}&month=${month}`)).json;
    const someone = sheet.rows.find((r) => r.due !== null);
    expect(someone).toBeDefined();
    const username = `e2e-dues-m-${Date.now() % 100000}`;
    const login = await b.api<{ password: string }>('POST', '/accounts', {
      username,
      displayName: someone?.personName,
      personId: someone?.personId,
      grants: [{ role: 'member', orgId: branch.id }],
    });
    expect(login.status).toBe(200);
    await b.page.context().clearCookies();
    await b.signIn({ username, password: login.json.password });
    await b.page.goto('/dues/me');
    await b.page.getByText('本月应交(元)').waitFor();
    await expect
      .poll(() => b.page.getByRole('row').filter({ hasText: month }).first().textContent())
      .toContain(((someone?.due ?? 0) / 100).toFixed(2));
  });
});
