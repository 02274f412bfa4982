// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import SettingsList from '@pkg/pages/SettingsList.vue';
import { createShellStore, mountWithShell } from './shell-mount';

const SETTING = 'harvesterhci.io.setting';

function setting(id: string, value: string, condition?: { status: string; reason?: string; message?: string }) {
  return {
    id, value, default: '', status: condition ? { conditions: [{ type: 'configured', ...condition }] } : undefined
  };
}

async function createWrapper(settings: unknown[], dispatch?: (action: string) => unknown) {
  const store = createShellStore({ [SETTING]: settings }, {}, dispatch);
  const wrapper = mountWithShell(SettingsList, store);

  await flushPromises();

  return wrapper;
}

describe('SettingsList', () => {
  it('loads the settings through the cluster store and shows name, value and configured status', async() => {
    const dispatched: string[] = [];
    const wrapper = await createWrapper([
      setting('vm-migration-network', '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":[]}', { status: 'True' }),
      setting('storage-network', '', {
        status: 'False', reason: 'CreateNadError', message: 'boom'
      }),
      setting('server-version', 'v1.8.0'),
    ], (action) => dispatched.push(action));

    expect(dispatched).toContain('cluster/findAll');
    expect(wrapper.find('[data-testid="vmmn-setting-value-vm-migration-network"]').text()).toContain('"vlan":100');
    expect(wrapper.find('[data-testid="vmmn-setting-status-vm-migration-network"]').text()).toBe('%vmMigrationNetwork.settings.configured.configured%');
    expect(wrapper.find('[data-testid="vmmn-setting-status-storage-network"]').text()).toBe('%vmMigrationNetwork.settings.configured.failed%');
    expect(wrapper.find('[data-testid="vmmn-setting-value-storage-network"]').text()).toBe('%vmMigrationNetwork.settings.empty%');
    expect(wrapper.find('[data-testid="vmmn-setting-status-server-version"]').text()).toBe('%vmMigrationNetwork.settings.configured.unknown%');
  });

  it('shows a translated error banner when the settings cannot be loaded', async() => {
    const wrapper = await createWrapper([], () => {
      throw new Error('HTTP 503');
    });

    expect(wrapper.find('[data-testid="vmmn-settings-load-error"]').exists()).toBe(true);
  });
});
