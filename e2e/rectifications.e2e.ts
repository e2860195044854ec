/**
 * Rectification in the browser: a branch secretary opens one of the branch's findings, puts it on
 * the rectification list with the 整改 button, files the evidence; the branch cannot verify its own
 * item; the organization department (its superior) verifies it, and the history shows each step.
 */
import { describe, expect, it } from 'vitest';
import { type BrowserSuite, useBrowser } from './harness.ts';

type TreeNode = { id: string; name: string; kind: string; children: TreeNode[] };
type Finding = { id: string; org: { id: string; name: string }; message: { zh: string; en: string } };

const inDays = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));

/** An open finding of a branch: the fixture's branch first, else any branch of the demo. */
async function branchFinding(b: BrowserSuite): Promise<Finding> {
  let some = await b.api<{ total: number }>('GET', '/compliance/findings?pageSize=1');
  if (some.json.total === 0) {
    expect((await b.api('POST', '/compliance/evaluate', {})).status).toBe(200);
    some = await b.api<{ total: number }>('GET', '/compliance/findings?pageSize=1');
  }
  const tree = await b.api<{ roots: TreeNode[] }>('GET', '/orgs/tree');
  const branches = new Set<string>();
  const walk = (n: TreeNode) => {
    if (n.kind === 'branch') branches.add(n.id);
    n.children.forEach(walk);
  };
  tree.json.roots.forEach(walk);
  const own = await b.api<{ items: Finding[] }>(
    'GET',
    `/compliance/findings?org=${b.harness.fixture.branch.id}&pageSize=50`,
  );
  const anyBranch = await b.api<{ items: Finding[] }>('GET', '/compliance/findings?pageSize=200');
  const found = [...own.json.items, ...anyBranch.json.items].find((f) => branches.has(f.org.id));
  if (!found) throw new Error('the demo has no finding of a branch');
  return found;
}

describe('rectification', () => {
  const b = useBrowser();

  it('a finding becomes an item, the branch files evidence and the superior verifies it', async () => {
    await b.signIn();
    const finding = await branchFinding(b);
    const username = `e2e-rect-${Date.now() % 100000}`;
    const login = await b.api<{ password: string }>('POST', '/accounts', {
      username,
      displayName: '支部书记（整改）',
      personId: null,
      grants: [{ role: 'branchSecretary', orgId: finding.org.id }],
    });
    expect(login.status).toBe(200);
    const page = b.page;
    await page.context().clearCookies();
    await b.signIn({ username, password: login.json.password });

    await page.goto(`/compliance/findings/${finding.id}`);
    await expect.poll(() => page.getByTestId('finding-message').textContent()).toBe(finding.message.zh);
    await page.getByTestId('rectify-finding').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '将此问题列入整改清单' });
    await dialog.getByLabel('责任人').fill('支部书记');
    await dialog.getByLabel('整改措施').fill('对照要求逐项补齐，支委会每月检查一次');
    const deadline = dialog.getByLabel('整改时限');
    await deadline.click();
    await deadline.fill(inDays(60));
    await deadline.press('Enter');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/rectifications') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    expect((await created).status()).toBe(200);
    await page.waitForURL(/\/rectifications\/[0-9a-f-]{36}$/);
    const itemUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('rectification-problem').textContent()).toBe(finding.message.zh);
    await expect.poll(() => page.getByTestId('rectification-status').textContent()).toBe('整改中');

    await page.getByLabel('整改成效（佐证）').fill('已按要求整改，会议记录和照片存支部台账');
    await page.getByRole('button', { name: '提交整改成效' }).click();
    await expect.poll(() => page.getByTestId('rectification-status').textContent()).toBe('待验收');
    // The branch waits for its superior: no verification buttons for it.
    await page.getByText('等待上级党组织验收').waitFor();
    expect(await page.getByRole('button', { name: /验收通过/ }).count()).toBe(0);

    await page.context().clearCookies();
    await b.signIn();
    await page.goto(itemUrl);
    await page.getByLabel('意见').fill('佐证齐全，同意销号');
    await page.getByRole('button', { name: /验收通过/ }).click();
    await expect.poll(() => page.getByTestId('rectification-status').textContent()).toBe('已验收');
    await expect
      .poll(() => page.getByTestId('rectification-history').textContent())
      .toMatch(/登记[\s\S]*提交整改成效[\s\S]*验收通过[\s\S]*同意销号/);

    // The list shows it verified, and the item came from the finding.
    await page.goto('/rectifications?status=verified&source=finding');
    await page.getByTestId('rectification-table').getByRole('link', { name: finding.message.zh }).first().waitFor();
  });
});
