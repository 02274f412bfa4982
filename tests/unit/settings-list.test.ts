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

async function createWrapper(settings: unknown[], dispatch?: (action: string) => unknown, schema = true) {
  const store = createShellStore({ [SETTING]: settings }, { 'cluster/schemaFor': (type: string) => (schema || type !== SETTING ? { id: type } : undefined) }, dispatch);
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
    // No configured condition, no status: an empty cell, not a dash on every other setting.
    expect(wrapper.find('[data-testid="vmmn-setting-status-server-version"]').text()).toBe('');
  });

  it('says when the settings cannot be read, with the server\'s words, and Try again reads them', async() => {
    let fail = true;
    const wrapper = await createWrapper([setting('server-version', 'v1.8.0')], () => {
      if (fail) {
        throw Object.assign(new Error('HTTP 503'), { _status: 503 });
      }
    });

    expect(wrapper.find('[data-testid="vmmn-page-failed"]').text()).toBe('%vmMigrationNetwork.pageState.failed(subject: %vmMigrationNetwork.pageState.subjects.settings%, error: HTTP 503)%%vmMigrationNetwork.pageState.retry%');
    expect(wrapper.find('[data-testid="vmmn-settings-list"]').exists()).toBe(false);
    fail = false;
    await wrapper.find('[data-testid="vmmn-page-retry"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="vmmn-setting-value-server-version"]').text()).toBe('v1.8.0');
  });

  it('says so when the user may not read Harvester settings (Steve serves no schema), without asking', async() => {
    const dispatched: string[] = [];
    const wrapper = await createWrapper([], (action) => dispatched.push(action), false);

    expect(wrapper.find('[data-testid="vmmn-page-forbidden"]').exists()).toBe(true);
    expect(dispatched).toStrictEqual([]);
  });
});
