/**
 * What the browser benchmarks share: where the simulator and dashboard run, whether they do, and a Chromium
 * launched like the end-to-end tests' (Debian's, every request off loopback refused).
 */
import { Browser, BrowserContext, BrowserContextOptions, chromium } from 'playwright-core';

export const SIM = `http://127.0.0.1:${ process.env.E2E_SIM_PORT ?? 8991 }`;
export const DASHBOARD = 'https://localhost:8005';

export async function reachable(url: string): Promise<boolean> {
  try {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    await fetch(url);

    return true;
  } catch {
    return false;
  }
}

/** Both servers answer; otherwise says why the benchmark is skipped. */
export async function serversUp(name: string): Promise<boolean> {
  if (await reachable(`${ SIM }/rancherversion`) && await reachable(DASHBOARD)) {
    return true;
  }
  // eslint-disable-next-line no-console
  console.log(`${ name }: skipped, start the simulator on 8991 and the dashboard on 8005 first`);

  return false;
}

export const post = (path: string, body: unknown) => fetch(`${ SIM }${ path }`, { method: 'POST', body: JSON.stringify(body) });

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)];
}

/** A port nothing listens on (discard): the browser's proxy for every address off loopback. */
const DEAD_PROXY = 'http://127.0.0.1:9';

/** Debian's Chromium, as the end-to-end tests launch it, that reaches loopback only. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args:           [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--ignore-certificate-errors',
      // Every request off loopback goes to a proxy nobody runs, and fails; loopback is never proxied.
      `--proxy-server=${ DEAD_PROXY }`, '--proxy-bypass-list=localhost;127.0.0.1;[::1]',
    ],
  });
}

/**
 * A fresh context of a browser from `launch` (which reaches loopback only), logged in with `token` when given. No
 * request is intercepted: interception holds every request for a round trip to this process, which on a fleet of
 * 1,000 clusters weighs on the very figures the benchmarks measure.
 */
export async function loopbackContext(browser: Browser, token?: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, ignoreHTTPSErrors: true });

  if (token) {
    await context.addCookies([{
      name: 'R_SESS', value: token, domain: 'localhost', path: '/', secure: true, httpOnly: true
    }]);
  }

  return context;
}

export async function adminToken(): Promise<string> {
  const login = await post('/v1-public/login', { username: 'admin', password: 'admin' });

  return /R_SESS=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
}
