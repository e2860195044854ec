/**
 * A secretary review in the browser: the college's branch round of this year is scored low and
 * published, the round page exports to Excel, and a poor review goes on the rectification list
 * from its dialog (problem pre-filled), opening the new item, which the round page then links.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));
const inDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

type Detail = {
  round: { id: string; version: number; title: string };
  reviews: { id: string; personName: string; isMine: boolean }[];
};

describe('secretary review rectification', () => {
  const b = useBrowser();

  it('a poor review becomes a rectification item from the round page', async () => {
    const { college } = b.harness.fixture;
    await b.signIn();
    const opened = await b.api<{ id: string }>('POST', '/secretary-reviews/rounds', {
      orgId: college.id,
      year: thisYear(),
      level: 'branch',
    });
    expect(opened.status).toBe(200);
    const url = `/secretary-reviews/rounds/${opened.json.id}`;
    const before = (await b.api<Detail>('GET', url)).json;
    expect(before.reviews.length).toBeGreaterThan(0);
    for (const r of before.reviews.filter((r) => !r.isMine))
      expect((await b.api('PUT', `/secretary-reviews/reviews/${r.id}/score`, { score: 55 })).status).toBe(200);
    const { round, reviews } = (await b.api<Detail>('GET', url)).json;
    expect((await b.api('POST', `${url}/publish`, { version: round.version })).status).toBe(200);

    const page = b.page;
    await page.goto(`/ratings/reviews/${round.id}`);
    await expect.poll(() => page.getByRole('table').textContent()).toContain('55 · 差');
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await downloaded).suggestedFilename()).toBe(`${round.title}.xlsx`);

    const review = reviews[0];
    await page.getByTestId(`rectify-${review.id}`).click();
    const dialog = page.getByRole('dialog').filter({ hasText: `${review.personName} · 列入整改` });
    const problem = `${round.title}：${review.personName}述职评议结果为“差”（55分），需整改提高`;
    expect(await dialog.getByLabel('存在的问题').inputValue()).toBe(problem);
    await dialog.getByLabel('整改措施').fill('每月向学院党委报告支部工作，补齐组织生活');
    const deadline = dialog.getByLabel('整改时限');
    await deadline.click();
    await deadline.fill(inDays(90));
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/rectifications') && r.request().method() === 'POST',
    );
    // The deadline is the form's only one-line input, so Enter submits the dialog, as it would for a user.
    await deadline.press('Enter');
    expect((await created).status()).toBe(200);
    await page.waitForURL(/\/rectifications\/[0-9a-f-]{36}$/);
    const itemPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('rectification-problem').textContent()).toBe(problem);
    await b.snap('secretary-review-rectification-item');

    // Back on the round, the review links its item and offers no second one.
    await page.goto(`/ratings/reviews/${round.id}`);
    await page.getByRole('link', { name: '整改事项 · 整改中' }).first().click();
    await page.waitForURL((u) => u.pathname === itemPath);
    await page.goto(`/ratings/reviews/${round.id}`);
    await page.getByRole('table').waitFor();
    expect(await page.getByTestId(`rectify-${review.id}`).count()).toBe(0);
  });
});
