import { describe, expect, it } from 'vitest';
import { settingAdmission } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { ObjectStore } from '../../src/store';
import { K8sObject } from '../../src/types';
import { clusterStore, setting } from './fixtures';

const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":[]}';

function setPeer(store: ObjectStore, name: string, fields: { value?: string; default?: string }): void {
  store.patch(T.setting, name, (s) => Object.assign(s, fields));
}

const update = (store: ObjectStore, value: string) => {
  const old = setting(store);

  return settingAdmission('UPDATE', { ...old, value }, old, store);
};

const vmim = (state?: Record<string, unknown>, deleting = false): K8sObject => ({
  apiVersion: 'kubevirt.io/v1',
  kind:       'VirtualMachineInstanceMigration',
  metadata:   {
    name: `m-${ Math.random() }`, namespace: 'default', ...(deleting ? { deletionTimestamp: '2026-03-10T10:00:00Z' } : {})
  },
  spec:   { vmiName: 'vm-01' },
  status: { phase: 'Running', ...(state ? { migrationState: state } : {}) },
});

describe('W1 / W2 / update skip', () => {
  it('W1 refuses CREATE while a migration runs (400); completed or deleting VMIMs do not count', () => {
    const store = clusterStore();
    const obj = { ...setting(store), value: VALUE };

    store.seed(T.vmim, vmim({ completed: true }));
    store.seed(T.vmim, vmim({}, true));
    expect(settingAdmission('CREATE', obj, undefined, store)).toBeUndefined();
    store.seed(T.vmim, vmim({ sourcePod: 'virt-launcher-vm-01-ab12c' }));
    const denied = settingAdmission('CREATE', obj, undefined, store);

    expect([denied?.status, denied?.code, denied?.message]).toEqual([400, 'BadRequest', 'There is a VM Migration in progress, please wait until it is completed before updating the VMMigrationNetwork setting']);
  });

  it('W1 does not run on UPDATE', () => {
    const store = clusterStore({ migrationInProgress: true });

    expect(update(store, VALUE)).toBeUndefined();
  });

  it('W2 refuses DELETE (405)', () => {
    const store = clusterStore();
    const denied = settingAdmission('DELETE', undefined, setting(store), store);

    expect([denied?.status, denied?.code, denied?.message]).toEqual([405, 'MethodNotAllowed', 'Disallow delete setting name vm-migration-network']);
  });

  it('skips everything on UPDATE when value and default are unchanged (status/annotation writes)', () => {
    const store = clusterStore();

    setPeer(store, 'vm-migration-network', { value: '{"vlan":"bad"}' });
    const old = setting(store);

    expect(settingAdmission('UPDATE', { ...old, metadata: { ...old.metadata, annotations: { a: 'b' } } }, old, store)).toBeUndefined();
  });

  it('ignores other settings', () => {
    const store = clusterStore();
    const ntp = {
      apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'ntp-servers' }, value: '{bad'
    };

    expect(settingAdmission('UPDATE', ntp, ntp, store)).toBeUndefined();
  });
});

describe('W22 overlap with storage-network and rwx-network (usable IP sets, ip.go enumeration)', () => {
  it('refuses a range whose usable IPs meet the storage network (value)', () => {
    const store = clusterStore();

    setPeer(store, 'storage-network', { value: '{"vlan":10,"clusterNetwork":"vm-migration","range":"192.168.1.128/25"}' });
    expect(update(store, VALUE)?.message).toBe('vm-migration-network: the network configuration is overlapped with storage-network');
    expect(update(store, VALUE)?.status).toBe(422);
  });

  it('uses the storage network default when its value is empty', () => {
    const store = clusterStore();

    setPeer(store, 'storage-network', { value: '', default: '{"range":"192.168.0.0/16"}' });
    expect(update(store, VALUE)?.message).toBe('vm-migration-network: the network configuration is overlapped with storage-network');
  });

  it('admits overlapping CIDRs whose usable sets are disjoint', () => {
    const store = clusterStore();

    setPeer(store, 'storage-network', { value: '{"range":"192.168.1.0/24","exclude":["192.168.1.0/25"]}' });
    expect(update(store, '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/25"}')).toBeUndefined();
  });

  it('admits the sample storage network 10.0.10.0/24', () => {
    expect(update(clusterStore({ storageNetwork: true }), VALUE)).toBeUndefined();
  });

  it('refuses an overlap with a dedicated rwx network, not in share mode', () => {
    const store = clusterStore();
    const rwx = (share: boolean) => JSON.stringify({
      'share-storage-network': share,
      network:                 {
        vlan: 20, clusterNetwork: 'vm-migration', range: '192.168.1.0/24', exclude: []
      }
    });

    setPeer(store, 'rwx-network', { value: rwx(false) });
    expect(update(store, VALUE)?.message).toBe('vm-migration-network: the network configuration is overlapped with rwx-network');
    setPeer(store, 'rwx-network', { value: rwx(true) });
    expect(update(store, VALUE)).toBeUndefined();
  });

  it('W23 answers 500 when the storage network value does not decode', () => {
    const store = clusterStore();

    setPeer(store, 'storage-network', { value: '{bad' });
    const denied = update(store, VALUE);

    expect([denied?.status, denied?.code, denied?.message]).toEqual([500, 'InternalError', 'failed to unmarshal the storage-network setting value {bad, invalid character \'b\' looking for beginning of object key string']);
  });
});

describe('storage-network webhook (subset)', () => {
  const storageUpdate = (store: ObjectStore, value: string) => {
    const old = store.get(T.setting, 'storage-network') as K8sObject;

    return settingAdmission('UPDATE', { ...old, value }, old, store);
  };

  it('reverse overlap message', () => {
    const store = clusterStore({ vms: 0 });

    setPeer(store, 'vm-migration-network', { value: VALUE });
    expect(storageUpdate(store, '{"vlan":10,"clusterNetwork":"vm-migration","range":"192.168.1.0/24"}')?.message).toBe('storage-network: the network configuration is overlapped with vm-migration-network');
  });

  it('runs the shared value rules and the running-VM check', () => {
    const store = clusterStore();

    expect(storageUpdate(store, '{"vlan":5000}')?.message).toBe('the valid value range for VLAN IDs is 0 to 4094');
    expect(storageUpdate(store, '{"vlan":10,"clusterNetwork":"vm-migration","range":"10.0.10.0/24"}')?.message).toBe('Please stop all VMs before configuring the storage-network setting');
    expect(storageUpdate(clusterStore({ vms: 0 }), '{"vlan":10,"clusterNetwork":"vm-migration","range":"10.0.10.0/24"}')).toBeUndefined();
  });

  it('refuses DELETE', () => {
    const store = clusterStore();

    expect(settingAdmission('DELETE', undefined, store.get(T.setting, 'storage-network'), store)?.message).toBe('Disallow delete setting name storage-network');
  });
});
