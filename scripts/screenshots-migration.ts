// The test-migration screenshots (health page, and Harvester's own Hosts list and VM page when its built UI is at
// HARVESTER_UI_EXTENSION or beside the repository), part of `scripts/screenshots.ts`.
import { Page } from 'playwright-core';
import { DASHBOARD, SIM, post } from '../bench/browser';
import { HARVESTER_UI, HARVESTER_UI_ABSENT, HARVESTER_UI_PRESENT } from '../tests/e2e/harvester-ui-build';

interface Obj { metadata: { name: string; annotations?: Record<string, string> }; spec?: { nodeName?: string } }

/** One of harv2's virt-handlers keeps running without migration0, as when a pod missed the network. */
async function dropMigrationAddress(node: string): Promise<void> {
  const pods = (await (await fetch(`${ SIM }/sim/objects/pod?cluster=c-harv2`)).json() as { items: Obj[] }).items;
  const handler = pods.find((p) => p.metadata.name.startsWith('virt-handler-') && p.spec?.nodeName === node) as Obj;
  const status = JSON.parse(handler.metadata.annotations?.['k8s.v1.cni.cncf.io/network-status'] ?? '[]') as { interface?: string }[];

  await post('/sim/objects?cluster=c-harv2', { ...handler, metadata: { ...handler.metadata, annotations: { ...handler.metadata.annotations, 'k8s.v1.cni.cncf.io/network-status': JSON.stringify(status.filter((n) => n.interface !== 'migration0')) } } });
}

async function testMigration(page: Page, target?: string): Promise<void> {
  await page.getByTestId('vmmn-test-migration-open').click();
  if (target) {
    await page.getByTestId('vmmn-test-migration-target').click();
    await page.locator('.vs__dropdown-option', { hasText: target }).click();
  }
}

/** On harv2 (1 s a controller step): the choice, a migration over the network, then vm-02 from node-1 falling back on node-0. */
export async function captureTestMigration(page: Page, dir: string): Promise<void> {
  const shot = async(name: string, testid: string) => {
    await page.getByTestId(testid).scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${ dir }/${ name }.png` });
  };

  await post('/sim/speed?cluster=c-harv2', { stepMs: 1000 });
  await page.goto(`${ DASHBOARD }/c/c-harv2/migration-networks/health`);
  await testMigration(page, 'harvester-node-2');
  await shot('test-migration-choose', 'vmmn-test-migration');
  await page.getByTestId('vmmn-test-migration-start').click();
  await page.getByTestId('vmmn-follow-phase-Succeeded').waitFor();
  await page.getByTestId('vmmn-follow-listening').waitFor();
  await shot('test-migration-network', 'vmmn-test-migration');
  await dropMigrationAddress('harvester-node-0');
  await page.goto(`${ DASHBOARD }/c/c-harv2/migration-networks/health`);
  await post('/sim/speed?cluster=c-harv2', { stepMs: 300 });
  await page.getByTestId('vmmn-test-migration-open').click();
  await page.getByTestId('vmmn-test-migration-vm').click();
  await page.locator('.vs__dropdown-option', { hasText: 'default/vm-02' }).click();
  await page.getByTestId('vmmn-test-migration-start').click();
  await page.getByTestId('vmmn-follow-phase-Succeeded').waitFor();
  await shot('test-migration-fallback', 'vmmn-test-migration');
}

/** Harvester's Hosts list with our column (harv3: one node without an address) and its VM page with our tab. */
export async function captureHarvesterPages(page: Page, dir: string): Promise<void> {
  if (!HARVESTER_UI_PRESENT) {
    console.log(`${ HARVESTER_UI_ABSENT }: its pages are not captured`); // eslint-disable-line no-console

    return;
  }
  await post('/sim/plugins', { dir: HARVESTER_UI });
  await post('/sim/speed?cluster=c-harv2', { stepMs: 300 });
  await page.goto(`${ DASHBOARD }/harvester/c/c-harv3/harvesterhci.io.host`);
  await page.locator('[data-testid^="vmmn-host-migration-flag-"]').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${ dir }/harvester-hosts-migration-ip.png` });
  await page.goto(`${ DASHBOARD }/harvester/c/c-harv2/kubevirt.io.virtualmachine/default/vm-01`);
  await page.getByRole('tab', { name: 'Migrations', exact: true }).click({ timeout: 120_000 });
  await page.getByTestId('vmmn-test-migration-open').click();
  await page.getByTestId('vmmn-test-migration-start').click();
  await page.locator('[data-testid^="vmmn-vm-migration-verdict-"]').first().waitFor({ timeout: 30_000 });
  await page.getByTestId('vmmn-follow-phase-Succeeded').waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${ dir }/harvester-vm-migrations.png` });
  await fetch(`${ SIM }/sim/plugins`, { method: 'DELETE' });
}
