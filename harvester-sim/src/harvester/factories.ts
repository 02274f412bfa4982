import { crc32 } from 'node:zlib';
import { K8sObject } from '../types';
import { LABEL_CLUSTER_NETWORK, LABEL_WITNESS } from './constants';
import { ipv4ToString } from './ipnet';

/** Options for one simulated node, shaped like a real Harvester or witness node. */
export interface NodeOptions {
  witness?: boolean;
  notReady?: boolean;
  cordoned?: boolean;
  /** Cluster networks whose VlanConfig covers the node (adds the agent's node labels). */
  clusterNetworks?: string[];
  vlanConfig?: string;
  created?: string;
  /** /24 per node (up to 256 nodes) or /26 per node (clusters beyond 256 nodes). */
  podPrefix?: 24 | 26;
}

/**
 * Node `index` of a generated cluster: InternalIP 10.10.0.10+i, podCIDR 10.52.<i>.0/24 (or a /26 of 10.52.0.0/16 for
 * clusters beyond 256 nodes), RKE2 roles, Harvester/KubeVirt labels; witness nodes carry the witness label and the etcd NoExecute taint.
 */
export function makeNode(name: string, index: number, opts: NodeOptions = {}): K8sObject {
  const ip = ipv4ToString(((10 << 24) | (10 << 16)) + 10 + index);
  const podCIDR = opts.podPrefix !== 26 ? `10.52.${ index % 256 }.0/24` : `10.52.${ Math.floor(index / 4) % 256 }.${ (index % 4) * 64 }/26`;
  const created = opts.created ?? '2026-03-01T08:05:10Z';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch':          'amd64',
    'beta.kubernetes.io/instance-type': 'rke2',
    'beta.kubernetes.io/os':            'linux',
    'kubernetes.io/arch':               'amd64',
    'kubernetes.io/hostname':           name,
    'kubernetes.io/os':                 'linux',
    'node.kubernetes.io/instance-type': 'rke2',
    'node-role.kubernetes.io/etcd':     'true',
    'harvesterhci.io/managed':          'true',
    'network.harvesterhci.io/mgmt':     'true',
  };
  const taints: Record<string, string>[] = [];

  if (opts.witness) {
    labels[LABEL_WITNESS] = 'true';
    taints.push({
      key: 'node-role.kubernetes.io/etcd', value: 'true', effect: 'NoExecute'
    });
  } else {
    Object.assign(labels, {
      'node-role.kubernetes.io/control-plane': 'true', 'kubevirt.io/schedulable': opts.notReady ? 'false' : 'true', cpumanager: 'false'
    });
    for (const cn of opts.clusterNetworks ?? []) {
      labels[`network.harvesterhci.io/${ cn }`] = 'true';
    }
    if (opts.vlanConfig) {
      labels['network.harvesterhci.io/vlanconfig'] = opts.vlanConfig;
    }
  }
  if (opts.cordoned) {
    taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  }
  if (opts.notReady) {
    taints.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' });
  }
  const ready = opts.notReady ? {
    type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: '2026-03-10T10:05:20Z', lastTransitionTime: '2026-03-10T10:06:00Z'
  } : {
    type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: '2026-03-10T10:05:20Z', lastTransitionTime: created
  };

  return {
    apiVersion: 'v1',
    kind:       'Node',
    metadata:   {
      name,
      creationTimestamp: created,
      labels,
      annotations:       {
        'harvesterhci.io/promote-status': 'complete', 'rke2.io/hostname': name, 'rke2.io/internal-ip': ip
      }
    },
    spec: {
      podCIDR, podCIDRs: [podCIDR], providerID: `rke2://${ name }`, ...(opts.cordoned ? { unschedulable: true } : {}), ...(taints.length ? { taints } : {})
    },
    status: {
      addresses:   [{ type: 'InternalIP', address: ip }, { type: 'Hostname', address: name }],
      allocatable: {
        cpu: '15', 'devices.kubevirt.io/kvm': '1k', memory: '63849308Ki', pods: '200'
      },
      capacity: {
        cpu: '16', 'devices.kubevirt.io/kvm': '1k', memory: '65849308Ki', pods: '200'
      },
      conditions: [ready],
      nodeInfo:   {
        architecture: 'amd64', containerRuntimeVersion: 'containerd://2.1.5-k3s1', kernelVersion: '6.12.0-160000.5-default', kubeletVersion: 'v1.34.2+rke2r1', operatingSystem: 'linux', osImage: 'Harvester v1.8.0'
      },
    },
  };
}

/** VlanStatus `<cn>-<node>-<crc32("<cn>-<node>")>` written by the node's network agent. */
export function makeVlanStatus(cn: string, vc: string, node: string, vlan: number, created = '2026-03-09T08:00:00Z'): K8sObject {
  const name = `${ cn }-${ node }-${ crc32(`${ cn }-${ node }`).toString(16).padStart(8, '0') }`;

  return {
    apiVersion: 'network.harvesterhci.io/v1beta1',
    kind:       'VlanStatus',
    metadata:   {
      name,
      creationTimestamp: created,
      labels:            {
        [LABEL_CLUSTER_NETWORK]: cn, 'network.harvesterhci.io/vlanconfig': vc, 'network.harvesterhci.io/node': node
      },
      ownerReferences: [{
        apiVersion: 'network.harvesterhci.io/v1beta1', kind: 'VlanConfig', name: vc
      }],
      finalizers: ['wrangler.cattle.io/harvester-network-manager-vlanconfig-controller'],
    },
    status: {
      clusterNetwork: cn,
      vlanConfig:     vc,
      linkMonitor:    cn,
      node,
      localAreas:     [{ vlanID: vlan }],
      conditions:     [{
        type: 'ready', status: 'True', lastUpdateTime: created
      }]
    },
  };
}
