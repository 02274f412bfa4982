// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flushPromises, VueWrapper } from '@vue/test-utils';
import MigrationNetworkHealth from '@pkg/pages/MigrationNetworkHealth.vue';
import { nadConfig, parseValue, STEVE_TYPES } from '@pkg/core';
import type { CoreEvent, VirtualMachine } from '@pkg/core';
import {
  createClusterNetwork, createKubeVirt, createNode, createPod, createPool, createSetting, createVlanConfig, createVmim, NAD, VALUE
} from '@pkg/core/__tests__/k8s-factories';
import { createShellStore, mountWithShell } from './shell-mount';

type Objects = Partial<Record<string, unknown[]>>;

const value = parseValue(VALUE).value;
const nad = {
  metadata: {
    name: NAD, namespace: 'harvester-system', annotations: { 'vm-migration-network.settings.harvesterhci.io': 'true' }
  },
  spec: { config: value ? nadConfig(value) : '' },
};

/** A healthy enabled cluster with two nodes; override any type's list. */
function healthyObjects(overrides: Objects = {}): Objects {
  return {
    [STEVE_TYPES.setting]:        [createSetting(VALUE)],
    [STEVE_TYPES.node]:           [createNode('node-1'), createNode('node-2')],
    [STEVE_TYPES.pod]:            [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.3')],
    [STEVE_TYPES.nad]:            [nad],
    [STEVE_TYPES.kubeVirt]:       [createKubeVirt()],
    [STEVE_TYPES.ipPool]:         [createPool('192.168.1.0/24', { 2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-b' })],
    [STEVE_TYPES.vmim]:           [],
    [STEVE_TYPES.vmi]:            [],
    [STEVE_TYPES.event]:          [],
    [STEVE_TYPES.vm]:             [],
    [STEVE_TYPES.daemonSet]:      [],
    // The cluster network's VlanConfig covers the nodes (else every row is flagged notCovered).
    [STEVE_TYPES.clusterNetwork]: [createClusterNetwork('vm-migration')],
    [STEVE_TYPES.vlanConfig]:     [createVlanConfig('vm-migration', '["node-1","node-2","node-7"]')],
    ...overrides,
  };
}

interface WrapperOptions {
  objects?: Objects;
  forbidden?: string[];
  failing?: string[];
}

async function createWrapper({ objects = healthyObjects(), forbidden = [], failing = [] }: WrapperOptions = {}) {
  const store = createShellStore(objects as Record<string, unknown[]>, { 'cluster/schemaFor': (type: string) => (forbidden.includes(type) ? undefined : { id: type }) }, (action, payload) => {
    const type = (payload as { type?: string } | undefined)?.type ?? '';

    if (action === 'cluster/findAll' && failing.includes(type)) {
      throw new Error(`HTTP 503 ${ type }`);
    }
  });
  const wrapper = mountWithShell(MigrationNetworkHealth, store, { global: { directives: HEALTH_DIRECTIVES } });

  await flushPromises();

  return { wrapper, store };
}

const noop = {
  mounted() {}, updated() {}, beforeUnmount() {}
};

/** The shell directives SortableTable uses, as no-ops. */
const HEALTH_DIRECTIVES = {
  'clean-tooltip': noop, 'clean-html': noop, 'stripped-aria-label': noop, 'trim-whitespace': noop, shortkey: noop, tooltip: noop, 'close-popper': noop, 'ui-context': noop
};

const byId = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${ id }"]`);

describe('MigrationNetworkHealth: summary', () => {
  it('shows a healthy enabled configuration, the NAD and KubeVirt', async() => {
    const { wrapper } = await createWrapper();

    expect(byId(wrapper, 'vmmn-health-summary-state').text()).toBe('%vmMigrationNetwork.health.summary.enabled%');
    expect(byId(wrapper, 'vmmn-health-summary-range').text()).toBe('192.168.1.0/24');
    expect(byId(wrapper, 'vmmn-health-summary-vlan').text()).toBe('100');
    expect(byId(wrapper, 'vmmn-health-summary-controller').text()).toBe('%vmMigrationNetwork.health.summary.controllerCaughtUp%');
    expect(byId(wrapper, 'vmmn-health-summary-nad-match').text()).toBe('%vmMigrationNetwork.health.summary.nadMatches%');
    expect(byId(wrapper, 'vmmn-health-summary-kubevirt-network').text()).toBe('%vmMigrationNetwork.health.summary.kubeVirtNetwork%');
    expect(byId(wrapper, 'vmmn-health-summary-condition-Available').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-summary-refusing').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-status-configured').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-summary-edit').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(false);
  });

  it('says migrations use mgmt when disabled', async() => {
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.setting]:  [createSetting('', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', '')],
        [STEVE_TYPES.kubeVirt]: [createKubeVirt('')],
        [STEVE_TYPES.pod]:      [createPod('virt-handler-a', 'node-1', undefined, { networks: '' }), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })],
        [STEVE_TYPES.nad]:      [],
      })
    });

    expect(byId(wrapper, 'vmmn-health-summary-state').text()).toBe('%vmMigrationNetwork.health.summary.disabled%');
    expect(byId(wrapper, 'vmmn-health-summary-mgmt').text()).toBe('%vmMigrationNetwork.health.summary.usesMgmt%');
    expect(byId(wrapper, 'vmmn-health-summary-config').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-health-summary-kubevirt-network').text()).toBe('%vmMigrationNetwork.health.summary.kubeVirtNoNetwork%');
    expect(wrapper.findAll('[data-testid^="vmmn-health-rollout-step-"]').map((s) => s.attributes('data-state'))).toStrictEqual(['done', 'done', 'done', 'done', 'done']);
    expect(byId(wrapper, 'vmmn-health-capacity-none').exists()).toBe(true);
  });
});

describe('MigrationNetworkHealth: rollout', () => {
  it('is all done when healthy', async() => {
    const { wrapper } = await createWrapper();

    expect(wrapper.findAll('[data-testid^="vmmn-health-rollout-step-"]').map((s) => s.attributes('data-state'))).toStrictEqual(['done', 'done', 'done', 'done', 'done']);
    expect(byId(wrapper, 'vmmn-health-rollout-count-pods').text()).toBe('%vmMigrationNetwork.health.rollout.count%');
  });

  it('shows KubeVirt rolling out and refusing migrations', async() => {
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.kubeVirt]: [createKubeVirt(NAD, false)],
        [STEVE_TYPES.pod]:      [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })],
      })
    });

    expect(byId(wrapper, 'vmmn-health-rollout-step-kubeVirt').attributes('data-state')).toBe('inProgress');
    expect(byId(wrapper, 'vmmn-health-rollout-step-pods').attributes('data-state')).toBe('inProgress');
    expect(byId(wrapper, 'vmmn-health-rollout-state-ready').text()).toBe('%vmMigrationNetwork.health.rollout.states.inProgress%');
    expect(byId(wrapper, 'vmmn-health-summary-refusing').exists()).toBe(true);
  });

  it('is blocked with the pod sandbox failure as reason', async() => {
    const event: CoreEvent = {
      reason:         'FailedCreatePodSandBox',
      involvedObject: {
        kind: 'Pod', namespace: 'harvester-system', name: 'virt-handler-x'
      },
      message:       'Failed to create pod sandbox: error adding pod to CNI network: Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.2 / range: 192.168.1.0/30',
      lastTimestamp: '2026-03-10T09:03:00Z',
    };
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.pod]:   [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-x', 'node-7', undefined, { phase: 'Pending', ready: false })],
        [STEVE_TYPES.node]:  [createNode('node-1'), createNode('node-7')],
        [STEVE_TYPES.event]: [event],
      })
    });

    expect(byId(wrapper, 'vmmn-health-rollout-step-pods').attributes('data-state')).toBe('blocked');
    expect(byId(wrapper, 'vmmn-health-rollout-reason-pods').text()).toBe('%vmMigrationNetwork.health.rollout.reasons.sandbox%');
    expect(byId(wrapper, 'vmmn-health-node-flag-node-7-noIp').exists()).toBe(true);
  });

  it('says when the controller has not caught up', async() => {
    const { wrapper } = await createWrapper({ objects: healthyObjects({ [STEVE_TYPES.setting]: [createSetting(VALUE, 'stale-hash')] }) });

    expect(byId(wrapper, 'vmmn-health-rollout-reason-configured').text()).toBe('%vmMigrationNetwork.health.rollout.reasons.controllerPending%');
    expect(byId(wrapper, 'vmmn-health-summary-controller').text()).toBe('%vmMigrationNetwork.health.summary.controllerPending%');
  });
});

describe('MigrationNetworkHealth: capacity, migrations, misuse', () => {
  it('shows capacity and lists leaked allocations', async() => {
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.ipPool]: [createPool('192.168.1.0/24', {
          2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-b', 9: 'harvester-system/virt-handler-gone'
        })]
      })
    });

    expect(byId(wrapper, 'vmmn-health-capacity-usable').text()).toBe('253');
    expect(byId(wrapper, 'vmmn-health-capacity-allocated').text()).toBe('3');
    expect(byId(wrapper, 'vmmn-health-capacity-free').text()).toBe('250');
    expect(byId(wrapper, 'vmmn-health-capacity-leaks').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-capacity-leak-9').text()).toBe('%vmMigrationNetwork.health.capacity.leak%');
  });

  it('tells migrations via the network from those via mgmt', async() => {
    const { wrapper } = await createWrapper({
      objects: healthyObjects({
        [STEVE_TYPES.vmim]: [
          createVmim('vm-a-abcde', 'Succeeded', {
            migrationUid: 'u1', sourceNode: 'node-1', targetNode: 'node-2', targetNodeAddress: '192.168.1.3', completed: true, endTimestamp: '2026-03-10T10:00:00Z'
          }),
          createVmim('vm-b-abcde', 'Succeeded', {
            migrationUid: 'u2', sourceNode: 'node-2', targetNode: 'node-1', targetNodeAddress: '10.52.1.37', completed: true, endTimestamp: '2026-03-10T09:00:00Z'
          }),
          createVmim('vm-c-abcde', 'Running', { sourceNode: 'node-1', targetNode: 'node-2' }),
        ],
      })
    });

    expect(byId(wrapper, 'vmmn-health-migration-path-default/vm-a').text()).toBe('%vmMigrationNetwork.health.migrations.viaNetwork%');
    expect(byId(wrapper, 'vmmn-health-migration-path-default/vm-b').text()).toBe('%vmMigrationNetwork.health.migrations.viaMgmt%');
    expect(byId(wrapper, 'vmmn-health-migration-running-default/vm-c-abcde').text()).toContain('Running');
    expect(byId(wrapper, 'vmmn-health-migrations-share').text()).toBe('%vmMigrationNetwork.health.migrations.share%');
  });

  it('warns when a VM has a NIC on the migration NAD', async() => {
    const vm: VirtualMachine = { metadata: { name: 'web', namespace: 'default' }, spec: { template: { spec: { networks: [{ name: 'nic-1', multus: { networkName: `harvester-system/${ NAD }` } }] } } } };
    const { wrapper } = await createWrapper({ objects: healthyObjects({ [STEVE_TYPES.vm]: [vm] }) });

    expect(byId(wrapper, 'vmmn-health-misuse-warning').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-misuse-default/web').text()).toBe('%vmMigrationNetwork.health.misuse.item%');
  });

  it('says nothing is misused by default', async() => {
    const { wrapper } = await createWrapper();

    expect(byId(wrapper, 'vmmn-health-misuse-none').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-capacity-no-leaks').exists()).toBe(true);
  });
});

describe('MigrationNetworkHealth: permissions, failures, websocket', () => {
  it('says which section the user may not list instead of failing the page', async() => {
    const { wrapper } = await createWrapper({ forbidden: [STEVE_TYPES.ipPool, STEVE_TYPES.vm] });

    expect(byId(wrapper, 'vmmn-health-capacity-forbidden').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-capacity-usable').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-health-misuse-forbidden').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-summary-state').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-nodes-forbidden').exists()).toBe(false);
  });

  it('shows a fetch error in the sections that need the type', async() => {
    const { wrapper } = await createWrapper({ failing: [STEVE_TYPES.vmim] });

    expect(byId(wrapper, 'vmmn-health-migrations-error').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-rollout-steps').exists()).toBe(true);
  });

  it('says data may be stale while the socket reconnects, and recovers', async() => {
    const socket = Object.assign(new EventTarget(), { state: 'connected', hasBeenOpen: true });
    const store = createShellStore(healthyObjects() as Record<string, unknown[]>, { 'cluster/schemaFor': () => ({}) });

    store.replaceState({ cluster: { socket } });
    const wrapper = mountWithShell(MigrationNetworkHealth, store, { global: { directives: HEALTH_DIRECTIVES } });

    await flushPromises();
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(false);

    socket.state = 'reconnecting';
    socket.dispatchEvent(new Event('connecting'));
    await flushPromises();
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(true);

    socket.state = 'connected';
    socket.dispatchEvent(new Event('connected'));
    await flushPromises();
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(false);
  });
});
