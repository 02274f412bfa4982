import { describe, expect, it } from 'vitest';
import { buildClusterFacts, effectiveValue, migrationInProgress } from '../facts';
import { validateForm } from '../validate';
import { createForm } from './factories';
import {
  createClusterNetwork, createNode, createVlanConfig, createVlanStatus, createVmim
} from './k8s-factories';

const nodes = [
  createNode('harvester-node-0'),
  createNode('harvester-node-1', {}, true),
  createNode('harvester-node-2', { 'kubevirt.io/schedulable': 'false' }),
  createNode('harvester-node-3', { 'node-role.harvesterhci.io/witness': 'true' }),
];

describe('buildClusterFacts', () => {
  it('reads nodes: witness by value, witness label key, schedulable, Ready', () => {
    const facts = buildClusterFacts({ nodes: [...nodes, { metadata: { name: 'odd', labels: { 'node-role.harvesterhci.io/witness': 'false' } } }, {}] });

    expect(facts.nodes?.map((n) => [n.name, n.witness, n.hasWitnessLabel, n.schedulable, n.ready])).toStrictEqual([
      ['harvester-node-0', false, false, true, true],
      ['harvester-node-1', false, false, false, true],
      ['harvester-node-2', false, false, false, true],
      ['harvester-node-3', true, true, true, true],
      ['odd', false, true, true, false],
      ['', false, false, true, false],
    ]);
    expect(facts.clusterNetworks).toBeUndefined();
    expect(facts.peers).toBeUndefined();
    expect(facts.migrationsInProgress).toBeUndefined();
  });

  it('groups VlanStatuses and VlanConfigs by the cluster-network label and reads matched-nodes', () => {
    const facts = buildClusterFacts({
      clusterNetworks: [createClusterNetwork('vm-migration'), createClusterNetwork('other', false), createClusterNetwork('mgmt', false)],
      vlanStatuses:    [createVlanStatus('vm-migration', 'harvester-node-0', 'True'), createVlanStatus('vm-migration', 'harvester-node-1'), createVlanStatus('gone', 'x', 'True')],
      vlanConfigs:     [createVlanConfig('vm-migration', '["harvester-node-0"]'), createVlanConfig('other'), createVlanConfig('other', 'null'), createVlanConfig('other', '{"a":1}'), createVlanConfig('other', '[1]'), createVlanConfig('other', '{')],
    });

    expect(facts.clusterNetworks).toStrictEqual([
      {
        name:         'vm-migration',
        ready:        true,
        vlanStatuses: [{
          name: 'vm-migration-harvester-node-0', node: 'harvester-node-0', ready: 'True'
        }, {
          name: 'vm-migration-harvester-node-1', node: 'harvester-node-1', ready: undefined
        }],
        vlanConfigs: [{
          name: 'vm-migration-vc', matchedNodes: ['harvester-node-0'], mtu: 1500
        }]
      },
      {
        name:         'other',
        ready:        false,
        vlanStatuses: [],
        vlanConfigs:  [
          {
            name: 'other-vc', annotationError: 'absent', mtu: 1500
          }, {
            name: 'other-vc', matchedNodes: [], mtu: 1500
          }, {
            name: 'other-vc', annotationError: 'invalid', mtu: 1500
          }, {
            name: 'other-vc', annotationError: 'invalid', mtu: 1500
          }, {
            name: 'other-vc', annotationError: 'invalid', mtu: 1500
          },
        ]
      },
      {
        name: 'mgmt', ready: true, vlanStatuses: [], vlanConfigs: []
      },
    ]);
  });

  it('needs all three network lists', () => {
    expect(buildClusterFacts({ clusterNetworks: [], vlanStatuses: [] }).clusterNetworks).toBeUndefined();
  });

  it('reads effective peer values and running migrations', () => {
    const facts = buildClusterFacts({
      settings: [
        {
          metadata: { name: 'storage-network' }, value: '', default: '{"range":"10.0.0.0/24"}'
        },
        { id: 'rwx-network', value: '{"share-storage-network":true}' },
      ],
      migrations: [createVmim('vm-01-k7wq2', 'Running'), createVmim('vm-02-aaaaa', 'Succeeded'), createVmim('vm-03-bbbbb', 'Failed'), createVmim('vm-04-ccccc', 'Pending', undefined, true), createVmim('vm-05-ddddd', '')],
    });

    expect(facts.peers).toStrictEqual({ storageNetwork: '{"range":"10.0.0.0/24"}', rwxNetwork: '{"share-storage-network":true}' });
    expect(facts.migrationsInProgress).toStrictEqual(['default/vm-01-k7wq2', 'default/vm-05-ddddd']);
    expect(buildClusterFacts({ settings: [] }).peers).toStrictEqual({ storageNetwork: '', rwxNetwork: '' });
    expect(effectiveValue(undefined)).toBe('');
    expect(migrationInProgress({})).toBe(true);
  });

  it('feeds validation end to end: cordoned nodes still need coverage (W20), witness nodes do not', () => {
    const facts = buildClusterFacts({
      nodes,
      clusterNetworks: [createClusterNetwork('vm-migration')],
      vlanStatuses:    ['harvester-node-0', 'harvester-node-1'].map((n) => createVlanStatus('vm-migration', n, 'True')),
      vlanConfigs:     [createVlanConfig('vm-migration', '["harvester-node-0","harvester-node-1"]')],
      settings:        [],
      migrations:      [],
    });
    const result = validateForm(createForm(), facts);

    expect(result.problems.map((p) => [p.code, p.entry])).toStrictEqual([
      ['W20_NOT_SPANNED', 'harvester-node-2'],
      ['CLUSTER_NETWORK_NOT_READY_ON_NODES', 'harvester-node-2'],
    ]);
    expect(result.webhookMessage).toBe('vlanconfig does not span harvester-node-2');
    expect(result.plan?.required).toBe(3);
  });
});
