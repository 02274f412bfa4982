import {
  test, expect, loginByCookie, simGet, CLUSTER
} from './fixtures';

// The simulator behaves like Harvester even for the shell's own generic YAML editor: the webhook refuses a bad
// value with Harvester's message, and a good value is configured by the controller.
const YAML_EDIT = `/c/${ CLUSTER }/explorer/harvesterhci.io.setting/vm-migration-network?mode=edit&as=yaml`;

async function saveYaml(page: import('@playwright/test').Page, value: string) {
  await page.goto(YAML_EDIT);
  const editor = page.locator('.CodeMirror');

  await expect(editor).toContainText('vm-migration-network');
  await editor.evaluate((el, v) => {
    const cm = (el as unknown as { CodeMirror: { getValue(): string; setValue(s: string): void } }).CodeMirror;

    cm.setValue(cm.getValue().replace(/^value: .*$/m, `value: '${ v }'`));
  }, value);
  await page.getByRole('button', { name: 'Save' }).click();
}

test('the shell YAML editor gets Harvester\'s webhook denial for a bad value', async({ page }) => {
  await loginByCookie(page);
  await saveYaml(page, '{"clusterNetwork":"vm-migration","vlan":5000,"range":"192.168.1.0/24","exclude":[]}');
  await expect(page.getByText('the valid value range for VLAN IDs is 0 to 4094')).toBeVisible();
  const setting = await simGet<{ value: string }>('/sim/objects/harvesterhci.io.setting/vm-migration-network');

  expect(setting.value).toBe('');
});

test('a value saved in the shell YAML editor is configured by the controller', async({ page }) => {
  await loginByCookie(page);
  await saveYaml(page, '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}');
  await expect.poll(async() => (await simGet<{ metadata: { annotations?: Record<string, string> } }>('/sim/objects/harvesterhci.io.setting/vm-migration-network')).metadata.annotations?.['vm-migration-network.settings.harvesterhci.io/hash']).toBe('8c1ea792c2687e9c20718d6a2505514fb53e7d91');
});
