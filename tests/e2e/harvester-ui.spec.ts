import {
  test, expect, loginByCookie, sim, simGet
} from './fixtures';
import { HARVESTER_BOOT_MS, HARVESTER_UI, HARVESTER_UI_ABSENT, HARVESTER_UI_PRESENT } from './harvester-ui-build';
import { DOCS_VALUE, fleetCell } from './pages';
import { ourTranslations } from '../support/l10n';
import { PRODUCT, ROUTE } from '../../pkg/harvester-vm-migration-network/config/navigation';

/** Our panels beside Harvester's real UI (see `harvester-ui-build.ts` for where its build comes from). */
if (!HARVESTER_UI_PRESENT) {
  // eslint-disable-next-line no-console
  console.log(`harvester-ui.spec: skipped, ${ HARVESTER_UI_ABSENT }`);
}

test.describe('with Harvester\'s own UI extension loaded', () => {
  test.skip(!HARVESTER_UI_PRESENT, HARVESTER_UI_ABSENT);
  // Each test starts Harvester's bundle (about 2 MB of scripts) in a fresh browser: slow on a loaded 2-core machine.
  test.setTimeout(240_000);

  test.beforeEach(async({ page }) => {
    await sim('/sim/plugins', { dir: HARVESTER_UI });
    await loginByCookie(page);
  });

  test('our panel shows the live state above Harvester\'s Settings list and its link opens our health page', async({ page }) => {
    await page.goto('/harvester/c/c-harv1/harvesterhci.io.setting');
    await expect(page.getByText('server-version').first()).toBeVisible({ timeout: HARVESTER_BOOT_MS });
    await expect(page.getByTestId('vmmn-panel-line')).toHaveText('Disabled: migrations use mgmt · No condition yet');
    const setting = await simGet<Record<string, unknown>>('/sim/objects/harvesterhci.io.setting/vm-migration-network');

    await sim('/sim/objects', { ...setting, value: DOCS_VALUE });
    await expect(page.getByTestId('vmmn-panel-line')).toHaveText('Enabled on vm-migration VLAN 100 · Configured · 3/3 nodes have a migration IP', { timeout: 30_000 });
    await page.getByTestId('vmmn-panel-health').click();
    await expect(page.getByTestId('vmmn-health-page')).toBeVisible();
    await expect(page.getByTestId('vmmn-cluster-name')).toContainText('harv1');
  });

  test('our panel is on Harvester\'s vm-migration-network page, beside Harvester\'s own editor, and links to ours', async({ page }) => {
    await page.goto('/harvester/c/c-harv2/harvesterhci.io.setting/vm-migration-network?mode=edit');
    await expect(page.getByTestId('vmmn-panel-line')).toHaveText('Enabled on vm-migration VLAN 100 · Configured · 3/3 nodes have a migration IP', { timeout: HARVESTER_BOOT_MS });
    await expect(page.getByText('vm-migration-network').first()).toBeVisible();
    await page.getByTestId('vmmn-panel-edit').click();
    await expect(page.getByTestId('vmmn-editor')).toBeVisible();
    await expect(page.getByTestId('vmmn-vlan')).toHaveValue('100');
    // Cancel goes back where the admin came from: Harvester's own page.
    await page.getByTestId('vmmn-cancel').click();
    await expect(page).toHaveURL(/\/harvester\/c\/c-harv2\/harvesterhci\.io\.setting\/vm-migration-network/);
    await expect(page.getByTestId('vmmn-panel-line')).toBeVisible();
  });

  test('with Harvester\'s UI installed, a node on our health page opens Harvester\'s Host page', async({ page }) => {
    await page.goto('/c/c-harv2/migration-networks/health');
    await page.getByTestId('vmmn-health-node-harvester-node-1').click({ timeout: HARVESTER_BOOT_MS });
    await expect(page).toHaveURL(/\/harvester\/c\/c-harv2\/harvesterhci\.io\.host\/harvester-node-1/);
  });

  test('a fleet row\'s "Open in Harvester" lands on that cluster\'s vm-migration-network page in Harvester, and both products stay in the ☰ menu', async({ page }) => {
    await page.goto('/c/_/migration-networks');
    await expect(fleetCell(page, 'state', 'harv2')).toHaveText('Healthy', { timeout: HARVESTER_BOOT_MS });
    await fleetCell(page, 'harvester', 'harv2').click();
    await expect(page).toHaveURL(/\/harvester\/c\/c-harv2\/harvesterhci\.io\.setting\/vm-migration-network\?mode=edit/);
    await expect(page.getByTestId('vmmn-panel-line')).toBeVisible({ timeout: HARVESTER_BOOT_MS });
    await page.getByTestId('top-level-menu').click();
    await expect(page.getByRole('link', { name: 'Migration Networks' })).toBeVisible();
  });

  test('Harvester\'s own main pages render on the simulator with no uncaught error and no failed API call', async({ page }) => {
    const problems: string[] = [];

    page.on('pageerror', (error) => problems.push(`uncaught: ${ error.message }`));
    // Errors Vue or the store caught and logged: a type the simulator lacks, a fetch that failed, data missing a field.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Unknown schema|Error in fetch|Cannot read properties/.test(message.text())) {
        problems.push(`logged: ${ message.text().split('\n')[0] }`);
      }
    });
    // Requests that leave loopback are refused by the test rig (no response); every answer from the simulator counts.
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`HTTP ${ response.status() } ${ new URL(response.url()).pathname }`);
      }
    });
    const pages: [string, string][] = [
      ['/harvester/c/c-harv2/harvesterhci.io.dashboard', 'Harvester Cluster: harv2'],
      ['/harvester/c/c-harv2/harvesterhci.io.host', 'harvester-node-2'],
      ['/harvester/c/c-harv2/harvesterhci.io.host/harvester-node-0', 'harvester-node-0'],
      ['/harvester/c/c-harv2/kubevirt.io.virtualmachine', 'vm-02'],
      ['/harvester/c/c-harv2/kubevirt.io.virtualmachine/default/vm-01', 'Configurations'],
      ['/harvester/c/c-harv2/network.harvesterhci.io.clusternetwork', 'vm-migration'],
      ['/harvester/c/c-harv2/harvesterhci.io.networkattachmentdefinition', 'L2VlanNetwork'],
      ['/harvester/c/c-harv2/harvesterhci.io.setting', 'server-version'],
      ['/harvester/c/c-harv2/harvesterhci.io.setting/vm-migration-network?mode=edit', 'vm-migration-network'],
    ];

    for (const [path, text] of pages) {
      await page.goto(path);
      await expect(page.getByText(text).first(), path).toBeVisible({ timeout: HARVESTER_BOOT_MS });
    }
    expect(problems).toEqual([]);
  });

  test('another setting opened in our product offers Harvester\'s own editor for it', async({ page }) => {
    await page.goto('/c/c-harv1/migration-networks/settings/storage-network');
    await page.getByTestId('vmmn-setting-edit-harvester').click({ timeout: HARVESTER_BOOT_MS });
    await expect(page).toHaveURL(/\/harvester\/c\/c-harv1\/harvesterhci\.io\.setting\/storage-network\?mode=edit/);
  });

  test('the two extensions share no route, product, store module or translation', async({ page }) => {
    await page.goto('/harvester/c/c-harv1/harvesterhci.io.setting');
    await expect(page.getByText('server-version').first()).toBeVisible({ timeout: HARVESTER_BOOT_MS });
    await expect(page.getByTestId('vmmn-panel-line')).toBeVisible();
    const shell = await page.evaluate(() => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shell's store and router, untyped here
      const { $store: store, $router: router } = (window as unknown as { $globalApp: { $store: any; $router: any } }).$globalApp;

      return {
        resolved: ['/c/_/migration-networks', '/c/c-harv1/migration-networks/settings', '/c/c-harv1/migration-networks/settings/vm-migration-network', '/c/c-harv1/migration-networks/health']
          .map((path) => String(router.resolve(path).name ?? '')),
        routes:            router.getRoutes().map((r: { name?: unknown; path: string }) => ({ name: String(r.name ?? ''), path: r.path })) as { name: string; path: string }[],
        products:          store.state['type-map'].products.map((p: { name: string; inStore?: string }) => ({ name: p.name, inStore: p.inStore })) as { name: string; inStore?: string }[],
        modules:           Object.keys(store._modules.root._children),
        en:                store.state.i18n.translations['en-us'],
        // Harvester's store still answers: its Settings list came through it.
        harvesterSettings: store.getters['harvester/all']('harvesterhci.io.setting').length,
      };
    });
    const at = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
    const ours = (path: string) => path.startsWith('/c/:cluster/migration-networks');

    // Routes: every one of ours is there once, on our path, and no route of anyone else claims one of our paths.
    for (const name of Object.values(ROUTE)) {
      expect(shell.routes.filter((r) => r.name === name).map((r) => ours(r.path)), name).toStrictEqual([true]);
    }
    const ourNames: string[] = Object.values(ROUTE);

    expect(shell.routes.filter((r) => ours(r.path) && !ourNames.includes(r.name))).toStrictEqual([]);
    expect(shell.routes.filter((r) => r.name.startsWith('harvester-') && ours(r.path))).toStrictEqual([]);
    // And the router's matcher, with every route of both loaded, sends our URLs to our pages.
    expect(shell.resolved).toStrictEqual([ROUTE.OVERVIEW, ROUTE.SETTINGS, ROUTE.SETTING_EDIT, ROUTE.HEALTH]);
    // Products: one each, ours on the shell's cluster store, Harvester's on its own.
    expect(shell.products.filter((p) => p.name === PRODUCT)).toStrictEqual([{ name: PRODUCT, inStore: 'cluster' }]);
    expect(shell.products.filter((p) => p.name === 'harvester')).toStrictEqual([{ name: 'harvester', inStore: 'harvester' }]);
    expect(shell.modules).toContain('harvester');
    expect(shell.modules.filter((m) => m.includes('migration-network'))).toStrictEqual([]);
    expect(shell.harvesterSettings).toBeGreaterThan(0);
    // Translations: every text of ours is ours in the shell, and Harvester's own texts for this setting are its own.
    const en = ourTranslations('en-us.yaml');

    expect(Object.keys(en).filter((key) => at(shell.en, key) !== en[key])).toStrictEqual([]);
    expect(at(shell.en, 'harvester.setting.vmMigrationNetwork.parseError')).toBe('Failed to parse existing configuration.');
  });
});
