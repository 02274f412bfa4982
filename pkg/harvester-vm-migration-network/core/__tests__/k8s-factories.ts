/** Small factories of raw Kubernetes objects shaped as a real Harvester serves them (docs/harvester-behaviour.md, "Objects"). */
import {
  ClusterNetwork, IPPool, KubeVirt, MigrationState, Node, Pod, Setting, VirtualMachineInstanceMigration, VlanConfig, VlanStatus
} from '../k8s-types';

export const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';
export const NAD = 'vm-migration-network-6flk7';
/**
 * The NAD config Harvester's controller writes for VALUE, copied from a real cluster's object (not built by our
 * `nadConfig`, so the health tests check our reading of the NAD against Harvester's writing of it).
 */
export const NAD_CONFIG = '{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}}';

export function createNode(name: string, labels: Record<string, string> = {}, unschedulable = false): Node {
  return {
    metadata: { name, labels: { 'kubevirt.io/schedulable': 'true', ...labels } },
    spec:     { unschedulable },
    status:   { conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export function createSetting(value: string | undefined, hash = '8c1ea792c2687e9c20718d6a2505514fb53e7d91', nad = `harvester-system/${ NAD }`): Setting {
  return {
    metadata: { name: 'vm-migration-network', annotations: { 'vm-migration-network.settings.harvesterhci.io/hash': hash, 'vm-migration-network.settings.harvesterhci.io/net-attach-def': nad } },
    value,
    status:   {
      conditions: [{
        type: 'configured', status: 'True', lastUpdateTime: '2026-03-10T09:00:01Z'
      }]
    },
  };
}

export function createPod(name: string, node: string, ip?: string, overrides: { networks?: string; phase?: string; ready?: boolean; restarts?: number; deprecated?: boolean } = {}): Pod {
  const status = JSON.stringify([
    {
      name: 'k8s-pod-network', ips: ['10.52.1.37'], default: true, dns: {}
    },
    ...(ip ? [{
      name: `harvester-system/${ NAD }`, interface: 'migration0', ips: [ip], mac: 'c6:30:6f:02:52:3e', dns: {}
    }] : []),
  ], null, 4);
  const annotations: Record<string, string> = { 'k8s.v1.cni.cncf.io/networks': overrides.networks ?? `${ NAD }@migration0` };

  if (ip !== undefined) {
    annotations[overrides.deprecated ? 'k8s.v1.cni.cncf.io/networks-status' : 'k8s.v1.cni.cncf.io/network-status'] = status;
  }

  return {
    metadata: {
      name, namespace: 'harvester-system', labels: { 'kubevirt.io': 'virt-handler' }, annotations, creationTimestamp: '2026-03-10T09:01:12Z'
    },
    spec:   { nodeName: node },
    status: {
      phase:             overrides.phase ?? 'Running',
      conditions:        [{ type: 'Ready', status: overrides.ready === false ? 'False' : 'True' }],
      containerStatuses: [{
        name: 'virt-handler', ready: overrides.ready !== false, restartCount: overrides.restarts ?? 0
      }],
    },
  };
}

export function createKubeVirt(network: string | undefined = NAD, ready = true): KubeVirt {
  return {
    metadata: { name: 'kubevirt', namespace: 'harvester-system' },
    spec:     { configuration: { migrations: network ? { network } : {} } },
    status:   {
      phase:      ready ? 'Deployed' : 'Deploying',
      conditions: [{
        type: 'Available', status: 'True', reason: ready ? 'AllComponentsReady' : 'UpdateInProgress'
      }],
      observedDeploymentID: 'a',
      targetDeploymentID:   ready ? 'a' : 'b',
    },
  };
}

export function createPool(range: string, allocations: Record<string, string>): IPPool {
  return {
    metadata: { name: range.replace('/', '-'), namespace: 'kube-system' },
    spec:     {
      range,
      allocations: Object.fromEntries(Object.entries(allocations).map(([k, podref]) => [k, {
        id: 'x', podref, ifname: 'migration0'
      }]))
    },
  };
}

export function createClusterNetwork(name: string, ready = true): ClusterNetwork {
  return { metadata: { name }, status: { conditions: [{ type: 'ready', status: ready ? 'True' : 'False' }] } };
}

export function createVlanStatus(cn: string, node: string, ready?: string): VlanStatus {
  return {
    metadata: { name: `${ cn }-${ node }`, labels: { 'network.harvesterhci.io/clusternetwork': cn, 'network.harvesterhci.io/node': node } },
    status:   {
      clusterNetwork: cn, node, conditions: ready ? [{ type: 'ready', status: ready }] : []
    },
  };
}

export function createVlanConfig(cn: string, matched?: string): VlanConfig {
  return {
    metadata: {
      name: `${ cn }-vc`, labels: { 'network.harvesterhci.io/clusternetwork': cn }, annotations: matched === undefined ? {} : { 'network.harvesterhci.io/matched-nodes': matched }
    },
    spec: { clusterNetwork: cn },
  };
}

export function createVmim(name: string, phase: string, state?: MigrationState, deleting = false): VirtualMachineInstanceMigration {
  return {
    metadata: {
      name, namespace: 'default', ...(deleting ? { deletionTimestamp: '2026-03-10T10:00:00Z' } : {})
    },
    spec:   { vmiName: name.replace(/-[a-z0-9]{5}$/, '') },
    status: { phase, migrationState: state },
  };
}
