import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

describe('signing in', () => {
  const b = useBrowser();

  it('refuses a wrong password with the reason and stays on the login form', async () => {
    const { page } = b;
    await page.goto('/');
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名', { exact: true }).fill(b.harness.fixture.admin.username);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password-1');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    expect((await response).status()).toBe(401);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).count()).toBe(1);
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    expect((await b.api('GET', '/auth/session')).status).toBe(401);
  });

  it('signs in the university admin, shows who is signed in, and keeps the session over a reload', async () => {
    const { page } = b;
    const { admin } = b.harness.fixture;
    await b.signIn();
    await expect.poll(() => page.getByTestId('app-shell').getByText(admin.username).count()).toBeGreaterThan(0);
    const session = await b.api<{ account: { username: string } }>('GET', '/auth/session');
    expect(session.status).toBe(200);
    expect(session.json.account.username).toBe(admin.username);
    await page.reload();
    await page.getByTestId('app-shell').waitFor();
    expect(page.url()).not.toMatch(/\/login$/);
  });
});
