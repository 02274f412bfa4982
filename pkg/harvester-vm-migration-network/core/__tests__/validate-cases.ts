/** The one-rule-at-a-time table for `validateForm`: each case breaks one rule of a good form. */
import { ClusterFacts, FormState, Problem } from '../types';
import { createClusterNetwork, createFacts, createNodes } from './factories';

export const codes = (problems: Problem[]) => problems.map((p) => p.code);
export const find = (problems: Problem[], code: string) => problems.find((p) => p.code === code);

export interface Case {
  name: string;
  form?: Partial<FormState>;
  facts?: ClusterFacts;
  code: string;
  field?: string;
  index?: number;
  entry?: string;
  args?: Record<string, string | number>;
  webhookMessage?: string;
}

export const three = createFacts(3);

export const cases: Case[] = [
  {
    name: 'empty VLAN', form: { vlan: '' }, code: 'VLAN_REQUIRED', field: 'vlan'
  },
  ...['abc', '-1', '1.5', '0100', ' 100', '1e2'].map((vlan) => ({
    name: `VLAN "${ vlan }"`, form: { vlan }, code: 'VLAN_NOT_INTEGER', entry: vlan, args: { vlan }
  })),
  {
    name: 'VLAN beyond uint16', form: { vlan: '70000' }, code: 'W3_VLAN_UINT16', args: { vlan: 70000, max: 4094 }, webhookMessage: 'failed to unmarshal the setting value {"clusterNetwork":"vm-migration","vlan":70000,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}, json: cannot unmarshal number 70000 into Go struct field Config.vlan of type uint16'
  },
  {
    name: 'VLAN 4095', form: { vlan: '4095' }, code: 'W4_VLAN_RANGE', args: { vlan: 4095, max: 4094 }, webhookMessage: 'the valid value range for VLAN IDs is 0 to 4094'
  },
  {
    name: 'VLAN 1 on mgmt', form: { vlan: '1', clusterNetwork: 'mgmt' }, code: 'W5_VLAN_MGMT', webhookMessage: 'network with vlan id 1 not allowed on mgmt cluster'
  },
  {
    name: 'VLAN 0 on mgmt', form: { vlan: '0', clusterNetwork: 'mgmt' }, code: 'W5_VLAN_MGMT', webhookMessage: 'network with vlan id 0 not allowed on mgmt cluster'
  },
  {
    name: 'VLAN 0 untagged', form: { vlan: '0' }, code: 'VLAN_UNTAGGED', args: { vlan: 0 }
  },
  {
    name: 'VLAN 1 untagged', form: { vlan: '1' }, code: 'VLAN_UNTAGGED', args: { vlan: 1 }
  },
  {
    name: 'mgmt chosen', form: { clusterNetwork: 'mgmt' }, code: 'MGMT_SELECTED', args: { clusterNetwork: 'mgmt' }
  },
  {
    name: 'empty range', form: { range: '' }, code: 'W6_RANGE_REQUIRED', webhookMessage: 'invalid CIDR address: '
  },
  ...['192.168.1.0', '192.168.1.0/33', '192.168.01.0/24', '1.2.3/24', 'x', '192.168.1.0/ 24', '192.168.1.0/24 '].map((range) => ({
    name: `range "${ range }"`, form: { range, exclude: [] }, code: 'W6_RANGE_INVALID', entry: range, webhookMessage: `invalid CIDR address: ${ range }`
  })),
  {
    name: 'range host bits', form: { range: '192.168.1.5/24', exclude: [] }, code: 'W7_RANGE_HOST_BITS', args: { range: '192.168.1.5/24', network: '192.168.1.0/24' }, webhookMessage: 'range should be subnet CIDR 192.168.1.0/24'
  },
  {
    name: 'IPv6 range', form: { range: 'fd00::/64', exclude: [] }, code: 'W8_RANGE_IPV6', webhookMessage: 'IPv6 ranges are not supported for network settings'
  },
  {
    name: 'IPv6 range with host bits', form: { range: 'fd00::1/64', exclude: [] }, code: 'W7_RANGE_HOST_BITS', webhookMessage: 'range should be subnet CIDR fd00::/64'
  },
  {
    name: 'range /15',
    form: { range: '172.16.0.0/15', exclude: [] },
    code: 'W9_RANGE_PREFIX',
    args: {
      range: '172.16.0.0/15', prefix: 15, min: 16
    },
    webhookMessage: 'min supported prefix length for network is 16, include Range PrefixLen received 15'
  },
  ...['10.42.0.0/16', '10.43.8.0/24', '10.52.1.0/24', '10.53.255.0/24'].map((range) => ({
    name:  `reserved ${ range }`,
    form:  { range, exclude: [] },
    code:  'RESERVED_OVERLAP',
    entry: range,
    args:  {
      range, reserved: `${ range.split('.').slice(0, 2).join('.') }.0.0/16`, count: 1
    }
  })),
  {
    name:  'a /8 over every reserved range: one problem that counts them',
    form:  { range: '10.0.0.0/8', exclude: [] },
    code:  'RESERVED_OVERLAP',
    entry: '10.0.0.0/8',
    args:  {
      range: '10.0.0.0/8', reserved: '10.42.0.0/16', count: 4
    }
  },
  {
    name: 'bare exclude IP', form: { exclude: ['', '192.168.1.5'] }, code: 'W10_EXCLUDE_BARE_IP', index: 1, entry: '192.168.1.5', args: { exclude: '192.168.1.5', suggestion: '192.168.1.5/32' }, webhookMessage: 'invalid CIDR address: 192.168.1.5'
  },
  {
    name: 'garbage exclude', form: { exclude: ['nope'] }, code: 'W10_EXCLUDE_INVALID', index: 0, webhookMessage: 'invalid CIDR address: nope'
  },
  {
    name: 'exclude /15', form: { exclude: ['192.168.0.0/15'] }, code: 'W11_EXCLUDE_PREFIX', webhookMessage: 'min supported prefix length for network is 16, exclude Range PrefixLen received 15'
  },
  {
    name: 'exclude outside', form: { exclude: ['10.0.0.0/24'] }, code: 'W12_EXCLUDE_OUTSIDE', args: { exclude: '10.0.0.0/24', range: '192.168.1.0/24' }, webhookMessage: 'exclude range 10.0.0.0/24 do not overlap include range 192.168.1.0/24'
  },
  {
    name: 'IPv6 exclude in IPv4 range', form: { exclude: ['fd00::/120'] }, code: 'W12_EXCLUDE_OUTSIDE', webhookMessage: 'exclude range fd00::/120 do not overlap include range 192.168.1.0/24'
  },
  {
    name: 'exclude prefix with leading zero', form: { exclude: ['192.168.1.0/028'] }, code: 'W12_PREFIX_LEADING_ZERO', webhookMessage: 'netip.ParsePrefix("192.168.1.0/028"): bad bits after slash: "028"'
  },
  {
    name: 'exclude as wide as the range', form: { exclude: ['192.168.1.0/24'] }, code: 'W13_EXCLUDE_COVERS_RANGE', webhookMessage: 'exclude Range 192.168.1.0/24 includes include Range 192.168.1.0/24, no allocatable ip addresses'
  },
  {
    name: 'exclude wider than the range', form: { range: '192.168.1.0/25', exclude: ['192.168.1.0/24'] }, code: 'W13_EXCLUDE_COVERS_RANGE'
  },
  {
    name: 'consecutive excludes overlap', form: { exclude: ['192.168.1.0/28', '192.168.1.8/29'] }, code: 'W14_EXCLUDE_OVERLAP', index: 1, args: { exclude: '192.168.1.8/29', previous: '192.168.1.0/28' }, webhookMessage: 'exclude ranges have overlapping subnets 192.168.1.8/29 192.168.1.0/28'
  },
  {
    name: 'non-adjacent excludes overlap', form: { exclude: ['192.168.1.0/28', '192.168.1.64/30', '192.168.1.4/30'] }, code: 'EXCLUDE_OVERLAP', index: 2, args: { exclude: '192.168.1.4/30', other: '192.168.1.0/28' }
  },
  {
    name: 'exclude with host bits',
    form: { exclude: ['192.168.1.5/30'] },
    code: 'EXCLUDE_HOST_BITS',
    args: {
      exclude: '192.168.1.5/30', first: '192.168.1.4', last: '192.168.1.7'
    }
  },
  {
    name: 'whereabouts counts fewer', form: { exclude: ['192.168.1.5/30'] }, code: 'USABLE_OVERCOUNTED', args: { webhook: 251, usable: 250 }
  },
  {
    name: 'no cluster network', form: { clusterNetwork: '' }, code: 'W15_CLUSTER_NETWORK_REQUIRED', webhookMessage: 'cluster network  not found because clusternetworks.network.harvesterhci.io "" not found'
  },
  {
    name: 'unknown cluster network', form: { clusterNetwork: 'nope' }, code: 'W15_CLUSTER_NETWORK_NOT_FOUND', webhookMessage: 'cluster network nope not found because clusternetworks.network.harvesterhci.io "nope" not found'
  },
  {
    name: 'no VlanStatus', facts: { ...three, clusterNetworks: [{ ...createClusterNetwork('vm-migration', createNodes(3)), vlanStatuses: [] }] }, code: 'W16_VLAN_STATUS_MISSING', webhookMessage: 'vlan status not present for cluster network vm-migration'
  },
  {
    name:  'VlanStatus not ready',
    facts: {
      ...three,
      clusterNetworks: [{
        ...createClusterNetwork('vm-migration', createNodes(3)),
        vlanStatuses: [{
          name: 'vs-0', node: 'node-0', ready: 'True'
        }, {
          name: 'vs-1', node: 'node-1', ready: 'False'
        }, { name: 'vs-2', node: 'node-2' }]
      }]
    },
    code:           'W17_VLAN_STATUS_NOT_READY',
    entry:          'vs-1',
    args:           { vlanStatus: 'vs-1', node: 'node-1' },
    webhookMessage: 'vs vs-1 status is not Ready'
  },
  {
    name:  'not ready on nodes (missing condition passes the webhook)',
    facts: {
      ...three,
      clusterNetworks: [{
        ...createClusterNetwork('vm-migration', createNodes(3)),
        vlanStatuses: [{
          name: 'vs-0', node: 'node-0', ready: 'True'
        }, { name: 'vs-2', node: 'node-2' }]
      }]
    },
    code: 'CLUSTER_NETWORK_NOT_READY_ON_NODES',
    args: {
      clusterNetwork: 'vm-migration', nodes: 'node-1, node-2', count: 2
    }
  },
  {
    name: 'no VlanConfig', facts: { ...three, clusterNetworks: [{ ...createClusterNetwork('vm-migration', createNodes(3)), vlanConfigs: [] }] }, code: 'W18_VLAN_CONFIG_MISSING', webhookMessage: 'vlan config not present for cluster network vm-migration'
  },
  {
    name: 'matched-nodes absent', facts: { ...three, clusterNetworks: [{ ...createClusterNetwork('vm-migration', createNodes(3)), vlanConfigs: [{ name: 'vc', annotationError: 'absent' }] }] }, code: 'W19_MATCHED_NODES_ABSENT', webhookMessage: 'vlan config annotations is absent for matched nodes'
  },
  {
    name: 'matched-nodes unreadable', facts: { ...three, clusterNetworks: [{ ...createClusterNetwork('vm-migration', createNodes(3)), vlanConfigs: [{ name: 'vc', annotationError: 'invalid' }] }] }, code: 'W19_MATCHED_NODES_INVALID', entry: 'vc'
  },
  {
    name:  'VlanConfig does not span a node',
    facts: { ...three, nodes: createNodes(5) },
    code:  'W20_NOT_SPANNED',
    entry: 'node-3',
    args:  {
      clusterNetwork: 'vm-migration', nodes: 'node-3, node-4', count: 2
    },
    webhookMessage: 'vlanconfig does not span node-3'
  },
  {
    name: 'not enough IPs', form: { range: '192.168.1.0/30', exclude: [] }, code: 'W21_NOT_ENOUGH_IPS', args: { required: 3, usable: 2 }, webhookMessage: 'allocatable IP address range is < 3, allocate sufficient range'
  },
  {
    name: 'Whereabouts short although Harvester accepts', form: { range: '192.168.1.0/29', exclude: ['192.168.1.1/32', '192.168.1.5/30'] }, code: 'WHEREABOUTS_SHORTFALL', args: { required: 3, usable: 2 }
  },
  {
    name: 'headroom below 2',
    form: { range: '192.168.1.0/29', exclude: ['192.168.1.1/32', '192.168.1.2/32'] },
    code: 'HEADROOM_LOW',
    args: {
      spare: 1, required: 3, usable: 4
    }
  },
  {
    name:  'headroom below 20%',
    form:  { range: '192.168.1.0/25', exclude: [] },
    facts: (() => {
      const nodes = createNodes(120);

      return {
        ...three, nodes, clusterNetworks: [createClusterNetwork('vm-migration', nodes)]
      };
    })(),
    code: 'HEADROOM_LOW',
    args: {
      spare: 6, required: 120, usable: 126
    }
  },
  {
    name: 'overlap with storage network', facts: { ...three, peers: { storageNetwork: '{"vlan":10,"clusterNetwork":"storage","range":"192.168.1.128/25","exclude":[]}' } }, code: 'W22_OVERLAP_STORAGE', args: { range: '192.168.1.0/24', peerRange: '192.168.1.128/25' }, webhookMessage: 'vm-migration-network: the network configuration is overlapped with storage-network'
  },
  {
    name: 'overlap with rwx network', facts: { ...three, peers: { rwxNetwork: '{"share-storage-network":false,"network":{"clusterNetwork":"rwx","vlan":20,"range":"192.168.0.0/16"}}' } }, code: 'W22_OVERLAP_RWX', webhookMessage: 'vm-migration-network: the network configuration is overlapped with rwx-network'
  },
  {
    name: 'unreadable storage network', facts: { ...three, peers: { storageNetwork: '{' } }, code: 'W23_PEER_INVALID', args: { setting: 'storage-network' }
  },
  {
    name: 'storage network without range', facts: { ...three, peers: { storageNetwork: '{"vlan":1}' } }, code: 'W23_PEER_INVALID'
  },
  {
    name: 'rwx network unreadable', facts: { ...three, peers: { rwxNetwork: 'nope' } }, code: 'W23_PEER_INVALID', args: { setting: 'rwx-network' }
  },
  {
    name: 'migrations in progress', facts: { ...three, migrationsInProgress: ['default/vm-01-k7wq2'] }, code: 'MIGRATIONS_IN_PROGRESS', args: { count: 1, names: 'default/vm-01-k7wq2' }
  },
];
