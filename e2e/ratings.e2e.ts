/**
 * Ratings in the browser: the organization department computes this year's draft ratings of a
 * college's branches, scores a branch's manual items, then adjusts the branch's score on the ratings
 * page — refused without a reason, saved with one — and the list and the API show the adjustment,
 * its reason and who made it.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

type Row = {
  org: { id: string; name: string };
  rating: {
    id: string;
    version: number;
    computedScore: number | null;
    adjustment: number;
    adjustmentReason: string | null;
    adjustedByName: string | null;
    finalScore: number | null;
  } | null;
};

const thisYear = () =>
  Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));

describe('ratings', () => {
  const b = useBrowser();

  it('the superior adjusts a branch’s rating with a reason', async () => {
    const { college, branch } = b.harness.fixture;
    const year = thisYear();
    await b.signIn();
    expect((await b.api('POST', '/ratings/compute', { orgId: college.id, year })).status).toBe(200);
    const listUrl = `/ratings?orgId=${college.id}&year=${year}`;
    const row = (await b.api<{ items: Row[] }>('GET', listUrl)).json.items.find((r) => r.org.id === branch.id);
    const rating = row?.rating;
    if (!rating) throw new Error('the branch has no draft rating');
    const scored = await b.api<{ version: number; computedScore: number }>('PUT', `/ratings/${rating.id}/items`, {
      version: rating.version,
      scores: { role: 12, masses: 8, review: 7 },
    });
    expect(scored.status).toBe(200);

    const page = b.page;
    await page.goto(`/ratings?orgId=${college.id}&year=${year}`);
    const tableRow = page.getByRole('row').filter({ hasText: branch.name }).first();
    await tableRow.getByRole('button', { name: /调\s*整/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '调整得分' });
    await dialog.getByLabel('调整', { exact: true }).fill('-6');
    const refused = page.waitForResponse((r) => r.url().includes(`/ratings/${rating.id}/adjustment`));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.getByText('调整须说明理由').count()).toBeGreaterThan(0);

    await dialog.getByLabel('调整理由').fill('年内两次主题党日未按期开展，经核实扣分');
    const saved = page.waitForResponse((r) => r.url().includes(`/ratings/${rating.id}/adjustment`));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => tableRow.getByTestId('adjustment').textContent()).toBe('-6');

    const after = (await b.api<{ items: Row[] }>('GET', listUrl)).json.items.find((r) => r.org.id === branch.id);
    expect(after?.rating).toMatchObject({
      adjustment: -6,
      adjustmentReason: '年内两次主题党日未按期开展，经核实扣分',
      finalScore: Math.max(0, scored.json.computedScore - 6),
    });
    expect(after?.rating?.adjustedByName).toBeTruthy();
    await b.snap('ratings-after-adjusting');

    // The branch's page across years: this year's draft with its adjustment, last year's final grade.
    await tableRow.getByRole('link', { name: branch.name }).click();
    await expect.poll(() => page.getByTestId(`year-${year}`).textContent()).toContain('年内两次主题党日未按期开展');
    await expect.poll(() => page.getByTestId(`year-${year - 1}`).textContent()).toMatch(/先进|较好|一般|后进/);
    await b.snap('ratings-evaluation-page');

    // Last year's published review rounds of the demo: the university's round opens with its results.
    await page.goto(`/ratings/reviews?year=${year - 1}`);
    await page.getByRole('link', { name: `${year - 1}年度二级党组织书记抓基层党建述职评议考核` }).click();
    await expect.poll(() => page.getByRole('table').textContent()).toMatch(/\d+ · (好|较好|一般|差)/);
    await b.snap('ratings-review-round');
  });
});
