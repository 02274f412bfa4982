import { describe, expect, it } from 'vitest';
import {
  buildClusterFacts, ClusterObjects, isWebhookRule, STEVE_TYPES, validateValue
} from '@pkg/core';
import { settingAdmission } from '../../harvester-sim/src/harvester';
import { T } from '../../harvester-sim/src/harvester/constants';
import { ObjectStore } from '../../harvester-sim/src/store';
import { atVersion, clusterStore, setting } from '../../harvester-sim/test/harvester/fixtures';

/**
 * The same values through the editor's validation and the simulator's webhook, on every modelled release: both
 * must accept or refuse alike, with the same first message. Each vector is a value (and, for some, a change to the
 * cluster); every release runs every vector, so the dual-stack values are also checked where their keys are ignored.
 */
interface Vector { name: string; value: string; setup?: (store: ObjectStore) => void; cluster?: { witness?: number } }

const net = (fields: Record<string, unknown>) => JSON.stringify({
  clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', exclude: ['192.168.1.1/32'], ...fields
});
const v6 = (fields: Record<string, unknown>) => net({
  rangeV6: 'fd00:10::/120', rangeV6Start: 'fd00:10::10', rangeV6End: 'fd00:10::20', ...fields
});
const rwx = (range: string) => JSON.stringify({
  'share-storage-network': false,
  network:                 {
    vlan: 20, clusterNetwork: 'vm-migration', range, exclude: []
  }
});
const patchSetting = (name: string, value: string) => (store: ObjectStore) => store.patch(T.setting, name, (s) => Object.assign(s, { value }));

const VECTORS: Vector[] = [
  { name: 'healthy', value: net({}) },
  { name: 'vlan as text', value: net({ vlan: '100' }) },
  { name: 'vlan beyond uint16', value: net({ vlan: 70000 }) },
  { name: 'vlan 4095', value: net({ vlan: 4095 }) },
  { name: 'vlan 0 on mgmt', value: net({ vlan: 0, clusterNetwork: 'mgmt' }) },
  { name: 'vlan 0 on vm-migration', value: net({ vlan: 0 }) },
  { name: 'no range', value: net({ range: '' }) },
  { name: 'bad range', value: net({ range: '192.168.1.0/33' }) },
  { name: 'host bits', value: net({ range: '192.168.1.5/24', exclude: [] }) },
  { name: 'prefix /15', value: net({ range: '10.0.0.0/15', exclude: [] }) },
  { name: 'IPv6 range', value: net({ range: 'fd00::/64', exclude: [] }) },
  { name: 'small IPv6 range', value: net({ range: 'fd00::/120', exclude: [] }) },
  { name: 'IPv6 range with an IPv4 exclude', value: net({ range: 'fd00::/64' }) },
  { name: 'IPv6 range with an IPv6 exclude', value: net({ range: 'fd00::/64', exclude: ['fd00::1/128'] }) },
  { name: 'IPv6 range with host bits', value: net({ range: 'fd00::1/64', exclude: [] }) },
  { name: 'IPv6 range /8', value: net({ range: 'fd00::/8', exclude: [] }) },
  { name: 'bare exclude', value: net({ exclude: ['192.168.1.5'] }) },
  { name: 'exclude outside', value: net({ exclude: ['10.0.0.0/24'] }) },
  { name: 'exclude covering the range', value: net({ exclude: ['192.168.1.0/24'] }) },
  { name: 'neighbouring excludes overlap', value: net({ exclude: ['192.168.1.0/30', '192.168.1.2/31'] }) },
  { name: 'unknown cluster network', value: net({ clusterNetwork: 'nope' }) },
  { name: 'too few addresses', value: net({ range: '192.168.1.0/30', exclude: [] }) },
  { name: 'excludes leave too few', value: net({ range: '192.168.1.0/29', exclude: ['192.168.1.0/30', '192.168.1.4/31'] }) },
  { name: 'not an object', value: '[1]' },
  { name: 'unknown key kept', value: net({ colour: 'blue' }) },
  {
    name:  'a VlanConfig matching no node',
    value: net({}),
    setup: (store) => store.seed(T.vlanConfig, {
      apiVersion: 'network.harvesterhci.io/v1beta1', kind: 'VlanConfig', metadata: { name: 'spare', labels: { 'network.harvesterhci.io/clusternetwork': 'vm-migration' } }
    })
  },
  {
    name: 'overlaps a dedicated rwx network', value: net({}), setup: patchSetting('rwx-network', rwx('192.168.1.0/24'))
  },
  {
    name:  'overlaps the storage network',
    value: net({}),
    setup: patchSetting('storage-network', net({
      vlan: 30, range: '192.168.1.0/25', exclude: []
    }))
  },
  { name: 'dual stack', value: v6({}) },
  { name: 'dual stack, IPv6 range alone', value: v6({ rangeV6Start: '', rangeV6End: '' }) },
  { name: 'dual stack, bad IPv6 range', value: v6({ rangeV6: 'fd00:10::/129' }) },
  { name: 'dual stack, IPv4 in rangeV6', value: v6({ rangeV6: '10.0.0.0/24' }) },
  { name: 'dual stack, host bits in rangeV6', value: v6({ rangeV6: 'fd00:10::1/120' }) },
  { name: 'dual stack, bad start', value: v6({ rangeV6Start: 'fd00:10::zz' }) },
  { name: 'dual stack, IPv4 end', value: v6({ rangeV6End: '10.0.0.1' }) },
  { name: 'dual stack, start after end', value: v6({ rangeV6Start: 'fd00:10::20', rangeV6End: 'fd00:10::10' }) },
  { name: 'dual stack, IPv6 only', value: v6({ range: '', exclude: [] }) },
  { name: 'dual stack, rangeV6 not a string', value: v6({ rangeV6: 7 }) },
  {
    name:  'dual stack, window makes up the count',
    value: v6({
      range: '192.168.1.0/30', exclude: [], rangeV6End: 'fd00:10::10'
    })
  },
  {
    name:  'dual stack, half a window does not count',
    value: v6({
      range: '192.168.1.0/30', exclude: [], rangeV6End: ''
    })
  },
  { name: 'dual stack, window outside its range', value: v6({ rangeV6Start: 'fd00:20::1', rangeV6End: 'fd00:20::9' }) },
  { name: 'dual stack, key case folded', value: net({ RangeV6: 'fd00:10::/120', rangeV6start: 'zz' }) },
  { name: 'a reversed window without an IPv6 range', value: net({ rangeV6Start: 'fd00::20', rangeV6End: 'fd00::10' }) },
  { name: 'a null IPv6 key after a string one', value: `${ v6({}).slice(0, -1) },"rangeV6":null}` },
  { name: 'type errors in document order', value: '{"rangeV6":7,"clusterNetwork":"vm-migration","vlan":"100","range":"192.168.1.0/24"}' },
  { name: 'exclusiveVlan not a bool', value: net({ exclusiveVlan: 'yes' }) },
  {
    name:  'storage network with an IPv6 range that is not a string',
    value: net({}),
    setup: patchSetting('storage-network', net({
      vlan: 30, range: '10.0.0.0/24', exclude: [], rangeV6: 7
    }))
  },
  {
    name: 'too few addresses, a witness among the nodes', value: net({ range: '192.168.1.0/30', exclude: [] }), cluster: { witness: 1 }
  },
];

const RELEASES = ['v1.6.2', 'v1.7.1', 'v1.8.0', 'v1.9.0', 'v1.10.0', 'v1.11.0', 'v2.0.0'];

/** The editor's facts, built from the same store the webhook reads, through the editor's own fact builder. */
function editorFacts(store: ObjectStore) {
  const list = (type: string) => store.list(type) as unknown;

  return buildClusterFacts({
    nodes:           list(T.node),
    clusterNetworks: list(T.clusterNetwork),
    vlanStatuses:    list(T.vlanStatus),
    vlanConfigs:     list(T.vlanConfig),
    settings:        list(STEVE_TYPES.setting),
    migrations:      list(T.vmim),
  } as ClusterObjects);
}

describe.each(RELEASES)('Harvester %s: editor and webhook agree', (release) => {
  it.each(VECTORS.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const store = atVersion(clusterStore(vector.cluster), release);

    vector.setup?.(store);
    const old = setting(store);
    const webhook = settingAdmission('UPDATE', { ...old, value: vector.value }, old, store);
    const editor = validateValue(vector.value, editorFacts(store));
    const refuses = editor.problems.some((p) => p.severity === 'error' && isWebhookRule(p.code));

    expect({ refuses, message: editor.webhookMessage }).toStrictEqual({ refuses: webhook !== undefined, message: webhook?.message });
  });
});

it(`runs ${ VECTORS.length } vectors on each of ${ RELEASES.length } releases`, () => {
  expect(VECTORS.length).toBeGreaterThanOrEqual(30);
});
