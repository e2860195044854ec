/**
 * Compliance in the browser: the organization-department admin drills down the heat map from the
 * university to a college and a branch, opens one of the branch's findings and follows its
 * evidence to the record; and a parameter override, added then changed, shows in the explain
 * panel with where the value came from. The branch and finding are chosen through the API from
 * the evaluated demo data, so the test follows the data rather than restating it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { choose } from './antd.ts';
import { type BrowserSuite, useBrowser } from './harness.ts';

type TreeNode = { id: string; name: string; kind: string; children: TreeNode[] };
type Finding = { id: string; rule: string; org: { id: string; name: string }; message: { zh: string; en: string } };
type FindingDetail = Finding & { evidence: { kind: string; id: string; label: string }[] };
type Rule = {
  id: string;
  implemented: boolean;
  params: Record<string, { type: string; default: number | string; min?: number; max?: number }>;
};

/** The findings exist once the demo is evaluated; evaluate here if the harness has not. */
async function ensureEvaluated(b: BrowserSuite) {
  const some = await b.api<{ total: number }>('GET', '/compliance/findings?pageSize=1');
  expect(some.status).toBe(200);
  if (some.json.total > 0) return;
  const run = await b.api('POST', '/compliance/evaluate', {});
  expect(run.status).toBe(200);
}

/** Where each evidence kind leads in the app. */
const recordPath: Record<string, string> = { meeting: '/meetings/', person: '/members/', org: '/orgs/' };

/** Rules whose findings point to meetings, tried first; then any rule. */
const meetingRules = ['LIFE-12', 'LIFE-11', undefined];

/**
 * A college, one of its branches, and a finding among the branch's first open findings (the ones
 * its dashboard lists) with evidence that opens a record — a meeting when there is one.
 */
async function pickFinding(b: BrowserSuite) {
  const tree = await b.api<{ roots: TreeNode[] }>('GET', '/orgs/tree');
  const collegeOf = new Map<string, TreeNode>();
  for (const college of tree.json.roots[0].children.filter((c) => c.kind === 'college'))
    for (const branch of college.children.filter((c) => c.kind === 'branch')) collegeOf.set(branch.id, college);
  let tried = 0;
  for (const rule of meetingRules) {
    const found = await b.api<{ items: Finding[] }>(
      'GET',
      `/compliance/findings?pageSize=50${rule ? `&rule=${rule}` : ''}`,
    );
    for (const finding of found.json.items.filter((f) => collegeOf.has(f.org.id))) {
      if (++tried > 25) break;
      const detail = await b.api<FindingDetail>('GET', `/compliance/findings/${finding.id}`);
      const linked = detail.json.evidence.filter((e) => recordPath[e.kind]);
      const evidence = linked.find((e) => e.kind === 'meeting') ?? (rule ? undefined : linked[0]);
      if (!evidence) continue;
      const listed = await b.api<{ items: Finding[] }>('GET', `/compliance/findings?org=${finding.org.id}&pageSize=10`);
      if (!listed.json.items.some((f) => f.id === finding.id)) continue;
      return { college: collegeOf.get(finding.org.id) as TreeNode, branch: finding.org, finding, evidence };
    }
  }
  throw new Error('no branch finding of the demo has evidence that opens a record');
}

describe('compliance', () => {
  const b = useBrowser();

  it('drills down from the university heat map to a branch finding and opens its evidence', async () => {
    await b.signIn();
    await ensureEvaluated(b);
    const { college, branch, finding, evidence } = await pickFinding(b);
    const { page } = b;

    await page.goto('/compliance');
    await page.getByTestId('heatmap-chart').locator('canvas').first().waitFor();
    const rows = page.getByTestId('heat-rows');

    // A cell of the chart's first row drills down too (rows are drawn in the table's order).
    const firstName = (await rows
      .locator('tbody tr.ant-table-row')
      .first()
      .getByRole('link')
      .first()
      .textContent()) as string;
    const chart = page.getByTestId('heatmap-chart');
    const box = (await chart.boundingBox()) as { width: number; height: number };
    await chart.click({ position: { x: box.width - 40, y: 24 } });
    await expect.poll(() => page.getByTestId('compliance-breadcrumb').textContent()).toContain(firstName);
    await page.goBack();
    await rows.getByRole('link', { name: college.name, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('org') === college.id);
    await expect.poll(() => page.getByTestId('compliance-breadcrumb').textContent()).toContain(college.name);

    await rows.getByRole('link', { name: branch.name, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('org') === branch.id);
    await page.getByTestId('scorecard').waitFor();
    expect(Number(await page.getByTestId('score').textContent())).toBeGreaterThanOrEqual(0);

    // Back up one level by the breadcrumb, and down again.
    await page.getByTestId('compliance-breadcrumb').getByRole('link', { name: college.name }).click();
    await page.waitForURL((url) => url.searchParams.get('org') === college.id);
    await rows.getByRole('link', { name: branch.name, exact: true }).click();

    // Several members may have findings with the same message: the link is the finding's own.
    await page.getByTestId('findings-table').locator(`a[href="/compliance/findings/${finding.id}"]`).click();
    await page.waitForURL(`**/compliance/findings/${finding.id}`);
    await expect.poll(() => page.getByTestId('finding-message').textContent()).toBe(finding.message.zh);
    await page.getByTestId('finding-history').waitFor();

    await page
      .getByTestId('evidence-list')
      .getByRole('link', { name: evidence.label || evidence.id, exact: true })
      .first()
      .click();
    await page.waitForURL(`**${recordPath[evidence.kind]}${evidence.id}`);
    if (evidence.kind === 'meeting') await page.getByTestId('meeting-title').waitFor();
  });

  it('an override added and then changed shows in the explain panel with who set it', async () => {
    await b.signIn();
    const rules = await b.api<{ items: Rule[] }>('GET', '/compliance/rules');
    const rule = rules.json.items.find(
      (r) => r.implemented && Object.values(r.params).some((p) => p.type === 'integer' && p.min !== undefined),
    );
    if (!rule) throw new Error('no implemented rule with a bounded integer parameter');
    const [param, spec] = Object.entries(rule.params).find(([, p]) => p.type === 'integer' && p.min !== undefined) as [
      string,
      { default: number; min: number; max?: number },
    ];
    const first = spec.max !== undefined && spec.default + 1 > spec.max ? spec.default - 1 : spec.default + 1;
    const second = spec.max !== undefined && first + 1 > spec.max ? first - 1 : first + 1;
    const { page } = b;

    await page.goto('/compliance/standards');
    await page.getByRole('button', { name: '新增覆盖' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新增覆盖' });
    const ruleField = dialog.getByLabel('规则', { exact: true });
    await ruleField.click();
    await ruleField.pressSequentially(rule.id);
    await choose(page, ruleField, rule.id);

    // A value below the schema's minimum is refused on its field, and nothing is saved.
    await dialog.getByLabel(param, { exact: true }).fill(String(spec.min - 1));
    await dialog.getByLabel('理由', { exact: true }).fill('E2E：本校要求更严');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/compliance/overrides') && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    expect((await refused).status()).toBe(400);
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();

    await dialog.getByLabel(param, { exact: true }).fill(String(first));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Saving opens the explain panel at the rule and the university.
    const value = page.getByTestId(`explain-value-${param}`);
    const source = page.getByTestId(`explain-source-${param}`);
    await expect.poll(() => value.textContent()).toMatch(new RegExp(`^${first}\\b`));
    await expect.poll(() => source.textContent()).toContain('全校');
    expect(await source.textContent()).toContain('E2E：本校要求更严');

    // Changing it: the panel follows.
    const row = page.getByTestId('overrides').locator('tbody tr').filter({ hasText: rule.id });
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = page.getByRole('dialog').filter({ hasText: '修改覆盖' });
    await edit.getByLabel(param, { exact: true }).fill(String(second));
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => value.textContent()).toMatch(new RegExp(`^${second}\\b`));
  });

  it("a branch secretary's compliance to-dos show on the workbench of a 375 px phone", async () => {
    await b.signIn();
    await ensureEvaluated(b);
    const open = await b.api<{ items: Finding[] }>('GET', '/compliance/findings?pageSize=1&severity=breach');
    const branchId = open.json.items[0]?.org.id;
    expect(branchId).toBeTruthy();
    const username = `e2e-cs-${Date.now() % 100000}`;
    const made = await b.api<{ password: string }>('POST', '/accounts', {
      username,
      displayName: '支部书记（合规测试）',
      personId: null,
      grants: [{ role: 'branchSecretary', orgId: branchId }],
    });
    expect(made.status).toBe(200);

    const phone = await b.harness.browser.newContext({
      baseURL: b.harness.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 375, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    phone.setDefaultTimeout(15_000);
    try {
      const page = await phone.newPage();
      await page.goto('/login');
      await page.getByLabel('用户名', { exact: true }).fill(username);
      await page.getByLabel('密码', { exact: true }).fill(made.json.password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL(/\/workbench$/);
      const todos = await phone.request.get(`${b.harness.baseUrl}/api/v1/compliance/todos`);
      expect(todos.status()).toBe(200);
      const items = ((await todos.json()) as { items: { findingId: string; title: string }[] }).items;
      expect(items.length).toBeGreaterThan(0);

      const list = page.getByTestId('compliance-todos');
      await expect.poll(() => list.locator('.zb-item-list > li').count()).toBe(Math.min(items.length, 8));
      const box = await list.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
      await list.getByRole('link', { name: items[0].title, exact: true }).first().click();
      await page.waitForURL(/\/compliance\/findings\/[0-9a-f-]{36}$/);
      await page.getByTestId('finding-message').waitFor();
      await page.screenshot({ path: 'test-results/compliance-secretary-phone-finding.png', fullPage: true });
    } finally {
      await phone.close();
    }
  });

  it('filters the findings list by family and severity and exports the same rows to Excel', async () => {
    await b.signIn();
    await ensureEvaluated(b);
    const expected = await b.api<{ total: number }>(
      'GET',
      '/compliance/findings?family=LIFE&severity=breach&pageSize=1',
    );
    expect(expected.json.total).toBeGreaterThan(0);
    const { page } = b;

    // A filtered list is linkable: the family comes from the address, the severity from its field.
    await page.goto('/compliance/findings?family=LIFE');
    expect(
      await page
        .getByLabel('类别', { exact: true })
        .locator('xpath=ancestor::div[contains(@class,"ant-select ")][1]')
        .textContent(),
    ).toContain('组织生活');
    await choose(page, page.getByLabel('严重程度', { exact: true }), '违规');
    await page.waitForURL(
      (url) => url.searchParams.get('family') === 'LIFE' && url.searchParams.get('severity') === 'breach',
    );
    const table = page.getByTestId('findings-table');
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent())
      .toBe(`共 ${expected.json.total} 条`);
    const tags = await table.locator('tbody tr td:first-child .ant-tag').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(['违规']));

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const familyAt = header.indexOf('类别');
    const severityAt = header.indexOf('严重程度');
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(row.values as unknown[]);
    });
    expect(rows.length).toBe(expected.json.total);
    expect(new Set(rows.map((r) => r[familyAt]))).toEqual(new Set(['LIFE']));
    expect(new Set(rows.map((r) => r[severityAt]))).toEqual(new Set(['违规']));
  });

  it('adopting a set after someone else changed the configuration shows the conflict, reloads, then saves', async () => {
    await b.signIn();
    const before = await b.api<{ standardSets: string[]; version: number }>('GET', '/compliance/config');
    const sets = await b.api<{ items: { code: string }[] }>('GET', '/compliance/standard-sets');
    const extra = sets.json.items.map((s) => s.code).find((c) => !before.json.standardSets.includes(c)) as string;
    expect(extra).toBeTruthy();
    const { page } = b;
    await page.goto('/compliance/standards');
    const box = page.getByTestId('standard-sets').getByLabel(extra, { exact: true });
    await box.waitFor();

    // Someone else saves meanwhile: the version the page read is stale.
    const other = await b.api('PUT', '/compliance/config', {
      standardSets: before.json.standardSets,
      version: before.json.version,
    });
    expect(other.status).toBe(200);
    await box.check();
    const save = page.getByRole('button', { name: '保存采用的标准集' });
    await save.click();
    await page.getByRole('alert').filter({ hasText: '配置已被他人修改' }).waitFor();
    await expect.poll(() => box.isChecked()).toBe(false);

    await box.check();
    await save.click();
    await expect
      .poll(async () => (await b.api<{ standardSets: string[] }>('GET', '/compliance/config')).json.standardSets)
      .toContain(extra);
    const now = await b.api<{ version: number }>('GET', '/compliance/config');
    await b.api('PUT', '/compliance/config', { standardSets: before.json.standardSets, version: now.json.version });
  });
});
