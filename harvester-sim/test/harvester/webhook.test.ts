import { describe, expect, it } from 'vitest';
import { settingAdmission } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { ObjectStore } from '../../src/store';
import { ApiError, K8sObject } from '../../src/types';
import { clusterStore, setting } from './fixtures';

const net = (fields: Record<string, unknown>) => JSON.stringify({
  clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', exclude: [], ...fields
});

/** Runs the webhook for an UPDATE of vm-migration-network to `value` (and optionally `default`). */
function update(store: ObjectStore, value: string, def = ''): ApiError | undefined {
  const old = setting(store);

  return settingAdmission('UPDATE', {
    ...old, value, default: def
  }, old, store);
}

function expectDenied(result: ApiError | undefined, status: number, message: string): void {
  expect(result).toBeInstanceOf(ApiError);
  expect({ status: result?.status, message: result?.message }).toEqual({ status, message });
}

describe('vm-migration-network webhook: value rules W3-W21 (422 Invalid)', () => {
  const vlanStr = '{"clusterNetwork":"vm-migration","vlan":"100","range":"192.168.1.0/24"}';

  it.each([
    ['W3 vlan as string', vlanStr, `failed to unmarshal the setting value ${ vlanStr }, json: cannot unmarshal string into Go struct field Config.vlan of type uint16`],
    ['W3 vlan -1', '{"vlan":-1}', 'failed to unmarshal the setting value {"vlan":-1}, json: cannot unmarshal number -1 into Go struct field Config.vlan of type uint16'],
    ['W3 vlan 70000', '{"vlan":70000}', 'failed to unmarshal the setting value {"vlan":70000}, json: cannot unmarshal number 70000 into Go struct field Config.vlan of type uint16'],
    ['W3 vlan 1.5', '{"vlan":1.5}', 'failed to unmarshal the setting value {"vlan":1.5}, json: cannot unmarshal number 1.5 into Go struct field Config.vlan of type uint16'],
    ['W3 vlan true', '{"vlan":true}', 'failed to unmarshal the setting value {"vlan":true}, json: cannot unmarshal bool into Go struct field Config.vlan of type uint16'],
    ['W3 exclude as string', '{"exclude":"10.0.0.1/32"}', 'failed to unmarshal the setting value {"exclude":"10.0.0.1/32"}, json: cannot unmarshal string into Go struct field Config.exclude of type []string'],
    ['W3 exclude item number', '{"exclude":[1]}', 'failed to unmarshal the setting value {"exclude":[1]}, json: cannot unmarshal number into Go struct field Config.exclude of type string'],
    ['W3 range object', '{"range":{}}', 'failed to unmarshal the setting value {"range":{}}, json: cannot unmarshal object into Go struct field Config.range of type string'],
    ['W3 first type error wins', '{"range":5,"vlan":"x"}', 'failed to unmarshal the setting value {"range":5,"vlan":"x"}, json: cannot unmarshal number into Go struct field Config.range of type string'],
    ['W3 top-level array', '[]', 'failed to unmarshal the setting value [], json: cannot unmarshal array into Go value of type network.Config'],
    ['W3 truncated', '{"vlan":1', 'failed to unmarshal the setting value {"vlan":1, unexpected end of JSON input'],
    ['W3 trailing comma', '{"vlan":1,}', 'failed to unmarshal the setting value {"vlan":1,}, invalid character \'}\' looking for beginning of object key string'],
    ['W3 unquoted key', '{vlan:1}', 'failed to unmarshal the setting value {vlan:1}, invalid character \'v\' looking for beginning of object key string'],
    ['W3 leading zero', '{"vlan":01}', 'failed to unmarshal the setting value {"vlan":01}, invalid character \'1\' after object key:value pair'],
    ['W3 syntax beats type errors', '{"vlan":"x"} x', 'failed to unmarshal the setting value {"vlan":"x"} x, invalid character \'x\' after top-level value'],
    ['W3 dangling decimal point', '{"vlan":1.', 'failed to unmarshal the setting value {"vlan":1., invalid character \' \' after decimal point in numeric literal'],
    ['W4 vlan above 4094', net({ vlan: 4095 }), 'the valid value range for VLAN IDs is 0 to 4094'],
    ['W5 untagged on mgmt', net({ clusterNetwork: 'mgmt', vlan: 1 }), 'network with vlan id 1 not allowed on mgmt cluster'],
    ['W5 vlan 0 on mgmt', net({ clusterNetwork: 'mgmt', vlan: 0 }), 'network with vlan id 0 not allowed on mgmt cluster'],
    ['W6 empty range', net({ range: '' }), 'invalid CIDR address: '],
    ['W6 garbage range', net({ range: '192.168.1/24' }), 'invalid CIDR address: 192.168.1/24'],
    ['W7 host bits set', net({ range: '192.168.1.5/24' }), 'range should be subnet CIDR 192.168.1.0/24'],
    ['W7 before W8 for IPv6', net({ range: 'fd00::1/64' }), 'range should be subnet CIDR fd00::/64'],
    ['W9 prefix shorter than /16', net({ range: '10.0.0.0/15' }), 'min supported prefix length for network is 16, include Range PrefixLen received 15'],
    ['W10 bare IP exclude', net({ exclude: ['192.168.1.5'] }), 'invalid CIDR address: 192.168.1.5'],
    ['W11 exclude prefix shorter than /16', net({ exclude: ['192.0.0.0/8'] }), 'min supported prefix length for network is 16, exclude Range PrefixLen received 8'],
    ['W12 exclude outside the range', net({ exclude: ['10.0.0.0/24'] }), 'exclude range 10.0.0.0/24 do not overlap include range 192.168.1.0/24'],
    ['W13 exclude covering the range', net({ exclude: ['192.168.1.0/24'] }), 'exclude Range 192.168.1.0/24 includes include Range 192.168.1.0/24, no allocatable ip addresses'],
    ['W14 consecutive excludes overlapping', net({ exclude: ['192.168.1.0/30', '192.168.1.2/31'] }), 'exclude ranges have overlapping subnets 192.168.1.2/31 192.168.1.0/30'],
    ['W15 unknown cluster network', net({ clusterNetwork: 'nope' }), 'cluster network nope not found because clusternetworks.network.harvesterhci.io "nope" not found'],
    ['W21 too few IPs for 3 nodes', net({ range: '192.168.1.0/30' }), 'allocatable IP address range is < 3, allocate sufficient range'],
    ['W21 excludes counted', net({ range: '192.168.1.0/29', exclude: ['192.168.1.0/30', '192.168.1.4/31'] }), 'allocatable IP address range is < 3, allocate sufficient range'],
  ])('%s', (_rule, value, message) => {
    expectDenied(update(clusterStore(), value), 422, message);
  });

  it('W3/W4 also validate `default`, before `value`', () => {
    expectDenied(update(clusterStore(), net({}), net({ vlan: 5000 })), 422, 'the valid value range for VLAN IDs is 0 to 4094');
  });

  it.each([
    ['the Harvester docs example', net({ exclude: ['192.168.1.1/32'] })],
    ['disabling', ''],
    ['unknown keys and case-insensitive keys, as Go decodes them', '{"ClusterNetwork":"vm-migration","VLAN":100,"Range":"192.168.1.0/24","colour":"blue"}'],
    ['vlan 0 on a VLAN cluster network (untagged)', net({ vlan: 0 })],
    ['null fields', '{"clusterNetwork":"vm-migration","vlan":null,"range":"192.168.1.0/24","exclude":null}'],
    ['exclusiveVlan (ignored)', net({ exclusiveVlan: true })],
    ['non-adjacent overlapping excludes (only consecutive pairs are checked)', net({ exclude: ['192.168.1.0/30', '192.168.1.8/30', '192.168.1.2/31'] })],
    ['mgmt with vlan 2 (no VlanStatus/VlanConfig checks on mgmt)', net({ clusterNetwork: 'mgmt', vlan: 2 })],
    ['exactly enough IPs: /29 minus a non-aligned exclude counted like ip.go', net({ range: '192.168.1.0/29', exclude: ['192.168.1.5/30'] })],
  ])('admits %s', (_case, value) => {
    expect(update(clusterStore(), value)).toBeUndefined();
  });
});

function addObject(store: ObjectStore, type: string, obj: K8sObject): void {
  store.seed(type, obj);
}

describe('vm-migration-network webhook: cluster network coverage W15-W20', () => {
  const cn = (name: string): K8sObject => ({
    apiVersion: 'network.harvesterhci.io/v1beta1', kind: 'ClusterNetwork', metadata: { name }
  });

  it('W16 no VlanStatus for the cluster network', () => {
    const store = clusterStore();

    addObject(store, T.clusterNetwork, cn('lonely'));
    expectDenied(update(store, net({ clusterNetwork: 'lonely' })), 422, 'vlan status not present for cluster network lonely');
  });

  it('W17 a VlanStatus not ready', () => {
    const store = clusterStore();
    const vs = store.list(T.vlanStatus).find((v) => v.metadata.name.startsWith('vm-migration-harvester-node-1-')) as K8sObject;

    store.patch(T.vlanStatus, vs.metadata.name, (o) => {
      (o.status as { conditions: Record<string, string>[] }).conditions = [{
        type: 'ready', status: 'False', message: 'nic eno2 not found'
      }];
    });
    expectDenied(update(store, net({})), 422, 'vs vm-migration-harvester-node-1-e1a03461 status is not Ready');
  });

  it('W17 a VlanStatus without a ready condition passes', () => {
    const store = clusterStore();

    store.list(T.vlanStatus).forEach((vs) => store.patch(T.vlanStatus, vs.metadata.name, (o) => {
      o.status = {};
    }));
    expect(update(store, net({}))).toBeUndefined();
  });

  it('W18 no VlanConfig', () => {
    const store = clusterStore();

    store.remove(T.vlanConfig, 'vm-migration-vc');
    expectDenied(update(store, net({})), 422, 'vlan config not present for cluster network vm-migration');
  });

  it('W19 VlanConfig without matched-nodes (v1.8)', () => {
    const store = clusterStore();

    store.patch(T.vlanConfig, 'vm-migration-vc', (o) => {
      o.metadata.annotations = {};
    });
    expectDenied(update(store, net({})), 422, 'vlan config annotations is absent for matched nodes');
  });

  it('W20 a node outside matched-nodes, cordoned included', () => {
    const store = clusterStore({ cordoned: ['harvester-node-2'] });

    store.patch(T.vlanConfig, 'vm-migration-vc', (o) => {
      o.metadata.annotations = { 'network.harvesterhci.io/matched-nodes': '["harvester-node-0","harvester-node-1"]' };
    });
    expectDenied(update(store, net({})), 422, 'vlanconfig does not span harvester-node-2');
  });

  it('W20/W21 witness nodes need neither coverage nor an IP', () => {
    const store = clusterStore({ witness: 1 });

    expect(update(store, net({ range: '192.168.1.0/29', exclude: ['192.168.1.4/30'] }))).toBeUndefined();
    expectDenied(update(store, net({ range: '192.168.1.0/30' })), 422, 'allocatable IP address range is < 3, allocate sufficient range');
  });
});
