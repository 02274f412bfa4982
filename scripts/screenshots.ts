// Regenerates docs/screenshots/*.png with the end-to-end tests' page objects. Needs a simulator and dashboard:
// `npx tsx harvester-sim/src/main.ts --port 8991` and `API=http://127.0.0.1:8991 npx vue-cli-service serve`.
// Run: `npx tsx scripts/screenshots.ts`.
import {
  DASHBOARD, SIM, adminToken, launch, loopbackContext, post
} from '../bench/browser';
import { fillDocsExample } from '../tests/e2e/pages';

const OUT = 'docs/screenshots';

async function setValue(value: string): Promise<void> {
  const setting = await (await fetch(`${ SIM }/sim/objects/harvesterhci.io.setting/vm-migration-network`)).json() as Record<string, unknown>;

  await post('/sim/objects', { ...setting, value });
}

async function main(): Promise<void> {
  await post('/sim/reset', {});
  const browser = await launch();
  const context = await loopbackContext(browser, await adminToken());

  await context.setDefaultTimeout(60_000);
  const page = await context.newPage();

  await page.setViewportSize({ width: 1400, height: 1000 });
  const shot = (name: string) => page.screenshot({ path: `${ OUT }/${ name }.png`, fullPage: true });

  await page.goto(`${ DASHBOARD }/c/_/migration-networks`);
  await page.getByTestId('vmmn-fleet-state-harv3').getByText('Stuck').waitFor();
  await shot('fleet-overview');
  await page.goto(`${ DASHBOARD }/c/c-harv1/migration-networks/settings/vm-migration-network`);
  await fillDocsExample(page);
  await page.getByTestId('vmmn-vlan').fill('5000');
  await page.getByTestId('vmmn-range').fill('10.52.0.5/24');
  await page.getByTestId('vmmn-exclude-0').fill('192.168.1.1');
  await page.waitForTimeout(500);
  await shot('editor-errors');
  await page.getByTestId('vmmn-vlan').fill('100');
  await page.getByTestId('vmmn-range').fill('192.168.1.0/24');
  await page.getByTestId('vmmn-exclude-0').fill('192.168.1.1/32');
  await page.getByTestId('vmmn-review').click();
  await page.getByTestId('vmmn-impact').waitFor();
  await shot('editor-review');
  await page.getByTestId('vmmn-impact-confirm').locator('.checkbox-container, label').first().click();
  await page.getByTestId('vmmn-save').click();
  await page.getByTestId('vmmn-status-configured').waitFor();
  await shot('editor-saved');
  await page.goto(`${ DASHBOARD }/c/c-harv1/migration-networks/health`);
  await page.locator('[data-testid="vmmn-health-verdict"][data-kind="healthy"]').waitFor();
  await shot('health-healthy');
  await post('/sim/speed', { stepMs: 4000 });
  await setValue('{"clusterNetwork":"vm-migration","vlan":200,"range":"192.168.1.0/29","exclude":["192.168.1.1/32"]}');
  await page.waitForTimeout(9000);
  await shot('health-rolling');
  await page.goto(`${ DASHBOARD }/c/c-harv3/migration-networks/health`);
  await page.locator('[data-testid="vmmn-health-verdict"][data-kind="stuck"]').waitFor();
  await shot('health-stuck');
  await browser.close();
  await post('/sim/reset', {});
}

main().catch((err: unknown) => {
  console.error(err); // eslint-disable-line no-console
  process.exitCode = 1;
});
