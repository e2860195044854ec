/**
 * Organizational life in the browser: a secretary schedules a meeting, a member on a phone checks
 * in by the QR link, an absentee's make-up is recorded, the ledger is downloaded and read back, and
 * the counts page's totals match the counts API.
 * The secretary and member logins are made here by the university admin through the API.
 */
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, chooseInTree } from './antd.ts';
import { type BrowserSuite, useBrowser } from './harness.ts';

type PeoplePage = {
  items: { id: string; code: string; name: string; membership: { orgId: string; standing: string } | null }[];
  total: number;
};
type Attendee = {
  personId: string;
  name: string;
  attendance: {
    status: string;
    checkedInAt: string | null;
    makeupOn: string | null;
    makeupContent: string | null;
  } | null;
};
type Detail = {
  meeting: {
    id: string;
    orgId: string;
    title: string;
    type: string;
    status: string;
    heldOn: string;
    startTime: string | null;
    version: number;
  };
  expected: Attendee[];
};

const todayInShanghai = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const clockInShanghai = () =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());

let serial = 0;

/** A login made by the admin: a branch secretary of the fixture's branch, or a member linked to a person. */
async function makeLogin(b: BrowserSuite, role: 'branchSecretary' | 'member', personId?: string) {
  serial += 1;
  const username = `e2e-${role === 'member' ? 'm' : 's'}-${Date.now() % 100000}-${serial}`;
  const res = await b.api<{ password: string }>('POST', '/accounts', {
    username,
    displayName: role === 'member' ? '扫码党员' : '支部书记（测试）',
    personId: personId ?? null,
    grants: [{ role, orgId: b.harness.fixture.branch.id }],
  });
  expect(res.status).toBe(200);
  return { username, password: res.json.password };
}

/** Two members of the fixture's branch in normal standing, expected at any branch-wide meeting. */
async function branchMembers(b: BrowserSuite) {
  const res = await b.api<PeoplePage>('GET', `/people?orgId=${b.harness.fixture.branch.id}&pageSize=50`);
  const members = res.json.items.filter(
    (p) => p.membership?.orgId === b.harness.fixture.branch.id && p.membership.standing === 'normal',
  );
  expect(members.length).toBeGreaterThan(1);
  return members;
}

/** A fresh browser context signed in as the given login (a second person on another device). */
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
    acceptDownloads: true,
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

/** A branch-wide meeting of the fixture's branch today, made through the API. */
async function meetingToday(b: BrowserSuite, title: string, startTime: string | null = null) {
  const res = await b.api<Detail>('POST', '/meetings', {
    orgId: b.harness.fixture.branch.id,
    type: 'themeDay',
    heldOn: todayInShanghai(),
    startTime,
    title,
    place: '党员活动室',
    audience: 'branch',
  });
  expect(res.status).toBe(200);
  return res.json;
}

describe('organizational life', () => {
  const b = useBrowser();

  it('a secretary schedules a meeting through the form and finds it in the calendar', async () => {
    const { branch } = b.harness.fixture;
    await b.signIn();
    const secretary = await makeLogin(b, 'branchSecretary');
    const { context, page } = await signedIn(b, secretary);
    try {
      await page.goto('/meetings');
      await page.getByRole('button', { name: '安排会议' }).click();
      const drawer = page.getByRole('dialog').filter({ hasText: '安排会议' });
      await chooseInTree(page, drawer.getByLabel('组织', { exact: true }), branch.code, branch.name);
      await choose(page, drawer.getByLabel('会议类型', { exact: true }), '支部党员大会');
      await drawer.getByLabel('主题', { exact: true }).fill('E2E 支部党员大会：讨论发展对象');
      await drawer.getByLabel('地点', { exact: true }).fill('机电楼 207');
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/meetings') && r.request().method() === 'POST',
      );
      await drawer.getByRole('button', { name: /保\s*存/ }).click();
      expect((await created).status()).toBe(200);
      await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split('/').pop() as string;
      await expect.poll(() => page.getByTestId('meeting-title').textContent()).toBe('E2E 支部党员大会：讨论发展对象');
      expect(await page.getByTestId('meeting-status').textContent()).toBe('计划');

      const detail = await b.api<Detail>('GET', `/meetings/${id}`);
      expect(detail.json.meeting).toMatchObject({
        orgId: branch.id,
        type: 'generalAssembly',
        title: 'E2E 支部党员大会：讨论发展对象',
        heldOn: todayInShanghai(),
        status: 'planned',
      });

      // The calendar's list of this month links to it.
      await page.goto(`/meetings?orgId=${branch.id}&view=list`);
      const row = page.getByTestId('meeting-table').locator('tbody tr').filter({ hasText: 'E2E 支部党员大会' });
      await row.waitFor();
      expect(await row.locator('a').first().getAttribute('href')).toBe(`/meetings/${id}`);
    } finally {
      await context.close();
    }
  });

  it('a member on a phone checks in by the QR link, signing in first, and a reload does not check in twice', async () => {
    await b.signIn();
    const [member] = await branchMembers(b);
    const meeting = await meetingToday(b, 'E2E 扫码签到主题党日', clockInShanghai());
    const memberLogin = await makeLogin(b, 'member', member.id);
    const secretary = await makeLogin(b, 'branchSecretary');

    // The secretary shows the QR code on the meeting page.
    const desk = await signedIn(b, secretary);
    let link: string;
    try {
      await desk.page.goto(`/meetings/${meeting.meeting.id}`);
      await desk.page.getByRole('tab', { name: '扫码签到' }).click();
      const panel = desk.page.getByTestId('qr-panel');
      await panel.waitFor();
      expect(await panel.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      await expect.poll(() => desk.page.getByTestId('qr-countdown').textContent()).toMatch(/后过期/);
      link = await desk.page.getByTestId('qr-link').inputValue();
    } finally {
      await desk.context.close();
    }
    expect(link).toMatch(/\/checkin\?t=/);

    // The member scans it on a phone, not signed in yet.
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
      const url = new URL(link);
      await page.goto(url.pathname + url.search);
      await page.waitForURL(/\/login$/);
      await page.getByLabel('用户名', { exact: true }).fill(memberLogin.username);
      await page.getByLabel('密码', { exact: true }).fill(memberLogin.password);
      const checkin = page.waitForResponse((r) => r.url().endsWith('/api/v1/checkin'));
      await page.getByRole('button', { name: /登\s*录/ }).click();
      expect((await checkin).status()).toBe(200);
      await expect.poll(() => page.getByTestId('checkin-title').textContent()).toBe('签到成功');
      expect(await page.getByTestId('checkin-result').textContent()).toContain('E2E 扫码签到主题党日');
      expect(await page.getByTestId('checkin-already').count()).toBe(0);
      // No horizontal scrolling on the phone.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await page.screenshot({ path: 'test-results/life--checkin-375.png' });

      await page.reload();
      await expect.poll(() => page.getByTestId('checkin-already').count()).toBe(1);
      expect(await page.getByTestId('checkin-title').textContent()).toBe('签到成功');

      // A forged code is refused in words.
      await page.goto('/checkin?t=forged.token');
      await expect.poll(() => page.getByTestId('checkin-title').textContent()).toBe('签到未成功');
      expect(await page.getByTestId('checkin-message').textContent()).toContain('无效');
    } finally {
      await phone.close();
    }

    const after = await b.api<Detail>('GET', `/meetings/${meeting.meeting.id}`);
    const mine = after.json.expected.find((a) => a.personId === member.id);
    expect(mine?.attendance?.status).toBe('present');
    expect(mine?.attendance?.checkedInAt).toBeTruthy();
    expect(after.json.expected.filter((a) => a.attendance?.checkedInAt).length).toBe(1);
  });

  it("a secretary records an absentee's make-up on the meeting page", async () => {
    await b.signIn();
    const [absentee] = await branchMembers(b);
    const meeting = await meetingToday(b, 'E2E 补课主题党日');
    const marked = await b.api('PUT', `/meetings/${meeting.meeting.id}/attendance`, {
      entries: [{ personId: absentee.id, status: 'absent' }],
    });
    expect(marked.status).toBe(200);
    const secretary = await makeLogin(b, 'branchSecretary');
    const { context, page } = await signedIn(b, secretary);
    try {
      await page.goto(`/meetings/${meeting.meeting.id}`);
      const row = page.getByTestId('attendance-table').locator('tbody tr').filter({ hasText: absentee.code });
      await row.getByRole('button', { name: '登记补课' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '登记补课' });
      await dialog.getByLabel('补课内容', { exact: true }).fill('自学会议精神并向支部书记汇报学习体会');
      const saved = page.waitForResponse((r) => r.url().includes('/makeup') && r.request().method() === 'POST');
      await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => row.textContent()).toContain(`已补课 ${todayInShanghai()}`);
    } finally {
      await context.close();
    }
    const after = await b.api<Detail>('GET', `/meetings/${meeting.meeting.id}`);
    const a = after.json.expected.find((x) => x.personId === absentee.id)?.attendance;
    expect(a).toMatchObject({
      status: 'absent',
      makeupOn: todayInShanghai(),
      makeupContent: '自学会议精神并向支部书记汇报学习体会',
    });
  });

  it('downloads the branch ledger of the year with the meeting, its attendance and the absentee', async () => {
    const { branch } = b.harness.fixture;
    await b.signIn();
    const members = await branchMembers(b);
    const meeting = await meetingToday(b, 'E2E 台账主题党日', '08:00');
    const absentee = members[1];
    expect(
      (
        await b.api('PUT', `/meetings/${meeting.meeting.id}/attendance`, {
          entries: [
            { personId: members[0].id, status: 'present' },
            { personId: absentee.id, status: 'leave', reason: '出差' },
          ],
        })
      ).status,
    ).toBe(200);
    const current = await b.api<Detail>('GET', `/meetings/${meeting.meeting.id}`);
    const held = await b.api('POST', `/meetings/${meeting.meeting.id}/held`, { version: current.json.meeting.version });
    expect(held.status).toBe(200);

    const { page } = b;
    await page.goto(`/ledger?orgId=${branch.id}`);
    const print = page.getByRole('link', { name: /打开打印版/ });
    const year = todayInShanghai().slice(0, 4);
    expect(await print.getAttribute('href')).toBe(`/api/v1/ledger/${branch.id}/${year}.html`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载 Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.getWorksheet('主题党日');
    expect(sheet).toBeDefined();
    let found: ExcelJS.Row | null = null;
    sheet?.eachRow((row) => {
      if (row.values && (row.values as unknown[]).includes('E2E 台账主题党日')) found = row;
    });
    expect(found).not.toBeNull();
    const cells = ((found as unknown as ExcelJS.Row).values as unknown[]).map((v) =>
      v instanceof Date ? v : String(v),
    );
    expect(cells.join('|')).toContain(`${absentee.name}（请假，出差；未补课）`);

    // The printable page opens in a new tab and lists the meeting too.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), print.click()]);
    await tab.waitForLoadState();
    expect(await tab.textContent('body')).toContain('E2E 台账主题党日');
    await tab.close();
  });

  it('counts page: the table total of a type for a branch equals the counts API', async () => {
    const { branch } = b.harness.fixture;
    await b.signIn();
    const year = todayInShanghai().slice(0, 4);
    const api = await b.api<{ totals: Record<string, number> }>(
      'GET',
      `/life/counts?orgId=${branch.id}&from=${year}-01-01&to=${year}-12-31&by=quarter`,
    );
    expect(api.status).toBe(200);
    const [type, expected] = Object.entries(api.json.totals).find(([, n]) => n > 0) ?? ['', 0];
    expect(expected).toBeGreaterThan(0);

    const { page } = b;
    await page.goto(`/life/counts?orgId=${branch.id}&by=quarter`);
    const total = page.locator(`[data-type="${type}"]`);
    await expect.poll(() => total.textContent(), { timeout: 15_000 }).toBe(String(expected));
    // Four quarters of the year are listed, and the chart was drawn.
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(4);
    // ECharts is its own lazy chunk: the chart may be drawn a moment after the table.
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
