// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { STEVE_TYPES } from '@pkg/core';
import type { VirtualMachine } from '@pkg/core';
import { createPool, createVmim, NAD } from '@pkg/core/__tests__/k8s-factories';
import { byId, createWrapper, healthyObjects } from './health-page-mount';

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
    expect(byId(wrapper, 'vmmn-health-capacity-leak-9').text()).toBe('%vmMigrationNetwork.health.capacity.leak(ip: 192.168.1.9, podref: harvester-system/virt-handler-gone, pool: kube-system/192.168.1.0-24)%');
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
    expect(byId(wrapper, 'vmmn-health-migrations-share').text()).toBe('%vmMigrationNetwork.health.migrations.share(percent: 50, via: 1, known: 2)%');
  });

  it('warns when a VM has a NIC on the migration NAD', async() => {
    const vm: VirtualMachine = { metadata: { name: 'web', namespace: 'default' }, spec: { template: { spec: { networks: [{ name: 'nic-1', multus: { networkName: `harvester-system/${ NAD }` } }] } } } };
    const { wrapper } = await createWrapper({ objects: healthyObjects({ [STEVE_TYPES.vm]: [vm] }) });

    expect(byId(wrapper, 'vmmn-health-misuse-warning').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-misuse-default/web').text()).toBe('%vmMigrationNetwork.health.misuse.item(vm: default/web, nic: nic-1, nad: harvester-system/vm-migration-network-6flk7)%');
  });

  it('says nothing is misused by default', async() => {
    const { wrapper } = await createWrapper();

    expect(byId(wrapper, 'vmmn-health-misuse-none').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-capacity-no-leaks').exists()).toBe(true);
  });
});
