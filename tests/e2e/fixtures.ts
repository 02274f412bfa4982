import { test as base, expect, Page } from '@playwright/test';
import { ROUTER_BASE, SIM_URL } from '../../playwright.config';

export const CLUSTER = 'c-harv1';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A path inside the dashboard, as the browser sees it (under ROUTER_BASE). */
export function dashboardPath(path: string): string {
  return `${ ROUTER_BASE }${ path.replace(/^\//, '') }`;
}

/** Calls the simulator's test-only control API. */
export async function sim(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${ SIM_URL }${ path }`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {})
  });

  if (!res.ok) {
    throw new Error(`simulator ${ path }: HTTP ${ res.status } ${ await res.text() }`);
  }

  return res.json();
}

export async function simGet<T>(path: string): Promise<T> {
  return (await (await fetch(`${ SIM_URL }${ path }`)).json()) as T;
}

/** Logs in over the API and hands the browser the `R_SESS` cookie, as the login page would get it. */
export async function loginByCookie(page: Page, username = 'admin', password = username): Promise<void> {
  const res = await fetch(`${ SIM_URL }/v1-public/login`, { method: 'POST', body: JSON.stringify({ username, password }) });
  const token = /R_SESS=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

  if (!token) {
    throw new Error(`login as ${ username } failed: HTTP ${ res.status }`);
  }
  await page.context().addCookies([{
    name: 'R_SESS', value: token, domain: 'localhost', path: '/', secure: true, httpOnly: true, sameSite: 'Lax'
  }]);
}

/**
 * Logs in through the shell's own login page, as a person would: once the page has settled. The shell loads the
 * installed extensions at boot, before login, and again after a local login, skipping one whose script tag is
 * already there; typing at machine speed while the boot-time load is still out raced it (production mode).
 */
export async function login(page: Page, username = 'admin', password = username): Promise<void> {
  await page.goto('/auth/login');
  await page.waitForLoadState('networkidle');
  const user = page.getByTestId('local-login-username');
  const secret = page.getByTestId('local-login-password').locator('input');

  await user.fill(username);
  await secret.fill(password);
  // A re-render of the login form (its providers read again) would empty the fields: check before submitting.
  await expect(user).toHaveValue(username);
  await expect(secret).toHaveValue(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/home/, { timeout: 45_000 });
}

/**
 * Every test gets a fresh simulator state, a browser that can reach only loopback, and fails if the
 * dev server's error overlay (an unhandled rejection in the app) ever shows up.
 */
export const test = base.extend<{ overlayGuard: void }>({
  page: async({ page }, use) => {
    const goto = page.goto.bind(page);

    // Tests name paths inside the dashboard; it lives under ROUTER_BASE, as in Rancher (`/dashboard/`).
    page.goto = (url, options) => goto(url.startsWith('/') ? dashboardPath(url) : url, options);
    await page.context().route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;

      return LOOPBACK.has(host) ? route.continue() : route.abort();
    });
    await use(page);
  },
  overlayGuard: [async({ page }, use) => {
    await sim('/sim/reset');
    await use();
    const overlay = await page.locator('#webpack-dev-server-client-overlay').count();

    expect(overlay, 'the dev server error overlay appeared (unhandled error in the app)').toBe(0);
  }, { auto: true }],
});

export { expect };
