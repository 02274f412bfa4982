import { MGMT_CLUSTER_NETWORK } from './constants';
import { checkMtu } from './mtu';
import { ClusterFacts, ClusterNetworkFact, NodeFact, Problem } from './types';
import { memoPerPair } from './validate-memo';

/** Each covered node's MTU, the last VlanConfig covering it winning, as `mtuGroups` reads them. */
function mtuByNode(cn: ClusterNetworkFact): Map<string, number> {
  const byNode = new Map<string, number>();

  for (const vc of cn.vlanConfigs) {
    for (const node of vc.matchedNodes ?? []) {
      byNode.set(node, vc.mtu ?? 1500);
    }
  }

  return byNode;
}

/** The MTUs the covered non-witness nodes use (every covered node's when the nodes are unknown). */
function workerMtus(cn: ClusterNetworkFact, nodes?: NodeFact[]): Set<number> {
  const byNode = mtuByNode(cn);

  if (!nodes) {
    return new Set(byNode.values());
  }
  const mtus = new Set<number>();

  for (const node of nodes) {
    const mtu = node.witness ? undefined : byNode.get(node.name);

    if (mtu !== undefined) {
      mtus.add(mtu);
    }
  }

  return mtus;
}

/** True when the nodes of `workerMtus` use more than one MTU, remembered per facts (see `memoPerPair`). */
const mixedOn = memoPerPair((cn: ClusterNetworkFact, nodes: NodeFact[]) => workerMtus(cn, nodes).size > 1);

/**
 * `checkMtu`, run only where it can warn: its grouping sorts every node's name and costs far more than the rest
 * of a keystroke's validation on a large cluster, while nearly every cluster has one MTU and so no warning.
 */
export function checkMixedMtu(clusterNetwork: string, facts: ClusterFacts, out: Problem[]): void {
  const cn = facts.clusterNetworks?.find((c) => c.name === clusterNetwork);

  if (!cn || clusterNetwork === MGMT_CLUSTER_NETWORK) {
    return;
  }
  if (facts.nodes ? mixedOn(cn, facts.nodes) : workerMtus(cn).size > 1) {
    checkMtu(clusterNetwork, facts, out);
  }
}
