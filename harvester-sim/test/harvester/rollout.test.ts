import { afterEach, describe, expect, it } from 'vitest';
import { HarvesterSim, settingAdmission } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { inRange } from '../../src/harvester/whereabouts';
import { ObjectStore } from '../../src/store';
import { K8sObject } from '../../src/types';
import {
  condition, handlers, kubevirt, migrationIP, saveValue, setting, startCluster, VALUE
} from './fixtures';

let sim: HarvesterSim | undefined;

afterEach(() => sim?.stop());

function start(opts = {}): ObjectStore {
  const started = startCluster(opts, 0);

  sim = started.sim;

  return started.store;
}

const ds = (store: ObjectStore) => store.get(T.daemonSet, 'harvester-system/virt-handler') as K8sObject;
const pool = (store: ObjectStore, name: string) => store.get(T.ipPool, `kube-system/${ name }`) as K8sObject;
const allocations = (p: K8sObject) => (p.spec as { allocations: Record<string, { podref: string; ifname: string }> }).allocations;

describe('enable -> NAD -> KubeVirt -> virt-handler rollout -> AllComponentsReady, then disable', () => {
  it('rolls every virt-handler onto a distinct in-range IP and reports it the way Harvester does', async() => {
    const store = start();
    const reasons: string[] = [];
    const before = handlers(store).map((p) => p.metadata.name);

    store.onChange((e) => {
      const reason = e.type === T.kubeVirt ? condition(e.object, 'Available')?.reason : undefined;

      if (reason && reasons[reasons.length - 1] !== reason) {
        reasons.push(reason);
      }
    });
    saveValue(store, VALUE);
    await sim?.idle();
    const nad = store.list(T.nad)[0].metadata.name;
    const pods = handlers(store);
    const ips = pods.map(migrationIP);

    expect(reasons).toEqual(['AllComponentsReady', 'UpdateInProgress', 'DeploymentInProgress', 'AllComponentsReady']);
    expect(kubevirt(store).status).toMatchObject({ phase: 'Deployed' });
    expect((kubevirt(store).status as { observedDeploymentID: string; targetDeploymentID: string }).observedDeploymentID).toBe((kubevirt(store).status as { targetDeploymentID: string }).targetDeploymentID);
    expect(JSON.parse((kubevirt(store).status as { observedDeploymentConfig: string }).observedDeploymentConfig).additionalProperties.MigrationNetwork).toBe(nad);
    expect(((ds(store).spec as { template: K8sObject }).template.metadata.annotations ?? {})['k8s.v1.cni.cncf.io/networks']).toBe(`${ nad }@migration0`);
    expect(ds(store).status).toMatchObject({
      desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 3, numberAvailable: 3, observedGeneration: ds(store).metadata.generation
    });
    expect((ds(store).spec as { updateStrategy: { rollingUpdate: { maxUnavailable: unknown } } }).updateStrategy.rollingUpdate.maxUnavailable).toBe(1);
    expect(pods.map((p) => p.metadata.name).filter((n) => before.includes(n))).toEqual([]);
    expect(new Set(ips).size).toBe(3);
    expect(ips.every((ip) => ip && inRange(ip, '192.168.1.0/24', ['192.168.1.1/32']))).toBe(true);
    expect([...ips].sort()).toEqual(['192.168.1.2', '192.168.1.3', '192.168.1.4']);
    expect(pods.every((p) => p.metadata.annotations?.['k8s.v1.cni.cncf.io/networks'] === `${ nad }@migration0` && (p.status as { phase: string }).phase === 'Running')).toBe(true);
    expect(Object.values(allocations(pool(store, '192.168.1.0-24'))).map((a) => [a.podref, a.ifname]).sort()).toEqual(pods.map((p) => [`harvester-system/${ p.metadata.name }`, 'migration0']).sort());
    expect(JSON.parse(pods[0].metadata.annotations?.['k8s.v1.cni.cncf.io/network-status'] ?? '[]')[1]).toMatchObject({
      name: `harvester-system/${ nad }`, interface: 'migration0', dns: {}
    });

    saveValue(store, '');
    await sim?.idle();
    expect(store.list(T.nad)).toHaveLength(0);
    expect(handlers(store).map(migrationIP)).toEqual([undefined, undefined, undefined]);
    expect(handlers(store).every((p) => !p.metadata.annotations?.['k8s.v1.cni.cncf.io/networks'])).toBe(true);
    expect(allocations(pool(store, '192.168.1.0-24'))).toEqual({});
    expect(condition(kubevirt(store), 'Available')).toMatchObject({ status: 'True', reason: 'AllComponentsReady' });
  });

  it('replaces one node at a time until the canary is ready (maxUnavailable 1)', async() => {
    const store = start({ nodes: 4 });
    let maxPending = 0;

    store.onChange(() => {
      maxPending = Math.max(maxPending, handlers(store).filter((p) => (p.status as { phase: string }).phase === 'Pending').length);
    });
    saveValue(store, VALUE);
    await sim?.idle();
    expect(maxPending).toBe(1);
  });
});

describe('IP pool exhaustion', () => {
  const value = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/29","exclude":["192.168.1.5/30"]}';

  it('the webhook over-counts a non-aligned exclude; whereabouts runs dry and the last virt-handler stays stuck', async() => {
    const store = start({ nodes: 4 });

    expect(settingAdmission('UPDATE', { ...setting(store), value }, setting(store), store)).toBeUndefined();
    saveValue(store, value);
    await sim?.idle();
    const pods = handlers(store);
    const stuck = pods.filter((p) => (p.status as { phase: string }).phase === 'Pending');
    const nad = store.list(T.nad)[0].metadata.name;

    expect(pods.map(migrationIP).filter(Boolean).sort()).toEqual(['192.168.1.1', '192.168.1.2', '192.168.1.3']);
    expect(stuck).toHaveLength(1);
    expect(condition(stuck[0], 'Initialized')).toMatchObject({
      status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [virt-launcher]'
    });
    expect(stuck[0].metadata.annotations?.['k8s.v1.cni.cncf.io/network-status']).toBeUndefined();
    const event = store.list(T.event).find((e) => e.reason === 'FailedCreatePodSandBox') as K8sObject;

    expect(event).toMatchObject({
      type:           'Warning',
      involvedObject: {
        kind: 'Pod', name: stuck[0].metadata.name, uid: stuck[0].metadata.uid
      },
      source: { component: 'kubelet', host: (stuck[0].spec as { nodeName: string }).nodeName }
    });
    expect(event.message).toMatch(new RegExp(`^Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "[0-9a-f]{64}": plugin type="multus" name="multus-cni-network" failed \\(add\\): \\[harvester-system/${ stuck[0].metadata.name }/${ stuck[0].metadata.uid }:${ nad }\\]: error adding container to network "${ nad }": error at storage engine: Could not allocate IP in range: ip: 192\\.168\\.1\\.1 / - 192\\.168\\.1\\.6 / range: 192\\.168\\.1\\.0/29 / excludeRanges: \\[192\\.168\\.1\\.5/30\\]$`));
    expect(condition(kubevirt(store), 'Available')).toMatchObject({ status: 'False', reason: 'DeploymentInProgress' });
    await expect(Promise.resolve().then(() => sim?.migrateAction('default/vm-01'))).rejects.toThrow('KubeVirt is not ready');

    saveValue(store, VALUE);
    await sim?.idle();
    expect(handlers(store).map(migrationIP).filter(Boolean)).toHaveLength(4);
    expect(condition(kubevirt(store), 'Available')?.reason).toBe('AllComponentsReady');
  });
});

describe('nodes', () => {
  it('a new node gets a virt-handler with its own migration IP; removing it releases the IP', async() => {
    const store = start();

    saveValue(store, VALUE);
    await sim?.idle();
    sim?.addNode('harvester-node-3');
    await sim?.idle();
    const pod = handlers(store).find((p) => (p.spec as { nodeName: string }).nodeName === 'harvester-node-3') as K8sObject;

    expect(migrationIP(pod)).toBe('192.168.1.5');
    expect(JSON.parse(store.get(T.vlanConfig, 'vm-migration-vc')?.metadata.annotations?.['network.harvesterhci.io/matched-nodes'] ?? '[]')).toContain('harvester-node-3');
    expect(store.list(T.vlanStatus).filter((v) => v.metadata.labels?.['network.harvesterhci.io/node'] === 'harvester-node-3').map((v) => v.metadata.name)).toEqual([expect.stringMatching(/^vm-migration-harvester-node-3-[0-9a-f]{8}$/)]);
    sim?.removeNode('harvester-node-3');
    await sim?.idle();
    expect(handlers(store)).toHaveLength(3);
    expect(Object.keys(allocations(pool(store, '192.168.1.0-24')))).toHaveLength(3);
  });

  it('a witness node gets no virt-handler', async() => {
    const store = start();

    sim?.addNode('harvester-node-9', { witness: true });
    await sim?.idle();
    expect(handlers(store)).toHaveLength(3);
  });

  it('a NotReady node uses up maxUnavailable: its outdated pod is replaced first, the new one never starts, the rollout stalls', async() => {
    const store = start({ notReady: ['harvester-node-2'] });

    saveValue(store, VALUE);
    await sim?.idle();
    expect(condition(kubevirt(store), 'Available')?.reason).toBe('DeploymentInProgress');
    expect(handlers(store).filter((p) => migrationIP(p))).toHaveLength(0);
    expect(handlers(store).filter((p) => (p.status as { phase: string }).phase === 'Pending').map((p) => (p.spec as { nodeName: string }).nodeName)).toEqual(['harvester-node-2']);
  });
});
