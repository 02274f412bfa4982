// Regenerates docs/screenshots/ (light) and docs/screenshots/dark/ from the simulator: every page of ours in its main
// states, at 1280 × 800, the way an admin meets them. Needs a simulator and a dashboard:
// `npx tsx harvester-sim/src/main.ts --port 8991 --speed fast` and `API=http://127.0.0.1:8991 npx vue-cli-service serve`.
// Run: `npx tsx scripts/screenshots.ts [pages|dualStack|testMigration|harvesterPages ...]` (all: about 5 minutes). The shell follows the browser's colour scheme (its
// default theme is "auto"), so the dark set is the same click path in a dark-scheme browser.
import { mkdirSync } from 'node:fs';
import { Page } from 'playwright-core';
import {
  DASHBOARD, SIM, adminToken, launch, loopbackContext, post
} from '../bench/browser';
import { fillDocsExample } from '../tests/e2e/pages';
import { captureHarvesterPages, captureTestMigration } from './screenshots-migration';

const OUT = 'docs/screenshots';

async function setValue(cluster: string, value: string): Promise<void> {
  const setting = await (await fetch(`${ SIM }/sim/objects/harvesterhci.io.setting/vm-migration-network?cluster=${ cluster }`)).json() as Record<string, unknown>;

  await post(`/sim/objects?cluster=${ cluster }`, { ...setting, value });
}

const verdict = (page: Page, kind: string) => page.locator(`[data-testid="vmmn-health-verdict"][data-kind="${ kind }"]`).waitFor();

/** The click path, one screenshot a state. */
async function capture(page: Page, dir: string): Promise<void> {
  const shot = async(name: string) => {
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${ dir }/${ name }.png` });
  };

  await page.goto(`${ DASHBOARD }/c/_/migration-networks`);
  await page.getByTestId('vmmn-fleet-state-harv3').getByText('Stuck').waitFor();
  await shot('fleet-overview');
  await page.goto(`${ DASHBOARD }/c/c-harv1/migration-networks/settings`);
  await page.getByTestId('vmmn-settings-list').waitFor();
  await shot('settings-list');
  await page.getByTestId('vmmn-setting-link-vm-migration-network').click();
  await fillDocsExample(page);
  await page.getByTestId('vmmn-vlan').fill('5000');
  await page.getByTestId('vmmn-range').fill('10.0.0.0/8');
  await page.getByTestId('vmmn-review').click();
  await shot('editor-errors');
  await page.getByTestId('vmmn-vlan').fill('100');
  await page.getByTestId('vmmn-range').fill('192.168.1.0/24');
  await page.getByTestId('vmmn-review').click();
  await page.getByTestId('vmmn-impact').waitFor();
  await shot('editor-review');
  await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container, label').first().click();
  await page.getByTestId('vmmn-save').click();
  await page.getByTestId('vmmn-saved').waitFor();
  await shot('editor-saved');
  await page.goto(`${ DASHBOARD }/c/c-harv1/migration-networks/health`);
  await verdict(page, 'healthy');
  await shot('health-healthy');
  await post('/sim/speed?cluster=c-harv2', { stepMs: 2500 });
  await page.goto(`${ DASHBOARD }/c/c-harv2/migration-networks/health`);
  await verdict(page, 'healthy');
  await setValue('c-harv2', '');
  await verdict(page, 'rollingOut');
  await page.waitForTimeout(5000);
  await shot('health-disabling');
  await verdict(page, 'disabled');
  await shot('health-disabled');
  await page.goto(`${ DASHBOARD }/c/c-harv3/migration-networks/health`);
  await verdict(page, 'stuck');
  await shot('health-stuck');
  await page.getByTestId('vmmn-health-verdict-fix').click();
  await page.getByTestId('vmmn-range').waitFor();
  await shot('editor-fix-range');
  await page.goto(`${ DASHBOARD }/c/c-harv1/migration-networks/settings/storage-network`);
  await page.getByTestId('vmmn-setting-other').waitFor();
  await shot('other-setting');
}

/** Dual stack on the `versions` fleet's v1.10 cluster: the form with its IPv6 part, then each node's two addresses. */
async function captureDualStack(page: Page, dir: string): Promise<void> {
  await page.goto(`${ DASHBOARD }/c/c-v110/migration-networks/settings/vm-migration-network`);
  await fillDocsExample(page);
  await page.getByTestId('vmmn-range-v6').fill('fd00:10::/120');
  await page.getByTestId('vmmn-range-v6-start').fill('fd00:10::10');
  await page.getByTestId('vmmn-range-v6-end').fill('fd00:10::ff');
  await page.getByTestId('vmmn-vlan').click();
  await page.getByTestId('vmmn-dual-stack').scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${ dir }/editor-dual-stack.png` });
  await page.getByTestId('vmmn-review').click();
  await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container, label').first().click();
  await page.getByTestId('vmmn-save').click();
  await page.getByTestId('vmmn-saved').waitFor();
  await page.goto(`${ DASHBOARD }/c/c-v110/migration-networks/health`);
  await verdict(page, 'healthy');
  await page.getByTestId('vmmn-health-node-ip-v6-harvester-node-2').scrollIntoViewIfNeeded();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${ dir }/health-dual-stack.png` });
}

/** `npx tsx scripts/screenshots.ts [group ...]`: only the groups named (all when none). */
const GROUPS = {
  pages: ['default', capture], dualStack: ['versions', captureDualStack], testMigration: ['default', captureTestMigration], harvesterPages: ['default', captureHarvesterPages],
} as const;

async function main(): Promise<void> {
  const browser = await launch();
  const asked = process.argv.slice(2);
  const groups = Object.entries(GROUPS).filter(([name]) => !asked.length || asked.includes(name)).map(([, group]) => group);

  for (const [scheme, dir] of [['light', OUT], ['dark', `${ OUT }/dark`]] as const) {
    mkdirSync(dir, { recursive: true });
    for (const [fleet, run] of groups) {
      await post('/sim/reset', { fleet });
      const context = await loopbackContext(browser, await adminToken(), { colorScheme: scheme, viewport: { width: 1280, height: 800 } });

      context.setDefaultTimeout(60_000);
      await run(await context.newPage(), dir);
      await context.close();
    }
  }
  await browser.close();
  await post('/sim/reset', { fleet: 'default' });
}

main().catch((err: unknown) => {
  console.error(err); // eslint-disable-line no-console
  process.exitCode = 1;
});
