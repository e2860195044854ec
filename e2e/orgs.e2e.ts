import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../src/server/context.ts';
import { useBrowser } from './harness.ts';

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

describe('the organization tree', () => {
  const b = useBrowser();

  it('walks from the university to a college and a branch, and shows its committee, term countdown and members', async () => {
    const { page } = b;
    const { university, college, branch, term, branchMembers } = b.harness.fixture;
    await b.signIn();
    const tree = page.getByTestId('org-tree');
    await tree.getByText(university.name).first().waitFor();

    // The university is open; its colleges are listed under it.
    await tree.getByText(college.name).first().click();
    await page.waitForURL(new RegExp(`/orgs/${college.id}$`));
    await page.locator('.ant-card-head').getByText(college.name).first().waitFor();
    await page.getByRole('link', { name: branch.name }).first().waitFor();

    // Open the college in the tree and pick the branch there.
    await tree
      .locator('.ant-tree-treenode')
      .filter({ hasText: college.name })
      .locator('.ant-tree-switcher')
      .first()
      .click();
    await tree.getByText(branch.name).first().click();
    await page.waitForURL(new RegExp(`/orgs/${branch.id}$`));
    await page.locator('.ant-card-head').getByText(branch.name).first().waitFor();
    const crumbs = await page.locator('.ant-breadcrumb').textContent();
    expect(crumbs).toContain(university.name);
    expect(crumbs).toContain(college.name);

    const daysLeft = daysBetween(todayInShanghai(new Date()), term.endsOn);
    const countdown = page.getByTestId('term-countdown').first();
    await expect.poll(() => countdown.textContent()).toBe(`距届满 ${daysLeft} 天`);
    expect(await page.getByText(term.endsOn).count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '委员会与届次' }).click();
    const committee = page.getByRole('tabpanel').filter({ hasText: '书记' });
    await committee.getByRole('link', { name: term.secretaryName }).first().waitFor();
    expect(await committee.getByText(term.electedOn).count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: '党员', exact: true }).click();
    const rows = page.getByTestId('org-member-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    // One page of 20: every row is a member of the branch, and the page is full if the branch is.
    await expect.poll(() => rows.count()).toBe(Math.min(20, branchMembers.length));
    for (const text of await rows.allTextContents())
      expect(branchMembers.some((name) => text.includes(name))).toBe(true);
  });
});
