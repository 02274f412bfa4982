/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * Load time in real Chromium, from the login page: to our product in the ☰ menu, and to the vm-migration-network
 * editor ready. Run it against a dashboard in production mode (our package loaded from /v1/uiplugins) on each host
 * shell; BENCH_HOST names the host in the output (e.g. `shell 3.0.5`). Skipped with a note when nothing runs.
 */
import {
  DASHBOARD, SIM, launch, loopbackContext, median, serversUp
} from './browser';

const RUNS = 3;

async function main(): Promise<void> {
  if (!await serversUp('load time')) {
    return;
  }
  await fetch(`${ SIM }/sim/reset`, { method: 'POST', body: '{}' });
  const plugins = await (await fetch(`${ SIM }/v1/uiplugins`)).json() as { entries?: Record<string, unknown> };
  const mode = plugins.entries?.['harvester-vm-migration-network'] ? 'production' : 'dev';
  const browser = await launch();
  const toMenu: number[] = [];
  const toEditor: number[] = [];

  for (let run = 0; run < RUNS; run++) {
    const context = await loopbackContext(browser);
    const page = await context.newPage();

    await page.goto(`${ DASHBOARD }/auth/login`);
    await page.getByTestId('local-login-username').fill('admin');
    await page.getByTestId('local-login-password').locator('input').fill('admin');
    const started = Date.now();

    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/home/);
    await page.getByTestId('top-level-menu').click();
    await page.getByRole('link', { name: 'Migration Networks' }).waitFor();
    toMenu.push(Date.now() - started);
    await page.getByRole('link', { name: 'Migration Networks' }).click();
    await page.getByTestId('vmmn-fleet-open-harv1').click();
    await page.getByText('Advanced', { exact: true }).click();
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByTestId('vmmn-setting-link-vm-migration-network').click();
    await page.getByTestId('vmmn-enabled').waitFor();
    toEditor.push(Date.now() - started);
    await context.close();
  }
  await browser.close();
  const host = process.env.BENCH_HOST ?? 'this repository\'s shell';

  console.log(`load time (${ mode } mode, ${ host }), login submitted → product in the ☰ menu: ${ toMenu.map((ms) => `${ ms } ms`).join(', ') } (median ${ median(toMenu) } ms)`);
  console.log(`  login submitted → editor ready, by clicks: ${ toEditor.map((ms) => `${ ms } ms`).join(', ') } (median ${ median(toEditor) } ms)`);
}

export function benchLoadTime(): Promise<void> {
  return main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
