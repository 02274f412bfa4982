import { ObjectStore, steveType } from '../../src/store';
import { K8sObject } from '../../src/types';
import { generateCluster, GenerateOptions, HarvesterSim, installHarvester } from '../../src/harvester';
import { T } from '../../src/harvester/constants';

export const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

/** A store seeded with a generated cluster (3 nodes unless told otherwise). */
export function clusterStore(opts: Partial<GenerateOptions> = {}): ObjectStore {
  const store = new ObjectStore();

  for (const obj of generateCluster({ nodes: 3, ...opts })) {
    store.seed(steveType(obj.apiVersion, obj.kind), obj);
  }

  return store;
}

/** Store + installed behaviour with a 1 ms step. */
export function startCluster(opts: Partial<GenerateOptions> = {}, stepMs = 1): { store: ObjectStore; sim: HarvesterSim } {
  const store = clusterStore(opts);

  return { store, sim: installHarvester(store, { stepMs }) };
}

/** Writes the setting value as a client would (admission is the HTTP layer's job; tests call it explicitly). */
export function saveValue(store: ObjectStore, value: string): K8sObject {
  return store.patch(T.setting, 'vm-migration-network', (s) => {
    s.value = value;
  });
}

export const setting = (store: ObjectStore) => store.get(T.setting, 'vm-migration-network') as K8sObject;
export const kubevirt = (store: ObjectStore) => store.get(T.kubeVirt, 'harvester-system/kubevirt') as K8sObject;
export const handlers = (store: ObjectStore) => store.list(T.pod).filter((p) => p.metadata.labels?.['kubevirt.io'] === 'virt-handler');

export function migrationIP(pod: K8sObject): string | undefined {
  const status = JSON.parse(pod.metadata.annotations?.['k8s.v1.cni.cncf.io/network-status'] ?? '[]') as { interface?: string; ips?: string[] }[];

  return status.find((s) => s.interface === 'migration0')?.ips?.[0];
}

export function condition(obj: K8sObject, type: string): Record<string, string> | undefined {
  return ((obj.status as { conditions?: Record<string, string>[] } | undefined)?.conditions ?? []).find((c) => c.type === type);
}

/** Declares the cluster's Harvester release, as the `server-version` setting does. */
export function atVersion(store: ObjectStore, version: string): ObjectStore {
  store.seed(T.setting, {
    apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'server-version' }, value: version, default: ''
  });

  return store;
}
