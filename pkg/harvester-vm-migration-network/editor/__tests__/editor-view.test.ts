// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flushPromises, VueWrapper } from '@vue/test-utils';
import VmMigrationNetworkEditor from '../../components/VmMigrationNetworkEditor.vue';
import { VALUE } from '../../core/__tests__/k8s-factories';
import { createShellStore, mountWithShell } from '../../../../tests/unit/shell-mount';
import { fakeCluster } from './fake-cluster';

type Request = Parameters<ReturnType<typeof fakeCluster>['request']>[0];

async function mountEditor(value = '', canUpdate = true) {
  const cluster = fakeCluster(value, canUpdate);
  const store = createShellStore(cluster.objects, { 'cluster/schemaFor': () => ({}) }, (action, payload) => (action === 'cluster/request' ? cluster.request(payload as Request) : undefined));
  const wrapper = mountWithShell(VmMigrationNetworkEditor, store, { global: { stubs: { MigrationNetworkForm: true } } });

  await flushPromises();

  return { wrapper, cluster };
}

const testids = (wrapper: VueWrapper) => wrapper.findAll('[data-testid]').map((w) => w.attributes('data-testid'));

describe('VmMigrationNetworkEditor: the notices it renders', () => {
  it('shows "nothing changed" beside the buttons, and Review disabled', async() => {
    const { wrapper } = await mountEditor(VALUE);

    expect(wrapper.find('[data-testid="vmmn-unchanged"]').text()).toBe('%vmMigrationNetwork.save.unchanged%');
    expect(wrapper.find('[data-testid="vmmn-review"]').attributes('disabled')).toBeDefined();
    expect(testids(wrapper)).not.toContain('vmmn-saved');
  });

  it('is read-only for a viewer: one notice, no buttons', async() => {
    const { wrapper } = await mountEditor(VALUE, false);

    expect(wrapper.find('[data-testid="vmmn-read-only"]').text()).toBe('%vmMigrationNetwork.editor.readOnly%');
    expect(wrapper.find('[data-testid="vmmn-review"]').exists()).toBe(false);
  });

  it('shows the stored value as is when Harvester cannot read it', async() => {
    const { wrapper } = await mountEditor('{"vlan":');

    expect(wrapper.find('[data-testid="vmmn-parse-W3_SYNTAX"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vmmn-raw-value"]').text()).toBe('{"vlan":');
  });

  it('says live when someone else changed the value, with the value, and a disable in its own words', async() => {
    const { wrapper, cluster } = await mountEditor(VALUE);
    const theirs = '{"clusterNetwork":"vm-migration","vlan":7,"range":"10.0.0.0/24","exclude":[]}';

    cluster.writeElsewhere(theirs);
    await flushPromises();
    expect(wrapper.find('[data-testid="vmmn-changed-elsewhere"]').text()).toBe(`%vmMigrationNetwork.editor.changedElsewhere(value: ${ theirs })%`);
    cluster.writeElsewhere('');
    await flushPromises();
    expect(wrapper.find('[data-testid="vmmn-changed-elsewhere"]').text()).toBe('%vmMigrationNetwork.editor.disabledElsewhere%');
  });
});
