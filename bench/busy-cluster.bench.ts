/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * The health page and the editor on a cluster of real size (`busy`: 247 pods, 10,000 events, 150 VMs) and on
 * `large-1000`, in real Chromium: time to a healthy verdict with every node's migration IP (to the node table on
 * 1,000 nodes) and to the editor's Review enabled, with every API answer they read (requests, bytes), and what the
 * health page read of pods and events beside what reading every pod and event would cost (unfiltered lists). Needs a simulator on 8991
 * and a dashboard on 8005; skipped with a note otherwise. Goal: the page reads pods and events only scoped, and
 * reads under 1 % of the bytes the unfiltered lists would cost.
 */
import { Page } from 'playwright-core';
import {
  DASHBOARD, SIM, adminToken, launch, loopbackContext, post, serversUp
} from './browser';
import { fillDocsExample } from '../tests/e2e/pages';

const CLUSTER = 'c-harv1';
const API = `/k8s/clusters/${ CLUSTER }/v1/`;
const typeOf = (url: string) => {
  const path = new URL(url).pathname;
  const at = path.indexOf(API);

  return at >= 0 ? path.slice(at + API.length).split('/')[0] : '';
};

/** Bytes and milliseconds of one unfiltered list, straight from the simulator. */
async function wholeList(type: string, cookie: string): Promise<{ bytes: number; ms: number }> {
  const started = Date.now();
  const body = await (await fetch(`${ SIM }${ API }${ type }`, { headers: { cookie } })).text();

  return { bytes: body.length, ms: Date.now() - started };
}

/** Every answer of the cluster's API a page read on its way to `ready`: requests, bytes, and the time it took. */
async function pageCost(token: string, path: string, ready: (page: Page) => Promise<unknown>): Promise<{ ms: number; requests: number; bytes: number; reads: { url: string; bytes: number }[] }> {
  const browser = await launch();
  const page = await (await loopbackContext(browser, token)).newPage();
  const reads: { url: string; bytes: number }[] = [];
  let counting = false;

  page.on('requestfinished', async(request) => {
    if (counting && request.url().includes(`/k8s/clusters/${ CLUSTER }/`)) {
      reads.push({ url: request.url(), bytes: Number((await request.sizes()).responseBodySize) });
    }
  });
  await page.goto(`${ DASHBOARD }/home`);
  await page.getByTestId('top-level-menu').waitFor();
  counting = true;
  let started = Date.now();

  // The home page may still redirect once while it settles, undoing an early push: push until the page is ours.
  for (let attempt = 0; attempt < 5 && !new URL(page.url()).pathname.endsWith(path); attempt++) {
    started = Date.now();
    await page.evaluate(`window.$globalApp.$router.push('${ path }')`);
    await page.waitForURL(`**${ path }`, { timeout: 2_000 }).catch(() => undefined);
  }
  await ready(page);
  const ms = Date.now() - started;

  await page.waitForTimeout(1000);
  await browser.close();

  return {
    ms, requests: reads.length, bytes: reads.reduce((sum, r) => sum + r.bytes, 0), reads
  };
}

const kib = (bytes: number) => `${ (bytes / 1024).toFixed(1) } KiB`;

/** "vms 412.0 KiB, …": the biggest reads first. */
function byType(reads: { url: string; bytes: number }[]): string {
  const sums = new Map<string, number>();

  for (const r of reads) {
    sums.set(typeOf(r.url), (sums.get(typeOf(r.url)) ?? 0) + r.bytes);
  }

  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([type, bytes]) => `${ type } ${ kib(bytes) }`).join(', ');
}

/** The editor is usable: the docs' example typed in (VLAN 101, so it differs from what is stored) and Review enabled. */
async function editorReviewEnabled(page: Page): Promise<void> {
  await page.getByTestId('vmmn-form').waitFor({ timeout: 60_000 });
  await fillDocsExample(page);
  await page.getByTestId('vmmn-vlan').fill('101');
  await page.waitForFunction(() => !(document.querySelector('[data-testid="vmmn-review"]') as HTMLButtonElement | null)?.disabled, undefined, { timeout: 60_000 });
}

export async function benchBusyCluster(): Promise<void> {
  if (!await serversUp('busy cluster (health page)')) {
    return;
  }
  try {
    await post('/sim/reset', { scenario: 'busy' });
    const token = await adminToken();
    const health = await pageCost(token, `/c/${ CLUSTER }/migration-networks/health`, async(page) => {
      await page.locator('[data-testid="vmmn-health-verdict"][data-kind="healthy"]').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="vmmn-health-node-ip-"]')].filter((c) => /\d+\.\d+/.test(c.textContent ?? '')).length === 5, undefined, { timeout: 60_000 });
    });
    const reads = health.reads.filter((r) => ['pods', 'events'].includes(typeOf(r.url)));
    const cookie = `R_SESS=${ token }`;
    const [pods, events] = [await wholeList('pods', cookie), await wholeList('events', cookie)];
    const read = reads.reduce((sum, r) => sum + r.bytes, 0);
    const unscoped = reads.filter((r) => !/\/harvester-system\?.*filter=/.test(decodeURIComponent(r.url))).length;

    console.log(`busy cluster: health page healthy with 5 node IPs in ${ health.ms } ms; read ${ reads.length } pod/event lists, ${ kib(read) }, ${ unscoped } unscoped; every pod and event would be ${ ((pods.bytes + events.bytes) / 1048576).toFixed(1) } MiB (${ pods.ms + events.ms } ms from the simulator)`);
    console.log(`busy cluster: health page read ${ health.requests } API answers, ${ kib(health.bytes) } in all (goal: under 300 KB): ${ byType(health.reads) }`);
    const editor = await pageCost(token, `/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`, editorReviewEnabled);

    console.log(`busy cluster: editor's Review enabled (docs example typed) ${ editor.ms } ms after navigation; ${ editor.requests } API answers, ${ kib(editor.bytes) }: ${ byType(editor.reads) }`);
    await post('/sim/reset', { scenario: 'large-1000' });
    // A reset ends every session: log in again.
    const largeToken = await adminToken();
    const largeHealth = await pageCost(largeToken, `/c/${ CLUSTER }/migration-networks/health`, (page) => page.getByTestId('vmmn-health-node-harvester-node-0').waitFor({ timeout: 60_000 }));
    const largeEditor = await pageCost(largeToken, `/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`, editorReviewEnabled);

    console.log(`large-1000: health page's node table ${ largeHealth.ms } ms after navigation, ${ largeHealth.requests } API answers, ${ kib(largeHealth.bytes) }; editor's Review enabled ${ largeEditor.ms } ms, ${ largeEditor.requests } API answers, ${ kib(largeEditor.bytes) }`);
    if (unscoped > 0) {
      process.exitCode = 1;
    }
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await fetch(`${ SIM }/sim/reset`, { method: 'POST', body: '{}' });
  }
}
