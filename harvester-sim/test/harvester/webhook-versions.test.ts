import { describe, expect, it } from 'vitest';
import { settingAdmission } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { harvesterMinor, rulesOf } from '../../src/harvester/versions';
import { ObjectStore } from '../../src/store';
import { ApiError, WebhookCallFailed } from '../../src/types';
import { atVersion, clusterStore, setting } from './fixtures';

const net = (fields: Record<string, unknown>) => JSON.stringify({
  clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', exclude: [], ...fields
});
const TIMED_OUT = 'failed to call webhook: Post "https://harvester-webhook.harvester-system.svc:443/v1/webhook/validation?timeout=10s": context deadline exceeded';

function update(store: ObjectStore, value: string): ApiError | undefined {
  const old = setting(store);

  return settingAdmission('UPDATE', { ...old, value }, old, store);
}

const at = (version: string, opts = {}) => atVersion(clusterStore(opts), version);

describe('the webhook of each Harvester release', () => {
  it.each([
    ['v1.8.0', 8], ['v1.10.0-rc1', 10], ['1.9.1', 9], ['v1.6.2', 6], ['master-head', undefined], ['v2.0.0', 10], ['v0.3.0', 6],
  ])('reads the release of %s', (text, minor) => {
    expect(harvesterMinor(text)).toBe(minor);
  });

  it('treats a release outside v1.6 to v1.10 as the nearest modelled one', () => {
    expect(rulesOf(5).minor).toBe(6);
    expect(rulesOf(12)).toStrictEqual(rulesOf(10));
  });

  it('before v1.9 hangs on an IPv6 range, so the apiserver fails the write; v1.9 refuses it', () => {
    const hung = update(at('v1.8.0'), net({ range: 'fd00::/64' }));

    expect(hung).toBeInstanceOf(WebhookCallFailed);
    expect(hung?.message).toBe(TIMED_OUT);
    expect(update(at('v1.6.2'), net({ range: 'fd00::/120' }))).toBeInstanceOf(WebhookCallFailed);
    expect(update(at('v1.9.0'), net({ range: 'fd00::/64' }))?.message).toBe('IPv6 ranges are not supported for network settings');
    // The earlier range checks still answer before the count is reached.
    expect(update(at('v1.8.0'), net({ range: 'fd00::1/64' }))?.message).toBe('range should be subnet CIDR fd00::/64');
  });

  it('from v1.9 skips a VlanConfig that matches no node; before, it fails', () => {
    for (const version of ['v1.8.0', 'v1.9.0']) {
      const store = at(version);

      store.seed(T.vlanConfig, {
        apiVersion: 'network.harvesterhci.io/v1beta1', kind: 'VlanConfig', metadata: { name: 'spare', labels: { 'network.harvesterhci.io/clusternetwork': 'vm-migration' } }
      });
      expect(update(store, net({}))?.message).toBe(version === 'v1.8.0' ? 'vlan config annotations is absent for matched nodes' : undefined);
    }
  });

  it('before v1.8 says W21 with every node counted in the text and no space', () => {
    // 3 nodes and a witness: the /30 gives 2 addresses for 3; v1.7 names 4, v1.8 names 3.
    expect(update(at('v1.7.1', { witness: 1 }), net({ range: '192.168.1.0/30', exclude: [] }))?.message).toBe('allocatable IP address range is < 4,allocate sufficient range');
    expect(update(at('v1.8.0', { witness: 1 }), net({ range: '192.168.1.0/30', exclude: [] }))?.message).toBe('allocatable IP address range is < 3, allocate sufficient range');
  });

  it('decodes exclusiveVlan only from v1.9, where the struct has it', () => {
    expect(update(at('v1.8.0'), net({ exclusiveVlan: 'yes' }))).toBeUndefined();
    expect(update(at('v1.9.0'), net({ exclusiveVlan: 'yes' }))?.message).toContain('Config.exclusiveVlan of type bool');
  });

  it('checks overlap with rwx-network only from v1.8, where that setting exists', () => {
    const rwx = JSON.stringify({
      'share-storage-network': false,
      network:                 {
        vlan: 20, clusterNetwork: 'vm-migration', range: '192.168.1.0/24', exclude: []
      }
    });

    for (const [version, refused] of [['v1.7.1', false], ['v1.8.0', true]] as const) {
      const store = at(version);

      store.patch(T.setting, 'rwx-network', (s) => Object.assign(s, { value: rwx }));
      expect(update(store, net({})) !== undefined).toBe(refused);
    }
  });

  describe('v1.10 dual stack', () => {
    it.each([
      ['a window in the range', {
        rangeV6: 'fd00:10::/120', rangeV6Start: 'fd00:10::10', rangeV6End: 'fd00:10::20'
      }, undefined],
      ['the IPv6 range alone', { rangeV6: 'fd00:10::/120' }, undefined],
      ['a bad IPv6 range', { rangeV6: 'fd00:10::/129' }, 'invalid CIDR address: fd00:10::/129'],
      ['an IPv4 range in rangeV6', { rangeV6: '10.0.0.0/24' }, 'rangeV6 10.0.0.0/24 is not an IPv6 CIDR'],
      ['host bits in rangeV6', { rangeV6: 'fd00:10::1/120' }, 'rangeV6 should be subnet CIDR fd00:10::/120'],
      ['a bad start', {
        rangeV6: 'fd00:10::/120', rangeV6Start: 'fd00:10::zz', rangeV6End: 'fd00:10::20'
      }, 'invalid rangeV6Start: fd00:10::zz'],
      ['an IPv4 end', {
        rangeV6: 'fd00:10::/120', rangeV6Start: 'fd00:10::10', rangeV6End: '10.0.0.1'
      }, 'invalid rangeV6End: 10.0.0.1'],
      ['start after end', {
        rangeV6: 'fd00:10::/120', rangeV6Start: 'fd00:10::20', rangeV6End: 'fd00:10::10'
      }, 'rangeV6Start fd00:10::20 must not be after rangeV6End fd00:10::10'],
      ['IPv6 only', { range: '', rangeV6: 'fd00:10::/120' }, 'invalid CIDR address: '],
      ['a rangeV6 that is not a string', { rangeV6: 7 }, `failed to unmarshal the setting value ${ net({ rangeV6: 7 }) }, json: cannot unmarshal number into Go struct field Config.rangeV6 of type string`],
    ])('%s', (_name, fields, message) => {
      expect(update(at('v1.10.0'), net(fields))?.message).toBe(message);
    });

    it('counts the window with the IPv4 addresses against the nodes, and only a window with both ends', () => {
      const tiny = { range: '192.168.1.0/30' };
      const window = {
        rangeV6: 'fd00:10::/120', rangeV6Start: 'fd00:10::10', rangeV6End: 'fd00:10::10'
      };

      expect(update(at('v1.10.0'), net(tiny))?.message).toBe('allocatable IP address range is < 3, allocate sufficient range');
      expect(update(at('v1.10.0'), net({ ...tiny, ...window }))).toBeUndefined();
      expect(update(at('v1.10.0'), net({
        ...tiny, rangeV6: 'fd00:10::/120', rangeV6Start: 'fd00:10::10'
      }))?.message).toBe('allocatable IP address range is < 3, allocate sufficient range');
    });

    it('ignores the IPv6 keys before v1.10, whatever they hold', () => {
      expect(update(at('v1.9.0'), net({ rangeV6: 7, rangeV6Start: 'zz' }))).toBeUndefined();
    });
  });
});
