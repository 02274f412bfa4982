/** Mounts MigrationNetworkHealth in the shell over a healthy enabled cluster; override lists, forbid or fail types. */
import { flushPromises, VueWrapper } from '@vue/test-utils';
import MigrationNetworkHealth from '@pkg/pages/MigrationNetworkHealth.vue';
import { STEVE_TYPES } from '@pkg/core';
import {
  createClusterNetwork, createKubeVirt, createNode, createPod, createPool, createSetting, createVlanConfig, NAD, NAD_CONFIG, VALUE
} from '@pkg/core/__tests__/k8s-factories';
import { createShellStore, mountWithShell } from './shell-mount';

export type Objects = Partial<Record<string, unknown[]>>;

const nad = {
  metadata: {
    name: NAD, namespace: 'harvester-system', annotations: { 'vm-migration-network.settings.harvesterhci.io': 'true' }
  },
  spec: { config: NAD_CONFIG },
};

/** A healthy enabled cluster with two nodes; override any type's list. */
export function healthyObjects(overrides: Objects = {}): Objects {
  return {
    [STEVE_TYPES.setting]:        [createSetting(VALUE)],
    [STEVE_TYPES.node]:           [createNode('node-1'), createNode('node-2')],
    [STEVE_TYPES.pod]:            [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.3')],
    [STEVE_TYPES.nad]:            [nad],
    [STEVE_TYPES.kubeVirt]:       [createKubeVirt()],
    [STEVE_TYPES.ipPool]:         [createPool('192.168.1.0/24', { 2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-b' })],
    [STEVE_TYPES.vmim]:           [],
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

export async function createWrapper({ objects = healthyObjects(), forbidden = [], failing = [] }: WrapperOptions = {}) {
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
export const HEALTH_DIRECTIVES = {
  'clean-tooltip': noop, 'clean-html': noop, 'stripped-aria-label': noop, 'trim-whitespace': noop, shortkey: noop, tooltip: noop, 'close-popper': noop, 'ui-context': noop
};

export const byId = (wrapper: VueWrapper, id: string) => wrapper.find(`[data-testid="${ id }"]`);
