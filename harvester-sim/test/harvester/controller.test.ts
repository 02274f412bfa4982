import { afterEach, describe, expect, it } from 'vitest';
import { HarvesterSim, installHarvester } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { sha1 } from '../../src/harvester/controller';
import { K8sObject } from '../../src/types';
import {
  clusterStore, condition, kubevirt, saveValue, setting, VALUE
} from './fixtures';

let sim: HarvesterSim | undefined;

afterEach(() => sim?.stop());

function start(opts = {}, now?: () => Date) {
  const store = clusterStore(opts);

  sim = installHarvester(store, { stepMs: 0, now });

  return { store, sim };
}

const HASH = 'vm-migration-network.settings.harvesterhci.io/hash';
const NAD = 'vm-migration-network.settings.harvesterhci.io/net-attach-def';

describe('sha1 of the raw value (test vectors computed with the Go code of Harvester)', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['{"clusterNetwork":"test-1","vlan":1,"range":"10.1.2.0/24"}', 'ec8322fb6b741f94739cbb904fc73c3fda864d6d'],
    [VALUE, '8c1ea792c2687e9c20718d6a2505514fb53e7d91'],
    ['{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}', 'b01d1c3b1e3b1326e086c29b745f6ff3f57c12ad'],
  ])('sha1(%s)', (value, hash) => expect(sha1(value)).toBe(hash));
});

describe('harvester-vm-migration-network-controller', () => {
  it('fresh install: no annotations and an empty value are left alone', async() => {
    const { store } = start();
    const before = setting(store).metadata.resourceVersion;

    await sim?.idle();
    expect(setting(store).metadata.resourceVersion).toBe(before);
    expect(setting(store).metadata.annotations).toBeUndefined();
  });

  it('enable: NAD with the exact bridge config, KubeVirt pointed at it, annotations and configured=True', async() => {
    const { store } = start();

    saveValue(store, VALUE);
    await sim?.idle();
    const nads = store.list(T.nad);
    const nad = nads[0];

    expect(nads).toHaveLength(1);
    expect(nad.metadata).toMatchObject({
      generateName: 'vm-migration-network-',
      namespace:    'harvester-system',
      annotations:  { 'vm-migration-network.settings.harvesterhci.io': 'true' },
      labels:       {
        [HASH]: '8c1ea792c2687e9c20718d6a2505514fb53e7d91', 'network.harvesterhci.io/clusternetwork': 'vm-migration', 'network.harvesterhci.io/type': 'L2VlanNetwork', 'network.harvesterhci.io/vlan-id': '100', 'network.harvesterhci.io/ready': 'true'
      },
    });
    expect(nad.metadata.name).toMatch(/^vm-migration-network-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect((nad.spec as { config: string }).config).toBe('{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}}');
    expect((kubevirt(store).spec as { configuration: { migrations: unknown } }).configuration.migrations).toEqual({ network: nad.metadata.name });
    expect(setting(store).metadata.annotations).toEqual({ [HASH]: '8c1ea792c2687e9c20718d6a2505514fb53e7d91', [NAD]: `harvester-system/${ nad.metadata.name }` });
    expect(Object.keys(condition(setting(store), 'configured') ?? {})).toEqual(['type', 'status', 'lastUpdateTime']);
    expect(condition(setting(store), 'configured')?.status).toBe('True');
  });

  it('vlan 0 becomes 1, empty exclude is omitted, an MTU other than 1500 is appended by the mutator', async() => {
    const { store } = start();

    store.patch(T.clusterNetwork, 'vm-migration', (cn) => {
      cn.metadata.annotations = { ...cn.metadata.annotations, 'network.harvesterhci.io/uplink-mtu': '9000' };
    });
    saveValue(store, '{"clusterNetwork":"vm-migration","vlan":0,"range":"10.1.2.0/24","exclude":[]}');
    await sim?.idle();
    expect((store.list(T.nad)[0].spec as { config: string }).config).toBe('{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":1,"ipam":{"type":"whereabouts","range":"10.1.2.0/24"},"mtu":9000}');
  });

  it('re-saving the identical string is a no-op; a whitespace change is a new NAD and the old one is deleted', async() => {
    const { store } = start();

    saveValue(store, VALUE);
    await sim?.idle();
    const first = store.list(T.nad)[0].metadata.name;
    const kvVersion = kubevirt(store).metadata.resourceVersion;

    saveValue(store, VALUE);
    await sim?.idle();
    expect(store.list(T.nad).map((n) => n.metadata.name)).toEqual([first]);
    expect(kubevirt(store).metadata.resourceVersion).toBe(kvVersion);
    saveValue(store, VALUE.replace(',', ', '));
    await sim?.idle();
    const second = store.list(T.nad).map((n) => n.metadata.name);

    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(first);
  });

  it('disable reverses it: NAD deleted, migrations.network removed, hash of "" and an empty pointer', async() => {
    const { store } = start();

    saveValue(store, VALUE);
    await sim?.idle();
    saveValue(store, '');
    await sim?.idle();
    expect(store.list(T.nad)).toHaveLength(0);
    expect((kubevirt(store).spec as { configuration: { migrations: unknown } }).configuration.migrations).toEqual({});
    expect(setting(store).metadata.annotations).toEqual({ [HASH]: 'da39a3ee5e6b4b0d3255bfef95601890afd80709', [NAD]: '' });
    expect(condition(setting(store), 'configured')?.status).toBe('True');
  });

  it('GetKubeVirtError is sticky: restoring KubeVirt does not retry until the value changes', async() => {
    const { store } = start();
    const kv = kubevirt(store);

    store.remove(T.kubeVirt, 'harvester-system/kubevirt');
    saveValue(store, VALUE);
    await sim?.idle();
    expect(condition(setting(store), 'configured')).toMatchObject({
      status: 'False', reason: 'GetKubeVirtError', message: 'get kubevirt error kubevirts.kubevirt.io "kubevirt" not found'
    });
    expect(setting(store).metadata.annotations).toEqual({ [HASH]: '8c1ea792c2687e9c20718d6a2505514fb53e7d91', [NAD]: '' });
    store.seed(T.kubeVirt, kv);
    saveValue(store, VALUE);
    await sim?.idle();
    expect(condition(setting(store), 'configured')?.reason).toBe('GetKubeVirtError');
    saveValue(store, '');
    await sim?.idle();
    saveValue(store, VALUE);
    await sim?.idle();
    expect(condition(setting(store), 'configured')).toEqual({
      type: 'configured', status: 'True', lastUpdateTime: expect.any(String)
    });
  });

  it('CreateNadError when the VLAN is exclusively reserved for the storage network (network-controller webhook)', async() => {
    const { store } = start();
    const storageNad: K8sObject = {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind:       'NetworkAttachmentDefinition',
      metadata:   {
        name: 'storagenetwork-x9z7q', namespace: 'harvester-system', labels: { 'storage-network.settings.harvesterhci.io/exclusivevlan': 'true' }
      },
      spec: { config: '{"cniVersion":"0.3.1","type":"bridge","bridge":"storage-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"10.0.10.0/24"}}' },
    };

    store.seed(T.nad, storageNad);
    saveValue(store, VALUE);
    await sim?.idle();
    expect(condition(setting(store), 'configured')).toMatchObject({
      status: 'False', reason: 'CreateNadError', message: 'create nad error create net-attach-def failed admission webhook "validator.harvester-system.harvester-network-webhook" denied the request: can\'t create nad harvester-system/ because vlan 100 is exclusively reserved for storage network'
    });
    expect(setting(store).metadata.annotations?.[NAD]).toBe('');
  });

  it('UpdateKubeVirtError leaves the fresh NAD behind and keeps the old pointer', async() => {
    const { store } = start();

    sim?.failNext('UpdateKubeVirtError', 'Operation cannot be fulfilled on kubevirts.kubevirt.io "kubevirt": the object has been modified; please apply your changes to the latest version and try again');
    saveValue(store, VALUE);
    await sim?.idle();
    expect(condition(setting(store), 'configured')).toMatchObject({
      status: 'False', reason: 'UpdateKubeVirtError', message: 'update kubevirt error Operation cannot be fulfilled on kubevirts.kubevirt.io "kubevirt": the object has been modified; please apply your changes to the latest version and try again'
    });
    expect(store.list(T.nad)).toHaveLength(1);
    expect(setting(store).metadata.annotations?.[NAD]).toBe('');
  });

  it('RemoveOldNadError after KubeVirt moved on', async() => {
    const { store } = start();

    saveValue(store, VALUE);
    await sim?.idle();
    const old = setting(store).metadata.annotations?.[NAD];

    sim?.failNext('RemoveOldNadError', 'can\'t delete nad harvester-system/x because it\'s still used by VM(s)');
    saveValue(store, '');
    await sim?.idle();
    expect(condition(setting(store), 'configured')).toMatchObject({
      status: 'False', reason: 'RemoveOldNadError', message: 'remove old nad error can\'t delete nad harvester-system/x because it\'s still used by VM(s)'
    });
    expect(setting(store).metadata.annotations?.[NAD]).toBe(old);
  });

  it('lastUpdateTime moves only when status or message change', async() => {
    let clock = new Date('2026-03-10T09:00:00Z');
    const { store } = start({}, () => clock);

    store.remove(T.kubeVirt, 'harvester-system/kubevirt');
    saveValue(store, VALUE);
    await sim?.idle();
    expect(condition(setting(store), 'configured')?.lastUpdateTime).toBe('2026-03-10T09:00:00Z');
    clock = new Date('2026-03-10T09:05:00Z');
    saveValue(store, VALUE.replace('100', '101'));
    await sim?.idle();
    expect(condition(setting(store), 'configured')).toMatchObject({ status: 'False', lastUpdateTime: '2026-03-10T09:00:00Z' });
  });
});
