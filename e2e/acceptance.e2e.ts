/**
 * Acceptance (达标验收) in the browser: the organization department opens a campaign, the branch
 * secretary self-checks with the engine's findings shown as evidence, the college passes the first
 * check from its to-do list, and the organization department certifies it on re-check — each with
 * its own login. The certified branch is then on the campaign's certificate list.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

type Review = {
  id: string;
  stage: string;
  entries: { indicator: string; findings: { message: { zh: string } }[] }[];
  actions: string[];
};
type Campaign = { id: string; reviews: { id: string; orgId: string }[] };

const inDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

describe('acceptance', () => {
  const b = useBrowser();

  it('a branch self-check goes through the college’s first check and the university’s re-check to certification', async () => {
    const { branch, college } = b.harness.fixture;
    await b.signIn();
    // Findings to pre-fill: the engine has run on the demo at least once.
    const some = await b.api<{ total: number }>('GET', '/compliance/findings?pageSize=1');
    if (some.json.total === 0) expect((await b.api('POST', '/compliance/evaluate', {})).status).toBe(200);
    const suffix = Date.now() % 100000;
    const title = `浏览器测试达标验收${suffix}`;
    const opened = await b.api<Campaign>('POST', '/acceptance/campaigns', {
      year: Number(inDays(0).slice(0, 4)),
      title,
      standardSets: ['hbzy-2019-3s3n'],
      opensOn: inDays(-1),
      closesOn: inDays(30),
      manualIndicators: [{ code: 'M1', title: '党员活动室达到“八有”标准' }],
    });
    expect(opened.status).toBe(200);
    const campaign = (await b.api<Campaign>('GET', `/acceptance/campaigns/${opened.json.id}`)).json;
    const reviewId = campaign.reviews.find((r) => r.orgId === branch.id)?.id;
    expect(reviewId).toBeDefined();
    const before = (await b.api<Review>('GET', `/acceptance/reviews/${reviewId}`)).json;
    expect(before.stage).toBe('pending');
    const logins: Record<string, { username: string; password: string }> = {};
    for (const [key, role, orgId] of [
      ['secretary', 'branchSecretary', branch.id],
      ['college', 'collegeAdmin', college.id],
    ] as const) {
      const username = `e2e-acc-${key}-${suffix}`;
      const res = await b.api<{ password: string }>('POST', '/accounts', {
        username,
        displayName: key === 'secretary' ? '支部书记（验收）' : '院系组织员（验收）',
        personId: null,
        grants: [{ role, orgId }],
      });
      expect(res.status).toBe(200);
      logins[key] = { username, password: res.json.password };
    }
    const page = b.page;
    const reviewUrl = `/acceptance/reviews/${reviewId}`;
    const stage = page.getByTestId('acc-stage');

    // The branch secretary: evidence pre-filled, statement, a note for the manual indicator, an attachment.
    await page.context().clearCookies();
    await b.signIn(logins.secretary);
    await page.goto(reviewUrl);
    await expect.poll(() => stage.textContent()).toBe('待自查');
    const withFindings = before.entries.find((e) => e.findings.length > 0);
    if (withFindings)
      await expect
        .poll(() => page.getByTestId(`acc-evidence-${withFindings.indicator}`).textContent())
        .toContain(withFindings.findings[0].message.zh);
    await page.getByLabel('自查情况说明').fill('本支部对照“三标准三规范”逐项自查，存在问题已列入整改清单。');
    await page.getByLabel('自查说明 M1').fill('活动室已按“八有”标准布置');
    await page.getByRole('button', { name: '添加附件' }).click();
    await page.getByPlaceholder('附件名称').fill('党员活动室照片.jpg');
    await page.getByPlaceholder('指标', { exact: true }).fill('M1');
    const submitted = page.waitForResponse((r) => r.url().endsWith(`${reviewUrl}/self-check`));
    await page.getByRole('button', { name: '提交自查' }).click();
    expect((await submitted).status()).toBe(200);
    await expect.poll(() => stage.textContent()).toBe('待院系初验');
    await page.getByText('当前无需您处理').waitFor();

    // The college: from its to-do list to the first check.
    await page.context().clearCookies();
    await b.signIn(logins.college);
    await page.goto('/acceptance/queue');
    const row = page.getByRole('row').filter({ hasText: title }).filter({ hasText: branch.name });
    await row.getByRole('link', { name: '处理' }).click();
    await page.waitForURL(new RegExp(`${reviewUrl}$`));
    await expect.poll(() => stage.textContent()).toBe('待院系初验');
    const passed = page.waitForResponse((r) => r.url().endsWith(`${reviewUrl}/first-check`));
    await page.getByRole('button', { name: '初验通过' }).click();
    expect((await passed).status()).toBe(200);
    await expect.poll(() => stage.textContent()).toBe('待学校复验');

    // The organization department: the re-check certifies it.
    await page.context().clearCookies();
    await b.signIn();
    await page.goto(reviewUrl);
    const certified = page.waitForResponse((r) => r.url().endsWith(`${reviewUrl}/recheck`));
    await page.getByRole('button', { name: '复验通过，认定达标' }).click();
    expect((await certified).status()).toBe(200);
    await expect.poll(() => stage.textContent()).toBe('已认定达标');
    await page.getByText(/学校复验认定 · 学校组织部/).waitFor();

    const after = (
      await b.api<Review & { steps: { step: string; actorRole: string }[] }>('GET', `/acceptance/reviews/${reviewId}`)
    ).json;
    expect(after.steps.map((s) => [s.step, s.actorRole])).toEqual([
      ['selfCheck', 'branchSecretary'],
      ['firstCheck', 'collegeAdmin'],
      ['recheck', 'orgDepartmentAdmin'],
    ]);
    await page.goto(`/acceptance/campaigns/${campaign.id}`);
    await page.getByRole('tab', { name: '达标名单' }).click();
    await page.getByTestId('acc-certificates').getByText(branch.name).waitFor();
    await b.snap('acceptance-certified');
  });

  it('a college’s return opens the branch’s rectification item, linked back to the review', async () => {
    const { branch, college } = b.harness.fixture;
    await b.signIn();
    const suffix = Date.now() % 100000;
    const opened = await b.api<Campaign>('POST', '/acceptance/campaigns', {
      year: Number(inDays(0).slice(0, 4)),
      title: `浏览器测试验收退回${suffix}`,
      standardSets: ['hbzy-2019-3s3n'],
      opensOn: inDays(-1),
      closesOn: inDays(60),
    });
    expect(opened.status).toBe(200);
    const campaign = (await b.api<Campaign>('GET', `/acceptance/campaigns/${opened.json.id}`)).json;
    const reviewId = campaign.reviews.find((r) => r.orgId === branch.id)?.id;
    const logins: Record<string, { username: string; password: string }> = {};
    for (const [key, role, orgId] of [
      ['secretary', 'branchSecretary', branch.id],
      ['college', 'collegeAdmin', college.id],
    ] as const) {
      const username = `e2e-ret-${key}-${suffix}`;
      const res = await b.api<{ password: string }>('POST', '/accounts', {
        username,
        displayName: key,
        personId: null,
        grants: [{ role, orgId }],
      });
      logins[key] = { username, password: res.json.password };
    }
    const page = b.page;
    const reviewUrl = `/acceptance/reviews/${reviewId}`;
    await page.context().clearCookies();
    await b.signIn(logins.secretary);
    const pending = (await b.api<Review & { version: number }>('GET', reviewUrl)).json;
    const selfChecked = await b.api('POST', `${reviewUrl}/self-check`, {
      version: pending.version,
      statement: '逐项自查',
    });
    expect(selfChecked.status).toBe(200);

    await page.context().clearCookies();
    await b.signIn(logins.college);
    await page.goto(reviewUrl);
    await expect.poll(() => page.getByTestId('acc-stage').textContent()).toBe('待院系初验');
    await page.getByRole('button', { name: /退\s*回/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('退回理由').fill(`党员大会记录缺少表决情况${suffix}`);
    const returned = page.waitForResponse((r) => r.url().endsWith(`${reviewUrl}/first-check`));
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await returned).status()).toBe(200);
    await expect.poll(() => page.getByTestId('acc-stage').textContent()).toBe('已退回');

    await page.goto('/rectifications?source=acceptance');
    const row = page
      .getByTestId('rectification-table')
      .getByRole('row')
      .filter({ hasText: `表决情况${suffix}` });
    await row.getByRole('link').first().click();
    await expect.poll(() => page.getByTestId('rectification-problem').textContent()).toContain('退回：党员大会记录');
    await page.getByRole('link', { name: '达标验收退回' }).click();
    await page.waitForURL(new RegExp(`${reviewUrl}$`));
  });
});
