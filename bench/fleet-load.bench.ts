/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * The load the fleet overview puts on Rancher, in real Chromium on `fleet-50` and `fleet-1000`: time to the first
 * screen of rows and to every row, requests a second over a steady minute, requests while the tab is hidden, and
 * the most requests under way at once to one cluster that never answers. Needs a simulator on 8991 and a
 * dashboard on 8005; skipped with a note otherwise. Goals (the read budget): first screen < 2 s, every row < 30 s,
 * steady < 10 requests/s at both sizes, none while hidden, one read (at most 4 requests) at a time per cluster.
 */
import { Page } from 'playwright-core';
import {
  DASHBOARD, SIM, adminToken, launch, loopbackContext, post, serversUp
} from './browser';

const STEADY_S = 60;
const HIDDEN_S = 30;
/** In fleet-1000, a cluster that never answers. */
const SILENT = 'c-harv981';

const clusterOf = (url: string) => /\/k8s\/clusters\/([^/]+)\//.exec(url)?.[1];

/**
 * Counts requests to clusters as the browser sends them, the most under way at once to the silent cluster, and the
 * clusters whose first read has ended (its settings list answered, failed or timed out): the overview pages its
 * table, so "every row" is counted from the requests, not from the rows on the first page.
 */
function watchRequests(page: Page): { sent(): number; mostToSilent(): number; readClusters(): number } {
  let sent = 0;
  let open = 0;
  let most = 0;
  const read = new Set<string>();

  page.on('request', (request) => {
    const cluster = clusterOf(request.url());

    sent += cluster ? 1 : 0;
    if (cluster === SILENT) {
      open += 1;
      most = Math.max(most, open);
    }
  });
  const done = (request: { url(): string }) => {
    const cluster = clusterOf(request.url());

    open -= cluster === SILENT ? 1 : 0;
    if (cluster && request.url().includes('harvesterhci.io.settings')) {
      read.add(cluster);
    }
  };

  page.on('requestfinished', done);
  page.on('requestfailed', done);

  return {
    sent: () => sent, mostToSilent: () => most, readClusters: () => read.size
  };
}

/** Resolves in the page once `done()` holds, checked every frame; gives the ms since `start`. */
const UNTIL = `(done, start) => new Promise((resolve) => {
  const check = () => (done() ? resolve(Math.round(performance.now() - start)) : requestAnimationFrame(check));
  check();
})`;

/**
 * The overview's table once every row is read: reversing the sort (a click on the sorted column) until the first
 * row changes, and a search typed into the shell's box until only matching rows are shown (the shell waits for
 * typing to pause before it filters, which this includes).
 */
async function sortAndFilter(page: Page): Promise<{ sortMs: number; filterMs: number }> {
  // As text: a function here would carry the TypeScript runner's name helpers into the page.
  const sortMs = await page.evaluate(`(async() => {
    const first = () => document.querySelector('[data-testid="vmmn-fleet-table-0-row"]')?.textContent;
    const before = first();
    const start = performance.now();
    document.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]').click();
    return (${ UNTIL })(() => first() !== before, start);
  })()`) as number;
  const filterMs = await page.evaluate(`(async() => {
    const box = document.querySelector('input.search-box');
    const start = performance.now();
    box.value = 'harv42';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const rows = () => [...document.querySelectorAll('[data-testid^="vmmn-fleet-table-"][data-testid$="-row"]')];
    return (${ UNTIL })(() => rows().length > 0 && rows().every((r) => r.textContent.includes('harv42')), start);
  })()`) as number;

  // The steady minute that follows is measured on the whole table again.
  await page.evaluate(`(() => {
    const box = document.querySelector('input.search-box');
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="vmmn-fleet-table-"][data-testid$="-row"]').length > 11);

  return { sortMs, filterMs };
}

async function benchFleet(fleet: string, token: string): Promise<void> {
  await post('/sim/reset', { fleet });
  const browser = await launch();
  const context = await loopbackContext(browser, token);
  const page = await context.newPage();
  const requests = watchRequests(page);

  await page.goto(`${ DASHBOARD }/home`);
  await page.getByTestId('top-level-menu').waitFor();
  const started = await page.evaluate(() => performance.now());

  await page.evaluate(() => (window as unknown as { $globalApp: { $router: { push(path: string): void } } }).$globalApp.$router.push('/c/_/migration-networks'));
  // A row is read once its age shows a number; the first screen is the rows inside the window.
  const filled = (onScreenOnly: boolean) => page.waitForFunction((only) => {
    const ages = [...document.querySelectorAll('[data-testid^="vmmn-fleet-age-"]')].filter((r) => !only || r.getBoundingClientRect().top < window.innerHeight);

    return ages.length > 0 && ages.every((r) => /\d/.test(r.textContent ?? '')) && performance.now();
  }, onScreenOnly, { timeout: 120_000, polling: 'raf' }).then(async(handle) => Math.round(await handle.jsonValue() as number - started));


  const firstScreen = await filled(true);
  const connected = ((await (await fetch(`${ SIM }/sim/clusters`)).json()) as { clusters: { id: string; connected: boolean }[] }).clusters
    .filter((c) => c.id !== 'local' && c.connected).length;

  for (const end = Date.now() + 180_000; requests.readClusters() < connected && Date.now() < end;) {
    await page.waitForTimeout(100);
  }
  const everyRow = Math.round(await page.evaluate(() => performance.now()) - started);
  const { sortMs, filterMs } = await sortAndFilter(page);
  // The steady minute starts once every connected cluster's first read has ended.
  const before = requests.sent();

  await page.waitForTimeout(STEADY_S * 1000);
  const steady = (requests.sent() - before) / STEADY_S;

  // As text: a function here would carry the TypeScript runner's name helpers into the page.
  await page.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get() { return 'hidden'; } });
    document.dispatchEvent(new Event('visibilitychange'));`);
  const hiddenFrom = requests.sent();

  await page.waitForTimeout(HIDDEN_S * 1000);
  const hidden = requests.sent() - hiddenFrom;

  await browser.close();
  console.log(`fleet load, ${ fleet }: first screen of rows ${ firstScreen } ms, every row ${ everyRow } ms; sort reversed in ${ sortMs } ms, a search shown in ${ filterMs } ms; steady ${ steady.toFixed(1) } requests/s over ${ STEADY_S } s; ${ hidden } requests in ${ HIDDEN_S } s hidden${ fleet === 'fleet-1000' ? `; at most ${ requests.mostToSilent() } requests at once to a cluster that never answers` : '' }`);
}

export async function benchFleetLoad(): Promise<void> {
  if (!await serversUp('fleet load (fleet-50, fleet-1000)')) {
    return;
  }
  try {
    const token = await adminToken();

    for (const fleet of ['fleet-50', 'fleet-1000']) {
      await benchFleet(fleet, token);
    }
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await fetch(`${ SIM }/sim/reset`, { method: 'POST', body: '{}' });
  }
}
