import { K8sObject } from '../types';
import { HARVESTER_SYSTEM, KUBE_SYSTEM } from './constants';

/**
 * What fills a real Harvester cluster besides the migration network: the workloads of Longhorn, monitoring,
 * Rancher's agents, the CNI, Harvester and KubeVirt themselves, one virt-launcher pod per running VM, VM networks,
 * and kubelet's and controllers' events by the thousand. None of it is ours; a page that reads it all pays for it.
 */

const CREATED = '2026-03-01T08:20:00Z';
const LONGHORN = 'longhorn-system';
const MONITORING = 'cattle-monitoring-system';
const CATTLE = 'cattle-system';
const FLEET = 'cattle-fleet-system';

/** Workloads with one pod per node (DaemonSets), by namespace. */
const PER_NODE: [string, string, string][] = [
  [LONGHORN, 'longhorn-manager', 'longhornio/longhorn-manager:v1.9.1'],
  [LONGHORN, 'engine-image-ei-db6c2b6f', 'longhornio/longhorn-engine:v1.9.1'],
  [LONGHORN, 'longhorn-csi-plugin', 'longhornio/longhorn-manager:v1.9.1'],
  [LONGHORN, 'instance-manager', 'longhornio/longhorn-instance-manager:v1.9.1'],
  [KUBE_SYSTEM, 'rke2-canal', 'rancher/hardened-calico:v3.30.2'],
  [KUBE_SYSTEM, 'kube-vip', 'ghcr.io/kube-vip/kube-vip-iptables:v0.9.2'],
  [HARVESTER_SYSTEM, 'harvester-network-controller', 'rancher/harvester-network-controller:v1.8.0'],
  [HARVESTER_SYSTEM, 'harvester-node-manager', 'rancher/harvester-node-manager:v1.8.0'],
  [HARVESTER_SYSTEM, 'kube-ovn-cni', 'kubeovn/kube-ovn:v1.14.4'],
  [MONITORING, 'rancher-monitoring-prometheus-node-exporter', 'rancher/mirrored-prometheus-node-exporter:v1.9.1'],
];

/** Workloads with a fixed number of replicas. */
const REPLICATED: [string, string, number, string][] = [
  [KUBE_SYSTEM, 'rke2-coredns-rke2-coredns', 2, 'rancher/hardened-coredns:v1.12.2'],
  [KUBE_SYSTEM, 'rke2-metrics-server', 1, 'rancher/hardened-k8s-metrics-server:v0.8.0'],
  [LONGHORN, 'csi-attacher', 3, 'longhornio/csi-attacher:v4.9.0'],
  [LONGHORN, 'csi-provisioner', 3, 'longhornio/csi-provisioner:v5.3.0'],
  [LONGHORN, 'csi-resizer', 3, 'longhornio/csi-resizer:v1.14.0'],
  [LONGHORN, 'csi-snapshotter', 3, 'longhornio/csi-snapshotter:v8.3.0'],
  [LONGHORN, 'longhorn-driver-deployer', 1, 'longhornio/longhorn-manager:v1.9.1'],
  [LONGHORN, 'longhorn-ui', 2, 'longhornio/longhorn-ui:v1.9.1'],
  [HARVESTER_SYSTEM, 'harvester', 3, 'rancher/harvester:v1.8.0'],
  [HARVESTER_SYSTEM, 'harvester-webhook', 3, 'rancher/harvester-webhook:v1.8.0'],
  [HARVESTER_SYSTEM, 'harvester-load-balancer', 1, 'rancher/harvester-load-balancer:v1.8.0'],
  [HARVESTER_SYSTEM, 'virt-api', 2, 'registry.suse.com/suse/sles/16.0/virt-api:1.6.1'],
  [HARVESTER_SYSTEM, 'virt-controller', 2, 'registry.suse.com/suse/sles/16.0/virt-controller:1.6.1'],
  [HARVESTER_SYSTEM, 'virt-operator', 2, 'registry.suse.com/suse/sles/16.0/virt-operator:1.6.1'],
  [HARVESTER_SYSTEM, 'cdi-deployment', 1, 'registry.suse.com/suse/sles/16.0/cdi-controller:1.62.0'],
  [MONITORING, 'prometheus-rancher-monitoring-prometheus', 1, 'rancher/mirrored-prometheus-prometheus:v3.4.2'],
  [MONITORING, 'rancher-monitoring-grafana', 1, 'rancher/mirrored-grafana-grafana:11.6.3'],
  [MONITORING, 'alertmanager-rancher-monitoring-alertmanager', 1, 'rancher/mirrored-prometheus-alertmanager:v0.28.1'],
  [MONITORING, 'rancher-monitoring-operator', 1, 'rancher/mirrored-prometheus-operator-prometheus-operator:v0.83.0'],
  [MONITORING, 'rancher-monitoring-kube-state-metrics', 1, 'rancher/mirrored-kube-state-metrics-kube-state-metrics:v2.16.0'],
  [CATTLE, 'cattle-cluster-agent', 2, 'rancher/rancher-agent:v2.15.0'],
  [CATTLE, 'rancher-webhook', 1, 'rancher/rancher-webhook:v0.9.0'],
  [CATTLE, 'system-upgrade-controller', 1, 'rancher/system-upgrade-controller:v0.16.0'],
  [FLEET, 'fleet-agent', 1, 'rancher/fleet-agent:v0.14.0'],
];

export const BUSY_NAMESPACES = [LONGHORN, MONITORING, CATTLE, FLEET];

function suffix(seed: number, length = 5): string {
  const chars = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';

  for (let n = seed * 7919 + 104729; out.length < length; n = Math.floor(n / chars.length) + 31 * out.length + 17) {
    out += chars[n % chars.length];
  }

  return out;
}

function pod(namespace: string, name: string, node: string, image: string, labels: Record<string, string>, ip: string): K8sObject {
  return {
    apiVersion: 'v1',
    kind:       'Pod',
    metadata:   {
      name, namespace, creationTimestamp: CREATED, labels
    },
    spec: {
      nodeName: node, containers: [{ name: labels.app ?? 'main', image }], restartPolicy: 'Always'
    },
    status: {
      phase:      'Running',
      podIP:      ip,
      podIPs:     [{ ip }],
      startTime:  CREATED,
      conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
        type, status: 'True', lastTransitionTime: CREATED
      })),
    },
  };
}

/** The pods of the system workloads and one virt-launcher per VMI, spread over `nodes`. */
export function busyPods(nodes: string[], vmis: K8sObject[]): K8sObject[] {
  const out: K8sObject[] = [];
  let n = 0;
  const ip = () => `10.52.${ Math.floor(n / 200) }.${ 20 + (n++ % 200) }`;

  for (const [namespace, app, image] of PER_NODE) {
    nodes.forEach((node, i) => out.push(pod(namespace, `${ app }-${ suffix(n + i) }`, node, image, { app }, ip())));
  }
  for (const [namespace, app, replicas, image] of REPLICATED) {
    for (let r = 0; r < replicas; r++) {
      out.push(pod(namespace, `${ app }-${ suffix(n, 10) }-${ suffix(n + 1) }`, nodes[r % nodes.length], image, { app }, ip()));
    }
  }
  for (const vmi of vmis) {
    const name = vmi.metadata.name;
    const node = String((vmi.status as { nodeName?: string }).nodeName);

    out.push(pod(vmi.metadata.namespace ?? 'default', `virt-launcher-${ name }-${ suffix(n) }`, node, 'registry.suse.com/suse/sles/16.0/virt-launcher:1.6.1', {
      'kubevirt.io': 'virt-launcher', 'vm.kubevirt.io/name': name, 'kubevirt.io/created-by': vmi.metadata.uid ?? name, 'harvesterhci.io/vmName': name
    }, ip()));
  }

  return out;
}

/** VM networks (NADs in `default`) the busy cluster's VMs use, on the mgmt cluster network. */
export function vmNetworks(vlans: number[]): K8sObject[] {
  return vlans.map((vlan) => ({
    apiVersion: 'k8s.cni.cncf.io/v1',
    kind:       'NetworkAttachmentDefinition',
    metadata:   {
      name:              `vlan${ vlan }`,
      namespace:         'default',
      creationTimestamp: CREATED,
      labels:            {
        'network.harvesterhci.io/clusternetwork': 'mgmt', 'network.harvesterhci.io/type': 'L2VlanNetwork', 'network.harvesterhci.io/vlan-id': String(vlan), 'network.harvesterhci.io/ready': 'true'
      },
    },
    spec: {
      config: JSON.stringify({
        cniVersion: '0.3.1', name: `vlan${ vlan }`, type: 'bridge', bridge: 'mgmt-br', promiscMode: true, vlan, ipam: {}
      })
    },
  }));
}

const NORMAL_REASONS = [['Scheduled', 'Successfully assigned'], ['Pulled', 'Container image already present on machine'], ['Created', 'Created container'], ['Started', 'Started container']];

/**
 * `count` events about the pods and VMs, oldest first: mostly kubelet's Normal ones, with Warnings that look like
 * ours (sandbox failures of virt-launcher pods in `default`, readiness probes in harvester-system) but are not.
 */
export function busyEvents(pods: K8sObject[], vmis: K8sObject[], count: number): K8sObject[] {
  const out: K8sObject[] = [];
  const start = Date.parse('2026-03-10T06:00:00Z');

  for (let i = 0; i < count; i++) {
    const aboutVm = i % 5 === 4 && vmis.length > 0;
    const subject = aboutVm ? vmis[i % vmis.length] : pods[i % pods.length];
    const namespace = subject.metadata.namespace ?? 'default';
    const sandbox = !aboutVm && i % 97 === 0 && subject.metadata.name.startsWith('virt-launcher-');
    const probe = !aboutVm && i % 89 === 0 && namespace === HARVESTER_SYSTEM;
    const [reason, message] = aboutVm ? ['SyncSucceeded', 'VirtualMachineInstance synced'] : sandbox ? ['FailedCreatePodSandBox', 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="multus" failed (add): timed out'] : probe ? ['Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503'] : NORMAL_REASONS[i % NORMAL_REASONS.length];
    const at = new Date(start + i * 1500).toISOString().replace(/\.\d+Z$/, 'Z');

    out.push({
      apiVersion: 'v1',
      kind:       'Event',
      metadata:   {
        name: `${ subject.metadata.name }.${ (0x180a0000 + i).toString(16) }`, namespace, creationTimestamp: at
      },
      involvedObject: {
        kind: subject.kind, namespace, name: subject.metadata.name, apiVersion: subject.apiVersion, uid: subject.metadata.uid ?? ''
      },
      reason,
      message:        `${ message }${ reason === 'Created' || reason === 'Started' ? ` ${ (subject.spec as { containers?: { name: string }[] })?.containers?.[0]?.name ?? 'compute' }` : '' }`,
      source:         { component: aboutVm ? 'virt-handler' : 'kubelet', host: String((subject.spec as { nodeName?: string })?.nodeName ?? '') },
      firstTimestamp: at,
      lastTimestamp:  at,
      count:          1,
      type:           sandbox || probe ? 'Warning' : 'Normal',
    });
  }

  return out;
}

export interface BusyOptions {
  /** How many events the cluster keeps. */
  events: number;
  /** VLAN IDs of the VM networks; the VMs are spread over them. */
  vmNetworks: number[];
}

/** Everything of a busy cluster around the generated one (`objects`): its namespaces, VM networks, pods and events. */
export function busyObjects(objects: K8sObject[], { events, vmNetworks: vlans }: BusyOptions): K8sObject[] {
  const nodes = objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name);
  const vmis = objects.filter((o) => o.kind === 'VirtualMachineInstance');
  const networks = vmNetworks(vlans);

  objects.filter((o) => o.kind === 'VirtualMachine').forEach((vm, i) => {
    const network = networks[i % networks.length];
    const spec = (vm.spec as { template: { spec: { networks?: unknown[]; domain: { devices: { interfaces?: unknown[] } } } } }).template.spec;

    if (network) {
      // A VM network is a bridge to a multus NAD, as Harvester writes it.
      spec.networks = [{ name: 'default', multus: { networkName: `default/${ network.metadata.name }` } }];
      spec.domain = {
        ...spec.domain,
        devices: {
          ...spec.domain.devices,
          interfaces: [{
            name: 'default', bridge: {}, model: 'virtio'
          }]
        }
      };
    }
  });
  const pods = busyPods(nodes, vmis);
  const namespaces = BUSY_NAMESPACES.map((name) => ({
    apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: CREATED }, status: { phase: 'Active' }
  }));

  return [...namespaces, ...networks, ...pods, ...busyEvents(pods, vmis, events)];
}
