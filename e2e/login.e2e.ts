import { describe, expect, it } from 'vitest';
import { useBrowser } from './harness.ts';

describe('signing in', () => {
  const b = useBrowser();

  it('refuses a wrong password with the reason and stays on the login form', async () => {
    const { page } = b;
    await page.goto('/');
    await page.getByLabel('用户名').fill('orgadmin-a');
    await page.getByLabel('密码').fill('not-the-password-1');
    const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    expect((await response).status()).toBe(401);
    await expect.poll(() => page.getByText('用户名或密码错误').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('app-shell').count()).toBe(0);
    const session = await b.api('GET', '/auth/session');
    expect(session.status).toBe(401);
  });

  it('signs in an organization-department admin and shows their name in the app', async () => {
    const { page } = b;
    await b.signIn('orgadmin-a');
    await expect.poll(() => page.getByText('orgadmin-a').count()).toBeGreaterThan(0);
    const session = await b.api<{ account: { username: string } }>('GET', '/auth/session');
    expect(session.status).toBe(200);
    expect(session.json.account.username).toBe('orgadmin-a');
    // The session survives a reload: it lives in the database, not in the page.
    await page.reload();
    await page.getByTestId('app-shell').waitFor();
    expect(await page.getByLabel('密码').count()).toBe(0);
  });
});
