import { describe, expect, it } from 'vitest';
import { generateCluster, installHarvester, settingAdmission } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { steveType } from '../../src/store';
import { K8sObject } from '../../src/types';
import {
  clusterStore, condition, handlers, kubevirt, migrationIP, setting, VALUE
} from './fixtures';

const byKind = (objs: K8sObject[], kind: string) => objs.filter((o) => o.kind === kind);

describe('generateCluster', () => {
  it('1,000 nodes + 1 witness: consistent objects the webhook accepts a /22 for', () => {
    const objs = generateCluster({ nodes: 1000, witness: 1 });
    const pods = byKind(objs, 'Pod');
    const podIPs = new Set(pods.map((p) => (p.status as { podIP: string }).podIP));

    expect(byKind(objs, 'Node')).toHaveLength(1001);
    expect(byKind(objs, 'VlanStatus')).toHaveLength(1000);
    expect(pods).toHaveLength(1000);
    expect(podIPs.size).toBe(1000);
    expect(JSON.parse(byKind(objs, 'VlanConfig')[0].metadata.annotations?.['network.harvesterhci.io/matched-nodes'] ?? '[]')).toHaveLength(1000);
    const store = clusterStore({ nodes: 1000, witness: 1 });
    const value = '{"clusterNetwork":"vm-migration","vlan":100,"range":"10.100.0.0/22","exclude":[]}';

    expect(settingAdmission('UPDATE', { ...setting(store), value }, setting(store), store)).toBeUndefined();
    expect(settingAdmission('UPDATE', { ...setting(store), value: value.replace('/22', '/23') }, setting(store), store)?.message).toBe('allocatable IP address range is < 1000, allocate sufficient range');
  });

  it('a cluster generated with the migration network configured is already settled', async() => {
    const store = clusterStore({ migrationNetwork: VALUE, storageNetwork: true });
    const sim = installHarvester(store, { stepMs: 0 });
    const revision = store.revision;

    await sim.idle();
    sim.stop();
    expect(store.revision).toBe(revision);
    expect(handlers(store).map(migrationIP).sort()).toEqual(['192.168.1.2', '192.168.1.3', '192.168.1.4']);
    expect(condition(kubevirt(store), 'Available')?.reason).toBe('AllComponentsReady');
    expect(store.get(T.setting, 'storage-network')?.value).toContain('10.0.10.0/24');
  });

  it('every generated object maps to a Steve type the behaviour uses', () => {
    const types = new Set(generateCluster({ nodes: 2, migrationInProgress: true }).map((o) => steveType(o.apiVersion, o.kind)));

    expect([...types]).toEqual(expect.arrayContaining([T.node, T.pod, T.daemonSet, T.kubeVirt, T.vlanStatus, T.vlanConfig, T.clusterNetwork, T.setting, T.vm, T.vmi, T.vmim]));
  });
});
