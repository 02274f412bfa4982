import { describe, expect, it } from 'vitest';
import {
  buildHealth, capacityView, findNadMisuse, healthInputFrom, networkShare, problemRows, runningMigrations, socketStale
} from '../index';
import { createPod, createVmim, NAD } from './k8s-factories';
import { sources, value } from './health-page-fixtures';

describe('capacity, migrations, misuse', () => {
  it('counts usable, allocated, free and headroom', () => {
    const report = buildHealth(healthInputFrom(sources(), value));

    // /24 minus network, broadcast and the excluded .1
    expect(capacityView(report, sources().ipPools)).toStrictEqual({
      usable: 253, allocated: 2, free: 251, nodes: 2, headroom: 251
    });
    expect(capacityView(report, undefined)?.allocated).toBeUndefined();
    expect(capacityView(buildHealth({ nodes: [], pods: [] }), [])).toBeUndefined();
  });

  it('lists running migrations and the network share', () => {
    const running = runningMigrations([
      createVmim('vm-b-abcde', 'Running', { sourceNode: 'node-1', targetNode: 'node-2' }),
      createVmim('vm-a-abcde', 'Succeeded'),
      createVmim('vm-c-abcde', '', undefined),
    ]);

    expect(running).toStrictEqual([
      {
        id: 'default/vm-b-abcde', vm: 'default/vm-b', sourceNode: 'node-1', targetNode: 'node-2', phase: 'Running'
      },
      {
        id: 'default/vm-c-abcde', vm: 'default/vm-c', sourceNode: undefined, targetNode: undefined, phase: 'Pending'
      },
    ]);
    expect(networkShare([
      {
        vmi: 'a', completed: true, failed: false, usedNetwork: true
      },
      {
        vmi: 'b', completed: true, failed: false, usedNetwork: false
      },
      {
        vmi: 'c', completed: true, failed: false, usedNetwork: true
      },
      {
        vmi: 'd', completed: true, failed: false
      },
    ])).toStrictEqual({
      known: 3, viaNetwork: 2, percent: 67
    });
    expect(networkShare([]).percent).toBeUndefined();
  });

  it('finds VM NICs on a migration NAD', () => {
    const vm = (ns: string, name: string, networkName: string) => ({ metadata: { name, namespace: ns }, spec: { template: { spec: { networks: [{ name: 'default', pod: {} }, { name: 'nic-1', multus: { networkName } }] } } } });
    const marked = {
      metadata: {
        name: 'vm-migration-network-old', namespace: 'harvester-system', annotations: { 'vm-migration-network.settings.harvesterhci.io': 'true' }
      }
    };

    expect(findNadMisuse([
      vm('default', 'ok', 'default/vlan100'),
      vm('default', 'bad', `harvester-system/${ NAD }`),
      vm('harvester-system', 'short', NAD),
      vm('default', 'old', 'harvester-system/vm-migration-network-old'),
    ], [marked], `harvester-system/${ NAD }`)).toStrictEqual([
      {
        vm: 'default/bad', nic: 'nic-1', nad: `harvester-system/${ NAD }`
      },
      {
        vm: 'harvester-system/short', nic: 'nic-1', nad: `harvester-system/${ NAD }`
      },
      {
        vm: 'default/old', nic: 'nic-1', nad: 'harvester-system/vm-migration-network-old'
      },
    ]);
  });
});

describe('problemRows and socketStale', () => {
  it('filters rows with flags', () => {
    const rows = buildHealth(healthInputFrom(sources({ pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2')] }), value)).rows;

    expect(problemRows(rows, true).map((r) => r.node)).toStrictEqual(['node-2']);
    expect(problemRows(rows, false)).toBe(rows);
  });

  it.each([
    ['connected', true, false],
    ['reconnecting', true, true],
    ['disconnected', true, true],
    ['connecting', false, false],
    [undefined, true, false],
  ])('%s (was open %s) → %s', (state, open, stale) => {
    expect(socketStale(state, open)).toBe(stale);
  });
});
