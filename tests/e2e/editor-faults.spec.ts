import { Page } from '@playwright/test';
import {
  test, expect, loginByCookie, sim, simGet, CLUSTER
} from './fixtures';
import { fillDocsExample } from './pages';

const DRY_RUN_PATH = `/k8s/clusters/${ CLUSTER }/apis/harvesterhci.io/v1beta1/settings/vm-migration-network`;
const stored = async() => (await simGet<{ value?: string }>('/sim/objects/harvesterhci.io.setting/vm-migration-network')).value ?? '';

async function openFilled(page: Page) {
  await loginByCookie(page);
  await page.goto(`/c/${ CLUSTER }/migration-networks/settings/vm-migration-network`);
  await expect(page.getByTestId('vmmn-editor')).toBeVisible();
  await fillDocsExample(page);
}

async function expectFormKept(page: Page) {
  await expect(page.getByTestId('vmmn-vlan')).toHaveValue('100');
  await expect(page.getByTestId('vmmn-range')).toHaveValue('192.168.1.0/24');
  await expect(page.getByTestId('vmmn-exclude-0')).toHaveValue('192.168.1.1/32');
}

test('a 5xx on the dry run is shown, nothing is written, and Review tries again', async({ page }) => {
  await openFilled(page);
  await sim('/sim/faults', {
    path: DRY_RUN_PATH, status: 503, message: 'upstream unavailable', count: 1
  });
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-dryrun-failed')).toContainText('503');
  await expectFormKept(page);
  expect(await stored()).toBe('');
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-impact')).toBeVisible();
});

test('a dry run that never answers ends after 30 s with the form kept and a retry', async({ page }) => {
  test.setTimeout(150_000);
  await openFilled(page);
  await sim('/sim/faults', {
    path: DRY_RUN_PATH, delayMs: 120_000, count: 1
  });
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-dryrun-failed')).toContainText('30', { timeout: 45_000 });
  await expectFormKept(page);
  expect(await stored()).toBe('');
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-impact')).toBeVisible();
});

test('a websocket drop while editing shows the stale notice and recovers without losing the form', async({ page }) => {
  await openFilled(page);
  await sim(`/sim/websockets/drop?cluster=${ CLUSTER }`);
  await expect(page.getByTestId('vmmn-editor-stale')).toBeVisible();
  await expectFormKept(page);
  await expect(page.getByTestId('vmmn-editor-stale')).toHaveCount(0, { timeout: 60_000 });
  await expectFormKept(page);
  // Live again: a change made elsewhere after the reconnect reaches the open form.
  const setting = await simGet<Record<string, unknown>>('/sim/objects/harvesterhci.io.setting/vm-migration-network');

  await sim('/sim/objects', { ...setting, value: '{"clusterNetwork":"vm-migration","vlan":300,"range":"192.168.3.0/24","exclude":[]}' });
  await expect(page.getByTestId('vmmn-changed-elsewhere')).toContainText('192.168.3.0/24');
  await expectFormKept(page);
});
