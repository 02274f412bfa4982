import { execFileSync } from 'node:child_process';
import {
  test, expect, loginByCookie, sim, dashboardPath, CLUSTER
} from './fixtures';
import { kubectls } from '../../harvester-sim/test/kubectl';
import { ROUTER_BASE, SIM_URL } from '../../playwright.config';

// What a user of a real Rancher meets and our simulator alone would not show: a dashboard served under /dashboard/
// (production mode), Rancher's older UI on every other page load, and pages that end in a state the user can act on.
const EDITOR = `/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`;
const SETTINGS_LIST_PATH = `/k8s/clusters/${ CLUSTER }/v1/harvesterhci.io.settings`;

test('a page load outside the dashboard\'s base is Rancher\'s older UI, as in Rancher @journey', async({ page }) => {
  test.skip(ROUTER_BASE === '/', 'dev mode serves the dashboard at /; production mode serves it under /dashboard/ as Rancher does');
  await loginByCookie(page);
  // A raw internal link of ours (without the base) would land here.
  await page.goto(`https://localhost:8005/c/${ CLUSTER }/explorer/harvesterhci.io.setting/vm-migration-network`);
  await expect(page.getByTestId('rancher-older-ui')).toBeVisible();
});

test('Edit as YAML opens the shell\'s own YAML editor inside the dashboard @journey', async({ page }) => {
  await loginByCookie(page);
  await page.goto(EDITOR);
  await page.getByTestId('vmmn-edit-yaml').click();
  await expect(page.locator('.CodeMirror')).toContainText('vm-migration-network');
  expect(new URL(page.url()).pathname).toBe(dashboardPath(`/c/${ CLUSTER }/explorer/harvesterhci.io.setting/vm-migration-network`));
  await expect(page.getByTestId('rancher-older-ui')).toHaveCount(0);
});

test('node names on the health page open the node\'s page inside the dashboard @journey', async({ page }) => {
  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/health`);
  await page.getByTestId('vmmn-health-node-harvester-node-1').click();
  await expect(page).toHaveURL(new RegExp(`${ dashboardPath(`/c/${ CLUSTER }/explorer/node/harvester-node-1`) }$`));
  await expect(page.getByTestId('rancher-older-ui')).toHaveCount(0);
});

test('a settings list that fails while the cluster loads ends on a page with a way out, and the editor opens once it answers @journey', async({ page }) => {
  // The shell itself reads a Harvester cluster's settings while loading it (its loadCluster), so a failure there is
  // the shell's own error page; the editor's own failed state, with its retry, is covered by its unit tests.
  await loginByCookie(page);
  await sim('/sim/faults', {
    path: SETTINGS_LIST_PATH, method: 'GET', status: 503, message: 'cluster agent is not connected', count: 1
  });
  await page.goto(EDITOR);
  await expect(page.getByText('cluster agent is not connected')).toBeVisible();
  // Shell 3.0.13 makes Reload a button, 3.0.5 a link.
  await expect(page.getByText('Reload', { exact: true })).toBeVisible();
  // A full page load again: the shell loads the cluster (and in production mode our package) from the start.
  await page.goto(EDITOR);
  await expect(page.getByTestId('vmmn-editor')).toBeVisible({ timeout: 45_000 });
});

test('the editor: a cluster without the setting (not Harvester, or older than v1.6) says so, with the way back', async({ page }) => {
  await fetch(`${ SIM_URL }/sim/objects/harvesterhci.io.setting/vm-migration-network`, { method: 'DELETE' });
  await loginByCookie(page);
  await page.goto(EDITOR);
  await expect(page.getByTestId('vmmn-page-notFound')).toContainText('v1.6');
  await page.getByTestId('vmmn-back-to-overview').click();
  await expect(page.getByTestId('vmmn-fleet')).toBeVisible();
});

test('the header\'s Download KubeConfig gives a kubeconfig kubectl can use against the cluster @journey', async({ page }) => {
  // Rancher 2.12's shell (3.0.5) calls the cluster's generateKubeconfig action; later shells create an
  // ext.cattle.io kubeconfig. Either way the file must work in a client nobody here wrote.
  await loginByCookie(page);
  // The header's cluster tools show on a cluster's own pages (the explorer), not on global products such as ours.
  await page.goto(`/c/${ CLUSTER }/explorer`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('btn-download-kubeconfig').click()]);
  const file = await download.path();
  const [kubectl] = kubectls();
  const name = execFileSync(kubectl.path, ['--kubeconfig', file, 'get', 'settings.harvesterhci.io', 'vm-migration-network', '-o', 'jsonpath={.metadata.name}'], { encoding: 'utf8' });

  expect(download.suggestedFilename()).toBe('harv1.yaml');
  expect(name).toBe('vm-migration-network');
});
