import { Page } from '@playwright/test';
import {
  test, expect, loginByCookie, sim, simGet
} from './fixtures';
import { DOCS_VALUE, fillDocsExample, reviewAndSave } from './pages';

/** The `versions` fleet: one cluster per modelled Harvester release, each with the migration network disabled. */
const editor = (cluster: string) => `/c/${ cluster }/migration-networks/settings/vm-migration-network`;
const health = (cluster: string) => `/c/${ cluster }/migration-networks/health`;
const stored = async(cluster: string) => (await simGet<{ value?: string }>(`/sim/objects/harvesterhci.io.setting/vm-migration-network?cluster=${ cluster }`)).value;
const NODES = ['harvester-node-0', 'harvester-node-1', 'harvester-node-2'];
const DUAL = DOCS_VALUE.replace('}', ',"rangeV6":"fd00:10::/120","rangeV6Start":"fd00:10::10","rangeV6End":"fd00:10::ff"}');

async function openEditor(page: Page, cluster: string): Promise<void> {
  await page.goto(editor(cluster));
  await expect(page.getByTestId('vmmn-editor')).toBeVisible();
}

test.beforeEach(async({ page }) => {
  await sim('/sim/reset', { fleet: 'versions' });
  await loginByCookie(page);
});

test('v1.10: dual stack is enabled by clicks, every node shows both addresses, and editing back to IPv4 only removes them @journey', async({ page }) => {
  test.setTimeout(180_000);
  await openEditor(page, 'c-v110');
  await expect(page.getByTestId('vmmn-release')).toHaveText('Checked with Harvester v1.10\'s rules.');
  await fillDocsExample(page);
  await expect(page.getByTestId('vmmn-dual-stack-experimental')).toBeVisible();
  await page.getByTestId('vmmn-range-v6').fill('fd00:10::/120');
  await page.getByTestId('vmmn-range-v6-start').fill('fd00:10::ff');
  await page.getByTestId('vmmn-range-v6-end').fill('fd00:10::10');
  await page.getByTestId('vmmn-review').click();
  // A bad window is stopped before Save, with the reason, and nothing is sent.
  await expect(page.getByTestId('vmmn-range-v6-start-problems')).toContainText('The window starts at fd00:10::ff, after its end fd00:10::10.');
  await expect(page.getByTestId('vmmn-impact')).toHaveCount(0);
  await page.getByTestId('vmmn-range-v6-start').fill('fd00:10::10');
  await page.getByTestId('vmmn-range-v6-end').fill('fd00:10::ff');
  await page.getByTestId('vmmn-review').click();
  await expect(page.getByTestId('vmmn-impact-nad')).toContainText('"ipRanges"');
  await expect(page.getByTestId('vmmn-impact-nad')).toContainText('"range_start": "fd00:10::10"');
  await page.getByTestId('vmmn-back').click();
  await reviewAndSave(page);
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  expect(await stored('c-v110')).toBe(DUAL);

  await page.goto(health('c-v110'));
  await expect(page.locator('[data-testid="vmmn-health-verdict"][data-kind="healthy"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('vmmn-health-summary-family')).toContainText('IPv4');
  for (const node of NODES) {
    await expect(page.getByTestId(`vmmn-health-node-ip-${ node }`)).toContainText('192.168.1.');
    await expect(page.getByTestId(`vmmn-health-node-ip-v6-${ node }`)).toContainText('fd00:10::');
  }

  await openEditor(page, 'c-v110');
  for (const field of ['vmmn-range-v6-end', 'vmmn-range-v6-start', 'vmmn-range-v6']) {
    await page.getByTestId(field).fill('');
  }
  await reviewAndSave(page);
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  expect(await stored('c-v110')).toBe(DOCS_VALUE);
  await page.goto(health('c-v110'));
  await expect(page.locator('[data-testid="vmmn-health-verdict"][data-kind="healthy"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('vmmn-health-node-ip-harvester-node-0')).toContainText('192.168.1.');
  await expect(page.getByTestId('vmmn-health-node-ip-v6-harvester-node-0')).toHaveCount(0);
});

test('v1.8: the IPv6 keys of a value are kept read-only and written back unchanged; an IPv6 range is stopped with the timeout it would cause', async({ page }) => {
  const setting = await simGet<Record<string, unknown>>('/sim/objects/harvesterhci.io.setting/vm-migration-network?cluster=c-v18');

  await sim('/sim/objects?cluster=c-v18', { ...setting, value: DUAL });
  await openEditor(page, 'c-v18');
  await expect(page.getByTestId('vmmn-release')).toHaveText('Checked with Harvester v1.8\'s rules.');
  await expect(page.getByTestId('vmmn-dual-stack')).toHaveCount(0);
  await expect(page.getByTestId('vmmn-kept-value-rangeV6')).toHaveText('"fd00:10::/120"');
  await page.getByTestId('vmmn-vlan').fill('200');
  await reviewAndSave(page);
  await expect(page.getByTestId('vmmn-saved')).toBeVisible();
  expect(await stored('c-v18')).toBe(DUAL.replace('"vlan":100', '"vlan":200'));

  await page.getByTestId('vmmn-range').fill('fd00::/64');
  await page.getByTestId('vmmn-vlan').click();
  await expect(page.getByTestId('vmmn-range-problems')).toContainText('Harvester v1.8 cannot check an IPv6 range');
});
