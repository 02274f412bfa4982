import { test, expect, loginByCookie, sim } from './fixtures';
import { HARVESTER_BOOT_MS, HARVESTER_UI, HARVESTER_UI_ABSENT, HARVESTER_UI_PRESENT } from './harvester-ui-build';

/** Our column on Harvester's Hosts list and our tab on its VM page, in Harvester's real UI (`harvester-ui-build.ts`). */
if (!HARVESTER_UI_PRESENT) {
  // eslint-disable-next-line no-console
  console.log(`harvester-pages.spec: skipped, ${ HARVESTER_UI_ABSENT }`);
}

test.describe('our facts on Harvester\'s own pages', () => {
  test.skip(!HARVESTER_UI_PRESENT, HARVESTER_UI_ABSENT);
  test.setTimeout(240_000);

  test.beforeEach(async({ page }) => {
    await sim('/sim/plugins', { dir: HARVESTER_UI });
    await loginByCookie(page);
  });

  test('Harvester\'s Hosts list has a Migration IP column: each node\'s address, or the health page\'s flag', async({ page }) => {
    await page.goto('/harvester/c/c-harv2/harvesterhci.io.host');
    await expect(page.getByRole('columnheader', { name: 'Migration IP' })).toBeVisible({ timeout: HARVESTER_BOOT_MS });
    for (const [node, ip] of [['harvester-node-0', '192.168.1.2'], ['harvester-node-1', '192.168.1.3'], ['harvester-node-2', '192.168.1.4']]) {
      await expect(page.getByTestId(`vmmn-host-migration-ip-${ node }`)).toHaveText(ip);
    }
    // harv3's range is exhausted: its last node has no address, in the health page's words.
    await page.goto('/harvester/c/c-harv3/harvesterhci.io.host');
    await expect(page.locator('[data-testid^="vmmn-host-migration-flag-"][data-testid$="-noIp"]')).toHaveText(['No migration IP'], { timeout: HARVESTER_BOOT_MS });
  });

  test('Harvester\'s VM page has a Migrations tab: a test migration of this VM, its verdict and the list', async({ page }) => {
    await sim('/sim/speed?cluster=c-harv2', { stepMs: 300 });
    const ours: string[] = [];

    page.on('request', (r) => r.url().includes('kubevirt.io/vmi-name') && ours.push(r.url()));
    await page.goto('/harvester/c/c-harv2/kubevirt.io.virtualmachine/default/vm-01');
    const tab = page.getByRole('tab', { name: 'Migrations', exact: true });

    await expect(tab).toBeVisible({ timeout: HARVESTER_BOOT_MS });
    // The shell mounts every tab with the page: ours reads nothing until it is the one on screen.
    await page.waitForTimeout(2_000);
    expect(ours).toEqual([]);
    await tab.click();
    await expect(page.getByTestId('vmmn-vm-migrations-none')).toBeVisible();
    await page.getByTestId('vmmn-test-migration-open').click();
    await expect(page.getByTestId('vmmn-test-migration-confirm')).toContainText('default/vm-01 moves from harvester-node-0 to a node Kubernetes chooses');
    await page.getByTestId('vmmn-test-migration-start').click();
    await expect(page.getByTestId('vmmn-follow-verdict')).toHaveText('Over the migration network (vm-migration, 192.168.1.3)', { timeout: 20_000 });
    await expect(page.getByTestId('vmmn-follow-phase-Succeeded')).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('[data-testid^="vmmn-vm-migration-verdict-"]')).toHaveText(['Over the migration network (vm-migration, 192.168.1.3)'], { timeout: 20_000 });
  });
});
