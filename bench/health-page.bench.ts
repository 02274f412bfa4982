/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Health page in real Chromium on the 1,000-node scenario: time from navigation to the node table rendered,
 * and from one pod change on the server to its row updated. Needs a simulator and dashboard started with
 * `E2E_SIM_PORT=8991`-style ports: `npx tsx harvester-sim/src/main.ts --port 8991 --speed fast` and
 * `API=http://127.0.0.1:8991 npx vue-cli-service serve`. Skipped (with a note) when they are not running.
 */
import {
  DASHBOARD, SIM, adminToken, launch, loopbackContext, median, post, serversUp
} from './browser';

const RUNS = 3;

async function main(): Promise<void> {
  if (!await serversUp('health page (1,000 nodes)')) {
    return;
  }
  await post('/sim/reset', { scenario: 'large-1000' });
  const browser = await launch();
  const context = await loopbackContext(browser, await adminToken());
  const page = await context.newPage();
  const renders: number[] = [];
  const afterAll: number[] = [];
  const updates: number[] = [];
  let lastList = 0;

  // The node table also needs the nodes and VlanStatuses (1,000 each), which may end after the pods.
  page.on('requestfinished', (request) => {
    lastList = request.url().includes('/k8s/clusters/c-harv1/v1/') ? Date.now() : lastList;
  });

  for (let run = 0; run < RUNS; run++) {
    const started = Date.now();

    await page.goto(`${ DASHBOARD }/c/c-harv1/migration-networks/health`);
    // Data arrival = the pods list response; render = the first row of the node table.
    const podsArrived = page.waitForResponse((r) => r.url().includes('/v1/pods')).then(() => Date.now());

    await page.getByTestId('vmmn-health-node-harvester-node-0').waitFor({ timeout: 60_000 });
    const rendered = Date.now();

    renders.push(rendered - Math.max(await podsArrived.catch(() => started), started));
    afterAll.push(rendered - Math.max(lastList, started));
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
  console.log(`health page (1,000 nodes, ${ RUNS } runs): node table rendered ${ median(renders) } ms after the pods arrived, ${ median(afterAll) } ms after the last list ended (medians); one pod change reflected in ${ median(updates) } ms (median)`);
}

/** Settles when this benchmark is over: the browser benchmarks share one simulator, so they run one by one. */
export const healthPageDone = main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
