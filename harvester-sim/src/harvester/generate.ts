import { K8sObject } from '../types';
import {
  HARVESTER_SYSTEM, KUBE_SYSTEM, LABEL_CLUSTER_NETWORK, LABEL_MATCHED_NODES, VMN_HASH, VMN_NAD, VMN_PREFIX
} from './constants';
import { sha1 } from './controller';
import { makeNode, makeVlanStatus } from './factories';
import { makeDaemonSet, makeKubeVirt, makeRunningPod, makeStuckPod } from './generate-workloads';
import { makeUnmigratableVms, makeVms } from './generate-vms';
import { BusyOptions, busyObjects } from './generate-busy';
import { decodeNetworkConfig } from './godecode';
import { bridgeConfig } from './nad';
import { ipv4ToString, parseCIDR, parseIPv4 } from './ipnet';
import { inRange, poolName } from './whereabouts';

/** Parameters of a generated Harvester v1.8 cluster (`generate:` in a scenario YAML). */
export interface GenerateOptions {
  /** Non-witness nodes, `harvester-node-0…`. */
  nodes: number;
  /** Witness nodes appended after them. */
  witness?: number;
  /** Node names whose kubelet stopped posting status. */
  notReady?: string[];
  cordoned?: string[];
  /** VLAN of the `vm-migration` cluster network's VlanStatus local areas. */
  vlan?: number;
  /** vm-migration-network value; when set the cluster is generated fully configured (NAD, pool, virt-handlers on it). */
  migrationNetwork?: string;
  /** storage-network value (its cluster network `storage` is generated too); `true` = the sample value. */
  storageNetwork?: string | boolean;
  vms?: number;
  /** vm-01 has a Running VirtualMachineInstanceMigration. */
  migrationInProgress?: boolean;
  /** Two more VMs on the first node that cannot be live-migrated (a PCI device; a ReadWriteOnce disk). */
  unmigratableVms?: boolean;
  /** A real cluster's other workloads (Longhorn, monitoring, agents, a virt-launcher per VM), VM networks and events. */
  busy?: BusyOptions;
}

const STORAGE_SAMPLE = '{"vlan":10,"clusterNetwork":"storage","range":"10.0.10.0/24","exclude":["10.0.10.1/32"]}';
const CREATED = '2026-03-01T08:12:40Z';

function setting(name: string, value: string, def = '', extra: Partial<K8sObject> = {}): K8sObject {
  return {
    apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name, creationTimestamp: CREATED }, value, default: def, ...extra
  };
}

/** A Longhorn setting (Harvester's UI reads `v2-data-engine` on its VM pages). */
function longhornSetting(name: string, value: string): K8sObject {
  return {
    apiVersion: 'longhorn.io/v1beta2',
    kind:       'Setting',
    metadata:   {
      name, namespace: 'longhorn-system', creationTimestamp: CREATED
    },
    value,
    status: { applied: true }
  };
}

function clusterNetwork(name: string, vlan?: number): K8sObject {
  const annotations: Record<string, string> = { 'network.harvesterhci.io/uplink-mtu': '1500' };

  if (vlan !== undefined) {
    Object.assign(annotations, { 'network.harvesterhci.io/mtu-source-vc': `${ name }-vc`, 'network.harvesterhci.io/vlan-id-set-str': String(vlan) });
  }

  return {
    apiVersion: 'network.harvesterhci.io/v1beta1',
    kind:       'ClusterNetwork',
    metadata:   {
      name, creationTimestamp: '2026-03-09T08:00:00Z', annotations
    },
    status: {
      conditions: [{
        type: 'ready', status: 'True', lastUpdateTime: '2026-03-09T08:00:06Z'
      }]
    },
  };
}

function vlanConfig(cn: string, nodes: string[]): K8sObject {
  return {
    apiVersion: 'network.harvesterhci.io/v1beta1',
    kind:       'VlanConfig',
    metadata:   {
      name: `${ cn }-vc`, creationTimestamp: '2026-03-09T08:00:00Z', labels: { [LABEL_CLUSTER_NETWORK]: cn }, annotations: { [LABEL_MATCHED_NODES]: JSON.stringify(nodes) }
    },
    spec: {
      clusterNetwork: cn,
      nodeSelector:   {},
      uplink:         {
        nics: ['eno2', 'eno3'], linkAttributes: { mtu: 1500, txQLen: -1 }, bondOptions: { mode: 'active-backup', miimon: -1 }
      }
    },
  };
}

/** Lowest-first whereabouts assignment for `count` pods, skipping whole excluded subnets. */
function assignIPs(range: string, exclude: string[], count: number): string[] {
  const cidr = parseCIDR(range).cidr;
  const out: string[] = [];

  if (!cidr) {
    return out;
  }
  const end = cidr.network + 2 ** (32 - cidr.prefix) - 1;

  for (let ip = cidr.network + 1; out.length < count && ip < end; ip++) {
    if (inRange(ipv4ToString(ip), range, exclude)) {
      out.push(ipv4ToString(ip));
    }
  }

  return out;
}

/**
 * A consistent Harvester cluster for N nodes (object shapes as a real Harvester v1.8 cluster serves them): namespaces, settings, ClusterNetworks
 * mgmt + vm-migration (+ storage), VlanConfigs with matched-nodes, a VlanStatus per node, Nodes (witness variant),
 * the virt-handler DaemonSet with one Running pod per non-witness node (pod IPs 10.52.<n>.10), KubeVirt healthy,
 * VMs/VMIs, and optionally the migration network already configured or a migration in progress.
 */
export function generateCluster(opts: GenerateOptions): K8sObject[] {
  const count = Number(opts.nodes);
  const names = Array.from({ length: count }, (_, i) => `harvester-node-${ i }`);
  const witnesses = Array.from({ length: Number(opts.witness ?? 0) }, (_, i) => `harvester-node-${ count + i }`);
  const storageValue = opts.storageNetwork === true ? STORAGE_SAMPLE : (opts.storageNetwork || '');
  const networks = storageValue ? ['vm-migration', 'storage'] : ['vm-migration'];
  const vlan = opts.vlan ?? 100;
  const out: K8sObject[] = ['default', HARVESTER_SYSTEM, KUBE_SYSTEM, 'longhorn-system', 'cattle-system'].map((name) => ({
    apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: '2026-03-01T08:05:00Z' }, status: { phase: 'Active' }
  }));
  const nodes = [...names, ...witnesses].map((name, i) => makeNode(name, i, {
    podPrefix: count + witnesses.length > 256 ? 26 : 24, witness: i >= count, notReady: opts.notReady?.includes(name), cordoned: opts.cordoned?.includes(name), clusterNetworks: networks, vlanConfig: 'vm-migration-vc'
  }));
  const value = opts.migrationNetwork ?? '';
  const config = value ? decodeNetworkConfig(value).config : undefined;
  const hash = sha1(value);
  const nad = config ? `vm-migration-network-${ hash.slice(0, 5) }` : undefined;
  const migrationIPs = config ? assignIPs(config.range, config.exclude, count) : [];
  const ds = makeDaemonSet(nad, count);

  out.push(setting('vm-migration-network', value, '', value ? {
    metadata: {
      name: 'vm-migration-network', creationTimestamp: CREATED, annotations: { [VMN_HASH]: hash, [VMN_NAD]: `${ HARVESTER_SYSTEM }/${ nad }` }
    },
    status: {
      conditions: [{
        type: 'configured', status: 'True', lastUpdateTime: '2026-03-10T09:00:01Z'
      }]
    },
  } : { status: {} }));
  out.push(setting('storage-network', storageValue), setting('rwx-network', '', '{"share-storage-network":false,"network":{"vlan":1,"clusterNetwork":"","range":"","exclude":[]}}'));
  out.push(setting('kubevirt-migration', '', '{"parallelMigrationsPerCluster":5,"parallelOutboundMigrationsPerNode":2,"bandwidthPerMigration":"0","completionTimeoutPerGiB":150,"progressTimeout":150}'));
  out.push(setting('server-version', 'v1.8.0'), clusterNetwork('mgmt'), longhornSetting('v2-data-engine', 'false'));
  for (const cn of networks) {
    out.push(clusterNetwork(cn, cn === 'storage' ? 10 : vlan), vlanConfig(cn, names));
    out.push(...names.map((n) => makeVlanStatus(cn, `${ cn }-vc`, n, cn === 'storage' ? 10 : vlan)));
  }
  out.push(...nodes, ds, makeKubeVirt(nad));
  nodes.slice(0, count).forEach((node, i) => {
    const cidr = String((node.spec as { podCIDR: string }).podCIDR);
    const podIP = ipv4ToString((parseIPv4(cidr.split('/')[0]) as number) + 10);

    if (config && nad && !migrationIPs[i]) {
      out.push(...makeStuckPod(ds, node, nad, config.range, config.exclude));
    } else {
      out.push(makeRunningPod(ds, node, podIP, !opts.notReady?.includes(node.metadata.name), nad && migrationIPs[i] ? { nad, ip: migrationIPs[i] } : undefined));
    }
  });
  const stuck = config && nad ? Math.max(0, count - migrationIPs.length) : 0;

  if (stuck) {
    // The DaemonSet controller counts the stuck pods as scheduled but not ready.
    Object.assign(ds.status as Record<string, number>, {
      numberReady: count - stuck, numberAvailable: count - stuck, numberUnavailable: stuck
    });
  }
  if (config && nad) {
    out.push({
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind:       'NetworkAttachmentDefinition',
      metadata:   {
        name:              nad,
        generateName:      'vm-migration-network-',
        namespace:         HARVESTER_SYSTEM,
        creationTimestamp: '2026-03-10T09:00:01Z',
        annotations:       { [VMN_PREFIX]: 'true' },
        labels:            {
          [VMN_HASH]: hash, [LABEL_CLUSTER_NETWORK]: config.clusterNetwork, 'network.harvesterhci.io/type': 'L2VlanNetwork', 'network.harvesterhci.io/vlan-id': String(config.vlan || 1), 'network.harvesterhci.io/ready': 'true'
        },
        finalizers: ['wrangler.cattle.io/harvester-network-manager-nad-controller'],
      },
      spec: { config: bridgeConfig(config) },
    });
    const pods = out.filter((o) => o.kind === 'Pod' && (o.status as { phase?: string }).phase === 'Running');
    const base = parseCIDR(config.range).cidr?.network ?? 0;

    out.push({
      apiVersion: 'whereabouts.cni.cncf.io/v1alpha1',
      kind:       'IPPool',
      metadata:   {
        name: poolName(config.range), namespace: KUBE_SYSTEM, creationTimestamp: '2026-03-10T09:00:41Z'
      },
      spec: {
        range:       config.range,
        allocations: Object.fromEntries(pods.map((p, i) => [String((parseIPv4(migrationIPs[i]) as number) - base), {
          id: p.metadata.uid ?? p.metadata.name, podref: `${ HARVESTER_SYSTEM }/${ p.metadata.name }`, ifname: 'migration0'
        }]).filter(([key]) => key !== 'NaN')),
      },
    });
  }
  out.push(...makeVms(names.filter((n) => !opts.notReady?.includes(n)), Number(opts.vms ?? 2), !!opts.migrationInProgress));
  if (opts.unmigratableVms && names.length > 0) {
    out.push(...makeUnmigratableVms(names[0]));
  }
  if (opts.busy) {
    out.push(...busyObjects(out, opts.busy));
  }

  return out;
}
