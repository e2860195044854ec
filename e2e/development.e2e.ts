/**
 * Member development (发展党员) in the browser: a branch secretary, on a phone at the meeting-room
 * door, records the general assembly's admission vote for a candidate — the form refuses counts
 * that do not add up before sending anything, and shows the server's refusal (field and rule) of
 * an 应到 that is not the branch's voting members — then the college admin approves the case from
 * the approval queue and the case shows 预备党员.
 *
 * The case is built through the API by the university admin (the demo's development data is not
 * relied on): application two years ago, talk, League recommendation, activist with a mentor,
 * candidate after 13 months, political review, 24 hours of training, two sponsors, publicity and
 * the preliminary review. A third test: the college records its activist pool analysis (DEV-11)
 * with the day's counts shown first, and links a secretary to a young-teacher activist and ends
 * the contact (DEV-14); the menu's section is open and the org tree keeps the development page.
 */
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { memberships, people } from '../src/db/schema.ts';
import { activistColumns } from '../src/modules/dev-roster/columns.ts';
import { choose, chooseInTree } from './antd.ts';
import { type BrowserSuite, useBrowser } from './harness.ts';

const todayInShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

type CaseDetail = { id: string; stage: string; version: number; events: { step: string; on: string }[] };

/** Full members of the branch in normal standing since `since`, oldest membership first. */
async function fullMembersSince(b: BrowserSuite, branchId: string, since: string) {
  const tenantId = b.harness.fixture.university.id;
  return b.harness.db
    .select({ id: people.id, code: people.code, name: people.name })
    .from(memberships)
    .innerJoin(people, and(eq(people.tenantId, memberships.tenantId), eq(people.id, memberships.personId)))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.orgId, branchId),
        eq(memberships.status, 'full'),
        eq(memberships.standing, 'normal'),
        isNull(memberships.validTo),
        lte(memberships.validFrom, since),
      ),
    )
    .orderBy(asc(memberships.validFrom), asc(people.code));
}

/** 应到: the full members of the branch in normal standing on the day (who may vote). */
async function votingMembersOn(b: BrowserSuite, branchId: string, day: string) {
  const tenantId = b.harness.fixture.university.id;
  const [row] = await b.harness.db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.orgId, branchId),
        eq(memberships.status, 'full'),
        eq(memberships.standing, 'normal'),
        lte(memberships.validFrom, day),
        or(isNull(memberships.validTo), gt(memberships.validTo, day)),
      ),
    );
  return Number(row.n);
}

/** An activist list in the template's layout: its headers, then one row per person. */
async function activistFile(rows: Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('入党积极分子名单');
  sheet.addRow(activistColumns.map((c) => c.header));
  for (const r of rows) sheet.addRow(activistColumns.map((c) => r[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Pipeline = { totals: Record<string, number> };
type PoolCounts = { on: string; byStage: Record<string, { student: number; staff: number }>; youngTeachers: number };
type Contact = { id: string; caseId: string; secretaryId: string; fromOn: string; toOn: string | null };

/**
 * A young-teacher (staff) activist of the demo and someone who may keep in contact with them today (DEV-14): the
 * secretary of their college-level organization or of a teacher branch in it, not yet linked.
 */
async function contactablePair(b: BrowserSuite, today: string) {
  const tenantId = b.harness.fixture.university.id;
  const result = await b.harness.db.execute(sql`select dc.id as "caseId", p.code as "personCode",
      col.id as "collegeId", col.name as "collegeName", s.id as "secretaryId", s.code as "secretaryCode",
      s.name as "secretaryName"
    from dev_cases dc
    join orgs o on o.tenant_id = dc.tenant_id and o.id = dc.org_id
    join orgs col on col.tenant_id = o.tenant_id and col.id = nullif(split_part(o.path, '/', 3), '')::uuid
    join people p on p.tenant_id = dc.tenant_id and p.id = dc.person_id
    join lateral (select ps.person_id from positions ps
        join terms t on t.tenant_id = ps.tenant_id and t.id = ps.term_id
        join orgs so on so.tenant_id = t.tenant_id and so.id = t.org_id
      where ps.tenant_id = dc.tenant_id and ps.role = 'secretary' and ps.person_id <> dc.person_id
        and ps.valid_from <= ${today}::date and (ps.valid_to is null or ps.valid_to > ${today}::date)
        and (so.id = col.id or (so.kind = 'branch' and so.branch_category = 'teacher' and so.path like col.path || '%'))
        and not exists (select 1 from dev_contacts k where k.case_id = dc.id and k.secretary_id = ps.person_id)
      order by ps.person_id limit 1) sec on true
    join people s on s.tenant_id = dc.tenant_id and s.id = sec.person_id
    where dc.tenant_id = ${tenantId}::uuid and dc.stage = 'activist' and p.person_category = 'staff'
      and (select min(e.on) from dev_events e where e.case_id = dc.id and e.step = 'activist') <= ${today}::date
    order by p.code limit 1`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    caseId: string;
    personCode: string;
    collegeId: string;
    collegeName: string;
    secretaryId: string;
    secretaryCode: string;
    secretaryName: string;
  }[];
  return rows[0];
}
type Roster = { items: { personCode: string; personName: string; stage: string; mentors: string[] }[] };

async function makeLogin(b: BrowserSuite, role: 'branchSecretary' | 'collegeAdmin', orgId: string) {
  const username = `e2e-dev-${role === 'branchSecretary' ? 's' : 'c'}-${Date.now() % 100000}`;
  const res = await b.api<{ password: string }>('POST', '/accounts', {
    username,
    displayName: role === 'branchSecretary' ? '支部书记（发展）' : '学院组织员',
    personId: null,
    grants: [{ role, orgId }],
  });
  expect(res.status).toBe(200);
  return { username, password: res.json.password };
}

async function signInAs(page: Page, login: { username: string; password: string }) {
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(login.username);
  await page.getByLabel('密码', { exact: true }).fill(login.password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('app-shell').waitFor();
}

describe('member development', () => {
  const b = useBrowser();

  it('a secretary records the admission vote on a phone (bad counts refused first) and the college approves it', async () => {
    const { branch, college } = b.harness.fixture;
    const today = todayInShanghai();
    const appliedOn = addDays(today, -760);
    await b.signIn();

    const elders = await fullMembersSince(b, branch.id, appliedOn);
    expect(elders.length).toBeGreaterThanOrEqual(2);
    const [first, second] = elders;

    const opened = await b.api<CaseDetail>('POST', '/development/cases', {
      orgId: branch.id,
      person: {
        code: `E2E-DEV-${Date.now() % 100000}`,
        name: '发展对象甲',
        personCategory: 'student',
        birthDate: '2003-05-04',
      },
      on: appliedOn,
    });
    expect(`${opened.status} ${opened.status === 200 ? '' : JSON.stringify(opened.json)}`).toBe('200 ');
    const caseId = opened.json.id;
    const activistOn = addDays(appliedOn, 30);
    const steps = [
      { step: 'talk', on: addDays(appliedOn, 10), data: { by: [first.id] } },
      { step: 'leagueRecommendation', on: addDays(appliedOn, 20) },
      { step: 'activist', on: activistOn, data: { mentors: [first.id] } },
      { step: 'candidate', on: addDays(activistOn, 400) },
      { step: 'politicalReview', on: addDays(today, -300) },
      { step: 'training', on: addDays(today, -290), data: { hours: 24 } },
      { step: 'sponsors', on: addDays(today, -280), data: { sponsors: [first.id, second.id] } },
      { step: 'publicity', on: addDays(today, -40), data: { until: addDays(today, -33) } },
      { step: 'preReview', on: addDays(today, -25) },
    ];
    for (const s of steps) {
      const res = await b.api('POST', `/development/cases/${caseId}/events`, { data: {}, documents: [], ...s });
      expect(`${s.step} ${res.status} ${res.status === 200 ? '' : JSON.stringify(res.json)}`).toBe(`${s.step} 200 `);
    }
    const voteOn = addDays(today, -5);
    const expected = await votingMembersOn(b, branch.id, voteOn);
    expect(expected).toBeGreaterThanOrEqual(3);

    const secretary = await makeLogin(b, 'branchSecretary', branch.id);
    const organizer = await makeLogin(b, 'collegeAdmin', college.id);

    // The secretary, on a phone.
    const page = b.page;
    await page.setViewportSize({ width: 375, height: 812 });
    await signInAs(page, secretary);
    await page.goto(`/development/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('发展对象');
    await page.getByRole('button', { name: '记录下一步' }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: '表决' });
    await drawer.waitFor();
    // The step due next is offered.
    await expect.poll(() => drawer.locator('.ant-select').first().textContent()).toContain('支部大会讨论接收');
    const date = drawer.getByLabel('日期', { exact: true });
    await date.fill(voteOn);
    await date.press('Enter');
    const count = (label: string) => drawer.getByLabel(label, { exact: true });
    await count('应到').fill(String(expected));
    await count('实到').fill(String(expected));
    await count('赞成').fill(String(expected));
    await count('反对').fill('1');
    await count('弃权').fill('0');
    const verdict = drawer.getByTestId('vote-check');
    await expect.poll(() => verdict.textContent()).toContain('赞成、反对、弃权之和应等于实到人数');

    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/v1/development/')) posts.push(r.url());
    });
    await drawer.getByRole('button', { name: /提\s*交/ }).click();
    await drawer.getByText('表决票数有误，请核对后再提交').waitFor();
    expect(posts).toEqual([]);
    await page.screenshot({ path: 'test-results/development--vote-refused-phone.png', fullPage: true });

    // Counts that add up, but an 应到 that is not the branch's voting members: the server refuses (DEV-08).
    await count('应到').fill(String(expected + 1));
    await count('实到').fill(String(expected));
    await count('赞成').fill(String(expected));
    await count('反对').fill('0');
    await expect.poll(() => verdict.textContent()).toContain('票数相符');
    const refused = page.waitForResponse((r) => r.url().endsWith(`/development/cases/${caseId}/events`));
    await drawer.getByRole('button', { name: /提\s*交/ }).click();
    expect((await refused).status()).toBe(400);
    const refusal = drawer.getByTestId('step-refused');
    await expect.poll(() => refusal.textContent()).toContain('DEV-08');
    await expect
      .poll(() => refusal.textContent())
      .toContain(`应到${expected + 1}人与支部当日有表决权的正式党员${expected}人不符`);
    // …and on the field itself.
    await drawer.locator('.ant-form-item-explain-error').filter({ hasText: '不符' }).first().waitFor();

    await count('应到').fill(String(expected));
    await expect.poll(() => verdict.textContent()).toContain('赞成票超过应到人数的一半，通过');
    await expect.poll(() => verdict.textContent()).toContain('到会人数过半');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/development/cases/${caseId}/events`));
    await drawer.getByRole('button', { name: /提\s*交/ }).click();
    const response = await saved;
    expect(`${response.status()} ${response.status() === 200 ? '' : await response.text()}`).toBe('200 ');
    const timeline = page.getByTestId('case-timeline');
    await timeline.getByText('支部大会讨论接收').waitFor();
    await expect.poll(() => timeline.textContent()).toContain(`应到 ${expected} · 实到 ${expected} · 赞成 ${expected}`);
    // Still a candidate until the college approves.
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('发展对象');
    await page.screenshot({ path: 'test-results/development--vote-recorded-phone.png', fullPage: true });

    // A thought report after the vote is the case's latest step; the case still waits for approval.
    const report = await b.api('POST', `/development/cases/${caseId}/events`, {
      step: 'thoughtReport',
      on: addDays(today, -2),
      data: {},
      documents: [{ name: '思想汇报' }],
    });
    expect(`${report.status} ${report.status === 200 ? '' : JSON.stringify(report.json)}`).toBe('200 ');

    // The college admin approves it from the queue, on a desk.
    await page.setViewportSize({ width: 1440, height: 900 });
    await signInAs(page, organizer);
    await page.goto(`/development/queue?orgId=${college.id}`);
    const row = page.getByTestId('approval-queue').locator('tr.ant-table-row').filter({ hasText: '发展对象甲' });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('上级党委审批');
    await b.snap('development--queue');
    await row.getByRole('button', { name: /审批通过/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '审批日期' });
    const approved = page.waitForResponse((r) => r.url().endsWith(`/development/cases/${caseId}/events`));
    await dialog.getByRole('button', { name: /审批通过/ }).click();
    const approval = await approved;
    expect(`${approval.status()} ${approval.status() === 200 ? '' : await approval.text()}`).toBe('200 ');
    await row.waitFor({ state: 'detached' });

    await page.goto(`/development/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('case-stage').textContent()).toBe('预备党员');
    await page.getByTestId('case-timeline').getByText('上级党委审批').waitFor();
    const stored = await b.api<CaseDetail>('GET', `/development/cases/${caseId}`);
    expect(stored.json.stage).toBe('probationary');
    expect(stored.json.events.map((e) => e.step).slice(-3)).toEqual(['admissionVote', 'thoughtReport', 'approval']);
    await b.snap('development--approved');
  });
  it('the college imports an activist list (row errors first), sees them on the roster and the board, and files its plan', async () => {
    const { branch, college } = b.harness.fixture;
    const today = todayInShanghai();
    const appliedOn = addDays(today, -200);
    const activistOn = addDays(today, -100);
    await b.signIn();
    const [mentor] = await fullMembersSince(b, branch.id, activistOn);
    expect(mentor).toBeDefined();
    const stamp = Date.now() % 100000;
    const newcomers = [
      { code: `E2E-A${stamp}1`, name: '积极分子乙' },
      { code: `E2E-A${stamp}2`, name: '积极分子丙' },
    ];
    for (const p of newcomers) {
      const res = await b.api('POST', '/people', { ...p, personCategory: 'student', birthDate: '2004-03-05' });
      expect(`${res.status} ${res.status === 200 ? '' : JSON.stringify(res.json)}`).toBe('200 ');
    }
    const before = (await b.api<Pipeline>('GET', `/development/pipeline?orgId=${college.id}`)).json;
    const row = (p: { code: string; name: string }, mentors: string) => ({
      code: p.code,
      name: p.name,
      branchCode: branch.code,
      appliedOn,
      activistOn,
      mentors,
    });
    const page = b.page;
    await page.goto('/development/import');
    const upload = async (name: string, buffer: Buffer) => {
      await page.locator('input[type=file]').setInputFiles({
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      await page.getByRole('button', { name: /检\s*查$/ }).click();
    };
    // The second person's mentor is unknown: the check names row 3 and the mentors' column.
    await upload('名单.xlsx', await activistFile([row(newcomers[0], mentor.code), row(newcomers[1], 'NO-SUCH-CODE')]));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const cells = (await errors.locator('tbody tr.ant-table-row').first().locator('td').allTextContents()).map((c) =>
      c.trim(),
    );
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('培养联系人编号');
    expect(await page.getByRole('button', { name: /导\s*入$/ }).isDisabled()).toBe(true);
    await b.snap('development--import-errors');

    await upload('名单-改.xlsx', await activistFile(newcomers.map((p) => row(p, mentor.code))));
    await page.getByText('检查通过：将导入 2 人。').waitFor();
    await page.getByRole('button', { name: /导\s*入$/ }).click();
    await page.getByText('已导入 2 人。').waitFor();

    // The roster shows both with their mentor, and exports.
    await page.goto(`/development/roster?orgId=${branch.id}`);
    const roster = page.getByTestId('dev-roster');
    for (const p of newcomers) {
      const line = roster.locator('tr.ant-table-row').filter({ hasText: p.code });
      await line.waitFor();
      await expect.poll(() => line.textContent()).toContain(mentor.name);
      await expect.poll(() => line.textContent()).toContain('入党积极分子');
    }
    const stored = (await b.api<Roster>('GET', `/development/roster?orgId=${branch.id}`)).json;
    expect(stored.items.filter((i) => newcomers.some((p) => p.code === i.personCode)).map((i) => i.stage)).toEqual([
      'activist',
      'activist',
    ]);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await downloaded).suggestedFilename()).toMatch(/\.xlsx$/);

    // The college's board counts them among the activists, and the card opens the list.
    await page.goto(`/development?orgId=${college.id}`);
    const card = page.getByTestId('pipeline-board').locator('[data-stage="activist"]');
    await expect
      .poll(() => card.locator('.ant-statistic-content').textContent())
      .toBe(String((before.totals.activist ?? 0) + 2));
    // The list lacks their talks (the import records the application and the activist step only): late.
    const owed = page.getByTestId('dev-due').locator('tr.ant-table-row').filter({ hasText: newcomers[0].code });
    await owed.filter({ hasText: '入党申请人谈话' }).waitFor();
    await expect
      .poll(() => owed.filter({ hasText: '入党申请人谈话' }).textContent())
      .toContain(`已逾期 ${addDays(appliedOn, 30)}`);
    await b.snap('development--board');
    await card.click();
    await page.waitForURL(/\/development\/cases\?.*stage=activist/);
    await page.locator('tr.ant-table-row').filter({ hasText: newcomers[0].code }).waitFor();
    await b.snap('development--activist-list');

    // The college files next year's plan (none yet, whatever the demo holds): five students for the branch.
    const nextYear = Number(today.slice(0, 4)) + 1;
    await page.goto(`/development/plans?orgId=${college.id}&year=${nextYear}`);
    const planRow = page
      .getByTestId('plan-overview')
      .locator('tr.ant-table-row')
      .filter({ hasText: college.name })
      .first();
    await planRow.getByRole('button', { name: /制定计划/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '添加一行' });
    await dialog.waitFor();
    await chooseInTree(page, dialog.getByLabel('党支部').first(), branch.name, branch.name);
    await dialog.getByLabel('计划数').first().fill('5');
    const saved = page.waitForResponse(
      (r) => /\/api\/v1\/dev-plans(\/[^/]+)?$/.test(new URL(r.url()).pathname) && r.request().method() !== 'GET',
    );
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const response = await saved;
    expect(`${response.status()} ${response.status() === 200 ? '' : await response.text()}`).toBe('200 ');
    await planRow.getByRole('button', { name: college.name }).click();
    const progress = page.getByTestId('plan-progress').locator('tr.ant-table-row').filter({ hasText: branch.name });
    await progress.waitFor();
    await expect.poll(() => progress.textContent()).toContain('学生');
    await expect.poll(async () => (await progress.locator('td').allTextContents())[2]).toBe('5');
    await b.snap('development--plan');
  });

  it("the college records its activist pool analysis with the day's counts, and links a secretary to an activist and ends it", async () => {
    const { college, university } = b.harness.fixture;
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    await b.signIn();
    const page = b.page;
    await page.setViewportSize({ width: 1440, height: 900 });

    // From the university's list, the org tree narrows the page to the college (it stays on the page).
    await page.goto(`/development/pool-analyses?orgId=${university.id}&year=${year}`);
    // The 发展党员 section of the menu is open on its pages.
    await page.getByRole('menuitem', { name: '积极分子队伍分析' }).waitFor();
    await page.getByTestId('org-tree').getByText(college.name).first().click();
    await page.waitForURL(
      (url) => url.pathname === '/development/pool-analyses' && url.searchParams.get('orgId') === college.id,
    );
    const counts = (await b.api<PoolCounts>('GET', `/dev-pool-analyses/counts?orgId=${college.id}&on=${today}`)).json;

    await page.getByRole('button', { name: /登记队伍分析/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '分析情况' });
    await dialog.waitFor();
    // The college comes preset when the page lists only it; a click that lands while the page still
    // shows the university's colleges opens the dialog with all of them, as a quick user would get.
    await choose(page, dialog.getByLabel('二级党组织'), college.name);
    // The counts of the chosen day are shown before anything is sent.
    const activists = counts.byStage.activist;
    await expect
      .poll(() => dialog.getByTestId('pool-counts').textContent())
      .toContain(`${activists.student + activists.staff}人（学生${activists.student}，教职工${activists.staff}）`);
    const summary = `E2E 队伍分析 ${Date.now() % 100000}：积极分子结构合理，青年教师偏少。`;
    await dialog.getByLabel('分析情况').fill(summary);
    const recorded = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/dev-pool-analyses' && r.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const response = await recorded;
    expect(`${response.status()} ${response.status() === 200 ? '' : await response.text()}`).toBe('200 ');
    const line = page.getByTestId('pool-analyses').locator('tr.ant-table-row').filter({ hasText: summary });
    await line.waitFor();
    await expect.poll(() => line.textContent()).toContain(today);
    const stored = (
      await b.api<{ items: { summary: string; heldOn: string; counts: PoolCounts }[] }>(
        'GET',
        `/dev-pool-analyses?orgId=${college.id}&year=${year}`,
      )
    ).json.items.find((a) => a.summary === summary);
    expect(stored).toMatchObject({ heldOn: today, counts });
    await b.snap('development--pool-analyses');

    // A secretary takes up contact with an activist of their college, then the contact ends.
    const pair = await contactablePair(b, today);
    expect(pair, 'the demo has an activist with a secretary who may contact them').toBeDefined();
    await page.goto(`/development/contacts?orgId=${pair.collegeId}`);
    await page.getByRole('menuitem', { name: '书记联系积极分子' }).waitFor();
    await page.getByRole('button', { name: /确定联系书记/ }).click();
    const form = page.getByRole('dialog').filter({ hasText: '联系书记' });
    await form.waitFor();
    const person = form.getByLabel('入党积极分子 / 发展对象');
    await person.click();
    await person.pressSequentially(pair.personCode);
    await choose(page, person, pair.personCode);
    const secretary = form.getByLabel('联系书记');
    await secretary.click();
    await secretary.pressSequentially(pair.secretaryCode);
    await choose(page, secretary, pair.secretaryCode);
    // A multiple select keeps its list open after a pick: close it by clicking elsewhere in the form.
    await form.locator('.ant-modal-title').click();
    const linked = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/dev-contacts' && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: /确\s*定|OK/ }).click();
    const link = await linked;
    expect(`${link.status()} ${link.status() === 200 ? '' : await link.text()}`).toBe('200 ');
    const row = page
      .getByTestId('dev-contacts')
      .locator('tr.ant-table-row')
      .filter({ hasText: pair.personCode })
      .filter({ hasText: pair.secretaryName });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('联系中');
    await b.snap('development--contacts');

    await row.getByRole('button', { name: /结束联系/ }).click();
    const end = page.getByRole('dialog').filter({ hasText: '结束日期' });
    const ended = page.waitForResponse((r) => /\/api\/v1\/dev-contacts\/[^/]+$/.test(new URL(r.url()).pathname));
    await end.getByRole('button', { name: /确\s*定|OK/ }).click();
    const endResponse = await ended;
    expect(`${endResponse.status()} ${endResponse.status() === 200 ? '' : await endResponse.text()}`).toBe('200 ');
    await expect.poll(() => row.textContent()).not.toContain('联系中');
    const contacts = (await b.api<{ items: Contact[] }>('GET', `/dev-contacts?orgId=${pair.collegeId}`)).json.items;
    expect(contacts.filter((c) => c.caseId === pair.caseId && c.secretaryId === pair.secretaryId)).toEqual([
      expect.objectContaining({ fromOn: today, toOn: today }),
    ]);
  });
});
