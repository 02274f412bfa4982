/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * The health page on a cluster of real size (`busy`: 247 pods, 10,000 events, 150 VMs), in real Chromium: time to
 * a healthy verdict with every node's migration IP, and what the page read of pods and events (requests, bytes),
 * beside what reading every pod and event would cost (the simulator's unfiltered lists). Needs a simulator on 8991
 * and a dashboard on 8005; skipped with a note otherwise. Goal: the page reads pods and events only scoped, and
 * reads under 1 % of the bytes the unfiltered lists would cost.
 */
import {
  DASHBOARD, SIM, adminToken, launch, loopbackContext, post, serversUp
} from './browser';

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

export async function benchBusyCluster(): Promise<void> {
  if (!await serversUp('busy cluster (health page)')) {
    return;
  }
  try {
    await post('/sim/reset', { scenario: 'busy' });
    const token = await adminToken();
    const browser = await launch();
    const page = await (await loopbackContext(browser, token)).newPage();
    const reads: { url: string; bytes: number }[] = [];

    page.on('requestfinished', async(request) => {
      if (['pods', 'events'].includes(typeOf(request.url()))) {
        reads.push({ url: request.url(), bytes: Number((await request.sizes()).responseBodySize) });
      }
    });
    await page.goto(`${ DASHBOARD }/home`);
    await page.getByTestId('top-level-menu').waitFor();
    const started = Date.now();

    await page.evaluate(`window.$globalApp.$router.push('/c/${ CLUSTER }/migration-networks/health')`);
    await page.locator('[data-testid="vmmn-health-verdict"][data-kind="healthy"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid^="vmmn-health-node-ip-"]')].filter((c) => /\d+\.\d+/.test(c.textContent ?? '')).length === 5, undefined, { timeout: 60_000 });
    const ready = Date.now() - started;

    await page.waitForTimeout(1000);
    await browser.close();
    const cookie = `R_SESS=${ token }`;
    const [pods, events] = [await wholeList('pods', cookie), await wholeList('events', cookie)];
    const read = reads.reduce((sum, r) => sum + r.bytes, 0);
    const unscoped = reads.filter((r) => !/\/harvester-system\?.*filter=/.test(decodeURIComponent(r.url))).length;

    console.log(`busy cluster: health page healthy with 5 node IPs in ${ ready } ms; read ${ reads.length } pod/event lists, ${ (read / 1024).toFixed(1) } KiB, ${ unscoped } unscoped; every pod and event would be ${ ((pods.bytes + events.bytes) / 1048576).toFixed(1) } MiB (${ pods.ms + events.ms } ms from the simulator)`);
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
