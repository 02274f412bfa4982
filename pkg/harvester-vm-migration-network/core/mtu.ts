import { MGMT_CLUSTER_NETWORK } from './constants';
import { problem } from './messages';
import { ClusterFacts, ClusterNetworkFact, Problem } from './types';
import { listNames } from './validate-cluster';

/** Nodes that share one MTU on the migration network's cluster network. */
export interface MtuGroup {
  mtu: number;
  nodes: string[];
}

/**
 * Each node's MTU on a cluster network, from the VlanConfigs that cover it (their uplink MTU; the last one wins
 * where two cover a node), grouped by MTU, the most common first. Harvester has no MTU check for the migration
 * network: nodes on different MTUs drop the large frames a migration sends.
 */
export function mtuGroups(cn: ClusterNetworkFact, nodes?: string[]): MtuGroup[] {
  const byNode = new Map<string, number>();

  for (const vc of cn.vlanConfigs) {
    for (const node of vc.matchedNodes ?? []) {
      byNode.set(node, vc.mtu ?? 1500);
    }
  }
  // Linear in the nodes: a thousand-node cluster is grouped on every keystroke and every pod change.
  const wanted = nodes ? new Set(nodes) : undefined;
  const groups = new Map<number, string[]>();

  for (const [node, mtu] of byNode) {
    if (!wanted || wanted.has(node)) {
      const group = groups.get(mtu);

      if (group) {
        group.push(node);
      } else {
        groups.set(mtu, [node]);
      }
    }
  }

  return [...groups].map(([mtu, names]) => ({ mtu, nodes: names.sort() })).sort((a, b) => b.nodes.length - a.nodes.length || b.mtu - a.mtu);
}

/** A warning when the chosen cluster network gives its nodes different MTUs (one MTU is shown by the form). */
export function checkMtu(clusterNetwork: string, facts: ClusterFacts, out: Problem[]): void {
  const cn = facts.clusterNetworks?.find((c) => c.name === clusterNetwork);

  if (!cn || clusterNetwork === MGMT_CLUSTER_NETWORK) {
    return;
  }
  const workers = facts.nodes?.filter((n) => !n.witness).map((n) => n.name);
  const groups = mtuGroups(cn, workers);

  if (groups.length > 1) {
    out.push(problem('CLUSTER_NETWORK_MTU_MIXED', {
      entry: clusterNetwork,
      args:  { clusterNetwork, mtus: groups.map((g) => `${ g.mtu } (${ listNames(g.nodes) })`).join('; ') }
    }));
  }
}
