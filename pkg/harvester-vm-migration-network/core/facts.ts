import {
  CLUSTER_NETWORK_LABEL, FINAL_MIGRATION_PHASES, MATCHED_NODES_ANNOTATION, MGMT_CLUSTER_NETWORK, RWX_NETWORK_SETTING_ID, SERVER_VERSION_SETTING_ID,
  SCHEDULABLE_LABEL, STORAGE_NETWORK_SETTING_ID, WITNESS_LABEL
} from './constants';
import {
  ClusterNetwork, Condition, Node, Setting, VirtualMachineInstanceMigration, VlanConfig, VlanStatus
} from './k8s-types';
import {
  ClusterFacts, ClusterNetworkFact, NodeFact, VlanConfigFact, VlanStatusFact
} from './types';

/** Lists of raw objects as the shell store holds them; leave a list out when it could not be read. */
export interface ClusterObjects {
  nodes?: Node[];
  clusterNetworks?: ClusterNetwork[];
  vlanStatuses?: VlanStatus[];
  vlanConfigs?: VlanConfig[];
  /** Harvester settings; storage-network, rwx-network and server-version are read. */
  settings?: Setting[];
  migrations?: VirtualMachineInstanceMigration[];
}

/** Status of the first condition of `type` (case-sensitive), if any. */
export function conditionStatus(conditions: Condition[] | undefined, type: string): string | undefined {
  return conditions?.find((c) => c.type === type)?.status;
}

/** What Harvester reads from a setting: `value` when non-empty, else `default`, else `""`. */
export function effectiveValue(setting: Setting | undefined): string {
  return setting?.value || setting?.default || '';
}

/** Node facts: witness (label "true"), witness label key present, schedulable, Ready. */
export function nodeFact(node: Node): NodeFact {
  const labels = node.metadata?.labels ?? {};

  return {
    name:            node.metadata?.name ?? '',
    witness:         labels[WITNESS_LABEL] === 'true',
    hasWitnessLabel: WITNESS_LABEL in labels,
    schedulable:     !node.spec?.unschedulable && labels[SCHEDULABLE_LABEL] !== 'false',
    ready:           conditionStatus(node.status?.conditions, 'Ready') === 'True',
  };
}

/** `network.harvesterhci.io/matched-nodes` as Harvester's `getMatchNodes` reads it (absent or "" fails in v1.6–v1.8). */
function vlanConfigFact(vc: VlanConfig): VlanConfigFact {
  const name = vc.metadata?.name ?? '';
  const text = vc.metadata?.annotations?.[MATCHED_NODES_ANNOTATION];

  if (!text) {
    return { name, annotationError: 'absent' };
  }
  try {
    const data: unknown = JSON.parse(text);

    if (data === null) {
      return { name, matchedNodes: [] };
    }
    if (Array.isArray(data) && data.every((n) => typeof n === 'string')) {
      return { name, matchedNodes: data as string[] };
    }
  } catch {
    // reported below
  }

  return { name, annotationError: 'invalid' };
}

/** A VlanConfig's uplink MTU: 0 or absent means Harvester's default, 1500. */
function uplinkMtu(vc: VlanConfig): number {
  const mtu = vc.spec?.uplink?.linkAttributes?.mtu;

  return typeof mtu === 'number' && mtu > 0 ? mtu : 1500;
}

function labelOf(obj: { metadata?: { labels?: Record<string, string> } }): string | undefined {
  return obj.metadata?.labels?.[CLUSTER_NETWORK_LABEL];
}

function clusterNetworkFacts(cns: ClusterNetwork[], statuses: VlanStatus[], configs: VlanConfig[]): ClusterNetworkFact[] {
  const facts = new Map<string, ClusterNetworkFact>();

  for (const cn of cns) {
    const name = cn.metadata?.name ?? '';

    facts.set(name, {
      name, ready: name === MGMT_CLUSTER_NETWORK || conditionStatus(cn.status?.conditions, 'ready') === 'True', vlanStatuses: [], vlanConfigs: []
    });
  }
  for (const vs of statuses) {
    const fact: VlanStatusFact = {
      name:  vs.metadata?.name ?? '',
      node:  vs.status?.node ?? vs.metadata?.labels?.['network.harvesterhci.io/node'] ?? '',
      ready: conditionStatus(vs.status?.conditions, 'ready'),
    };

    facts.get(labelOf(vs) ?? '')?.vlanStatuses.push(fact);
  }
  for (const vc of configs) {
    facts.get(labelOf(vc) ?? '')?.vlanConfigs.push({ ...vlanConfigFact(vc), mtu: uplinkMtu(vc) });
  }

  return [...facts.values()];
}

/** A VMIM still runs: phase not Succeeded/Failed and not being deleted. */
export function migrationInProgress(vmim: VirtualMachineInstanceMigration): boolean {
  const phase = vmim.status?.phase ?? '';

  return !vmim.metadata?.deletionTimestamp && !(FINAL_MIGRATION_PHASES as readonly string[]).includes(phase);
}

/**
 * Builds the validation facts from raw Kubernetes objects, so the UI only passes lists. A fact is left undefined
 * (and its checks skipped) when a list it needs is missing: cluster networks need ClusterNetworks, VlanStatuses and
 * VlanConfigs; peers need the settings list. VlanStatuses and VlanConfigs are grouped by their
 * `network.harvesterhci.io/clusternetwork` label, as the webhook selects them.
 */
export function buildClusterFacts(objects: ClusterObjects): ClusterFacts {
  const facts: ClusterFacts = {};

  if (objects.nodes) {
    facts.nodes = objects.nodes.map(nodeFact);
  }
  if (objects.clusterNetworks && objects.vlanStatuses && objects.vlanConfigs) {
    facts.clusterNetworks = clusterNetworkFacts(objects.clusterNetworks, objects.vlanStatuses, objects.vlanConfigs);
  }
  if (objects.settings) {
    const find = (id: string) => objects.settings?.find((s) => (s.metadata?.name ?? s.id) === id);

    facts.peers = {
      storageNetwork: effectiveValue(find(STORAGE_NETWORK_SETTING_ID)),
      rwxNetwork:     effectiveValue(find(RWX_NETWORK_SETTING_ID)),
    };
    const version = find(SERVER_VERSION_SETTING_ID)?.value;

    if (version) {
      facts.harvesterVersion = version;
    }
  }
  if (objects.migrations) {
    facts.migrationsInProgress = objects.migrations.filter(migrationInProgress)
      .map((m) => `${ m.metadata?.namespace ?? '' }/${ m.metadata?.name ?? '' }`);
  }

  return facts;
}
