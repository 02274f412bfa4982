import {
  test, expect, login, loginByCookie, sim, simGet
} from './fixtures';
import {
  fillDocsExample, fleetCell, openFromSideNav, openProductFromMenu, reviewAndSave
} from './pages';

test('the overview shows every Harvester cluster in its own state, and not the local cluster', async({ page }) => {
  await login(page);
  await openProductFromMenu(page);
  await expect(fleetCell(page, 'state', 'harv1')).toHaveText('Disabled');
  await expect(fleetCell(page, 'network', 'harv1')).toHaveText('Disabled: migrations use mgmt');
  await expect(fleetCell(page, 'state', 'harv2')).toHaveText('Healthy');
  await expect(fleetCell(page, 'nodes', 'harv2')).toHaveText('3/3');
  await expect(fleetCell(page, 'state', 'harv3')).toHaveText('Stuck');
  await expect(fleetCell(page, 'problems', 'harv3')).toContainText('exhausted');
  await expect(fleetCell(page, 'age', 'harv1')).toContainText('s ago');
  await expect(page.getByTestId('vmmn-fleet-open-local')).toHaveCount(0);
});

test('by clicks only after login: enable on harv1, watch its row turn configured, open its health page, disable and see mgmt again @journey', async({ page }) => {
  await login(page);
  await openProductFromMenu(page);
  await page.getByTestId('vmmn-fleet-open-harv1').click();
  await expect(page.getByTestId('vmmn-cluster-name')).toContainText('harv1');
  await openFromSideNav(page, 'Settings');
  await page.getByTestId('vmmn-setting-link-vm-migration-network').click();
  await fillDocsExample(page);
  await reviewAndSave(page);
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();

  await page.getByTestId('vmmn-back-to-overview').click();
  await expect(fleetCell(page, 'nodes', 'harv1')).toHaveText('3/3', { timeout: 30_000 });
  await expect(fleetCell(page, 'state', 'harv1')).toHaveText('Healthy', { timeout: 30_000 });
  await expect(fleetCell(page, 'network', 'harv1')).toHaveText('vm-migration · VLAN 100 · 192.168.1.0/24');

  await page.getByTestId('vmmn-fleet-open-harv1').click();
  await expect(page.getByTestId('vmmn-health-page')).toBeVisible();
  for (const node of ['harvester-node-0', 'harvester-node-1', 'harvester-node-2']) {
    await expect(page.getByTestId(`vmmn-health-node-ip-${ node }`)).toHaveText(/^\s*192\.168\.1\.\d+\s*$/, { timeout: 30_000 });
  }

  await openFromSideNav(page, 'Settings');
  await page.getByTestId('vmmn-setting-link-vm-migration-network').click();
  await page.getByTestId('vmmn-enabled').locator('.radio-container').nth(1).click();
  await reviewAndSave(page);
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  await page.getByTestId('vmmn-back-to-overview').click();
  await expect(fleetCell(page, 'network', 'harv1')).toHaveText('Disabled: migrations use mgmt');
  await expect(fleetCell(page, 'state', 'harv1')).toHaveText('Disabled', { timeout: 30_000 });
});

test('a cluster Rancher reports connected but not ready (Harvester upgrading) is still read, and labelled as the shell labels it @journey', async({ page }) => {
  await loginByCookie(page);
  await page.goto('/c/_/migration-networks');
  await expect(fleetCell(page, 'state', 'harv2')).toHaveText('Healthy');
  await sim('/sim/clusters/c-harv2/ready', { ready: false });
  await expect(page.getByTestId('vmmn-fleet-rancher-state-harv2')).toHaveText('Updating');
  // Still read: the row's age keeps being renewed, and its state is the cluster's, not "Unreachable".
  await sim('/sim/objects?cluster=c-harv2', { ...await simGet<Record<string, unknown>>('/sim/objects/harvesterhci.io.setting/vm-migration-network?cluster=c-harv2'), value: '' });
  // A settled row is read again every 30 s (the fleet's read budget); a change made elsewhere shows by then.
  await expect(fleetCell(page, 'state', 'harv2')).not.toHaveText('Healthy', { timeout: 40_000 });
  await expect(fleetCell(page, 'state', 'harv2')).not.toHaveText('Unreachable');
});

test('a disconnected cluster says so in its row; the others still show', async({ page }) => {
  await loginByCookie(page);
  await page.goto('/c/_/migration-networks');
  await expect(fleetCell(page, 'state', 'harv2')).toHaveText('Healthy');
  await sim('/sim/clusters/c-harv3/connected', { connected: false });
  await expect(fleetCell(page, 'state', 'harv3')).toHaveText('Unreachable', { timeout: 20_000 });
  await expect(fleetCell(page, 'problems', 'harv3')).toContainText('lost its connection');
  await expect(fleetCell(page, 'state', 'harv2')).toHaveText('Healthy');
});

test('a cluster that fails to answer says so; the others still show', async({ page }) => {
  await loginByCookie(page);
  await sim('/sim/faults?cluster=c-harv2', {
    count: 1000, status: 502, message: 'upstream gone'
  });
  await page.goto('/c/_/migration-networks');
  await expect(fleetCell(page, 'state', 'harv2')).toHaveText('Unreachable');
  await expect(fleetCell(page, 'problems', 'harv2')).toContainText('did not answer');
  await expect(fleetCell(page, 'state', 'harv1')).toHaveText('Disabled');
});

test('a user who may see one cluster only sees one row', async({ page }) => {
  await loginByCookie(page, 'operator');
  await page.goto('/c/_/migration-networks');
  await expect(fleetCell(page, 'state', 'harv2')).toHaveText('Healthy');
  await expect(page.locator('[data-testid^="vmmn-fleet-open-"]')).toHaveCount(1);
});

test('the panel above a Harvester Settings list shows the live state and links into our pages', async({ page }) => {
  await loginByCookie(page);
  await page.goto('/c/c-harv2/explorer/harvesterhci.io.setting');
  // The panel's first read comes after the explorer's own list: slow on a loaded machine.
  await expect(page.getByTestId('vmmn-panel-line')).toHaveText('Enabled on vm-migration VLAN 100 · Configured · 3/3 nodes have a migration IP', { timeout: 45_000 });
  await page.getByTestId('vmmn-panel-health').click();
  await expect(page.getByTestId('vmmn-health-page')).toBeVisible();
  await expect(page.getByTestId('vmmn-cluster-name')).toContainText('harv2');
  await page.goBack();
  await page.getByTestId('vmmn-panel-edit').click();
  await expect(page.getByTestId('vmmn-editor')).toBeVisible();
});
