/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Health page in real Chromium on the 1,000-node scenario: time from navigation to the node table rendered,
 * and from one pod change on the server to its row updated. Needs a simulator and dashboard started with
 * `E2E_SIM_PORT=8991`-style ports: `npx tsx harvester-sim/src/main.ts --port 8991 --speed fast` and
 * `API=http://127.0.0.1:8991 npx vue-cli-service serve`. Skipped (with a note) when they are not running.
 */
import { chromium } from 'playwright-core';

const SIM = `http://127.0.0.1:${ process.env.E2E_SIM_PORT ?? 8991 }`;
const DASHBOARD = 'https://localhost:8005';
const RUNS = 3;

async function reachable(url: string): Promise<boolean> {
  try {
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    await fetch(url);

    return true;
  } catch {
    return false;
  }
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${ SIM }${ path }`, { method: 'POST', body: JSON.stringify(body) });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  if (!(await reachable(`${ SIM }/rancherversion`)) || !(await reachable(DASHBOARD))) {
    console.log('health page (1,000 nodes): skipped, start the simulator on 8991 and the dashboard on 8005 first');

    return;
  }
  await post('/sim/reset', { scenario: 'large-1000' });
  const login = await post('/v1-public/login', { username: 'admin', password: 'admin' });
  const token = /R_SESS=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args:           ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--ignore-certificate-errors'],
  });
  const context = await browser.newContext({ ignoreHTTPSErrors: true });

  await context.route('**/*', (route) => (['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
  await context.addCookies([{
    name: 'R_SESS', value: token, domain: 'localhost', path: '/', secure: true, httpOnly: true
  }]);
  const page = await context.newPage();
  const renders: number[] = [];
  const updates: number[] = [];

  for (let run = 0; run < RUNS; run++) {
    const started = Date.now();

    await page.goto(`${ DASHBOARD }/c/c-harv1/explorer/vm-migration-network/health`);
    // Data arrival = the pods list response; render = the first row of the node table.
    const podsArrived = page.waitForResponse((r) => r.url().includes('/v1/pods')).then(() => Date.now());

    await page.getByTestId('vmmn-health-node-harvester-node-0').waitFor({ timeout: 60_000 });
    const rendered = Date.now();

    renders.push(rendered - Math.max(await podsArrived.catch(() => started), started));
    const pod = await (await fetch(`${ SIM }/sim/objects/pod/${ encodeURIComponent(await page.getByTestId('vmmn-health-node-pod-harvester-node-0').innerText().then((name) => `harvester-system/${ name.trim() }`)) }`)).json() as { status: { containerStatuses: { restartCount: number }[] } };
    const restarts = pod.status.containerStatuses[0].restartCount + 1;

    pod.status.containerStatuses[0].restartCount = restarts;
    const changed = Date.now();

    await post('/sim/objects', pod);
    await page.locator(`[data-testid="vmmn-health-node-harvester-node-0"]`).locator('xpath=ancestor::tr').getByText(String(restarts), { exact: true }).waitFor({ timeout: 10_000 });
    updates.push(Date.now() - changed);
  }
  await browser.close();
  await post('/sim/reset', {});
  console.log(`health page (1,000 nodes, ${ RUNS } runs): node table rendered ${ median(renders) } ms after the pods arrived (median); one pod change reflected in ${ median(updates) } ms (median)`);
}

/** Settles when this benchmark is over: the browser benchmarks share one simulator, so they run one by one. */
export const healthPageDone = main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
