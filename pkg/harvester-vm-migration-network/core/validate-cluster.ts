import { Cidr } from './cidr';
import { HEADROOM_MIN_RATIO, HEADROOM_MIN_SPARE, MGMT_CLUSTER_NETWORK } from './constants';
import { cidrSize, countUsable } from './ip-intervals';
import { problem } from './messages';
import { ReleaseRules } from './versions';
import { memoPerObject, memoPerPair } from './validate-memo';
import {
  ClusterFacts, ClusterNetworkFact, FactKey, IpPlan, NodeFact, Problem
} from './types';

const MAX_LISTED = 10;

/** Names of non-witness nodes not in `set`. */
function workersOutside(nodes: NodeFact[], set: Set<string>): string[] {
  const out: string[] = [];

  for (const n of nodes) {
    if (!n.witness && !set.has(n.name)) {
      out.push(n.name);
    }
  }

  return out;
}

/** Non-witness nodes no VlanConfig of the cluster network matches, and those its VlanStatuses are not ready on. */
const coverage = memoPerPair((cn: ClusterNetworkFact, nodes: NodeFact[]) => ({
  missing:  workersOutside(nodes, new Set(cn.vlanConfigs.flatMap((vc) => vc.matchedNodes ?? []))),
  notReady: workersOutside(nodes, new Set(cn.vlanStatuses.filter((s) => s.ready === 'True').map((s) => s.node))),
}));

/** How many nodes need a migration address: all but those with the witness label key (Harvester's W21 count). */
export const requiredNodes = memoPerObject((nodes: NodeFact[]) => nodes.filter((n) => !n.hasWitnessLabel).length);

/** "a, b, c" with at most ten names, then "…". */
export function listNames(names: string[]): string {
  return names.length > MAX_LISTED ? `${ names.slice(0, MAX_LISTED).join(', ') }, …` : names.join(', ');
}

/**
 * W15–W20 (cluster network exists, VlanStatuses present and not failed, VlanConfigs annotated and spanning every
 * non-witness node, cordoned and NotReady ones included) plus warnings: `mgmt` chosen; the network not ready on
 * some nodes. `mgmt` skips W15–W20 as Harvester does.
 */
export function checkClusterNetwork(name: string, facts: ClusterFacts, out: Problem[], skipped: Set<FactKey>, rules?: ReleaseRules): void {
  if (name === '') {
    out.push(problem('W15_CLUSTER_NETWORK_REQUIRED', { webhookMessage: 'cluster network  not found because clusternetworks.network.harvesterhci.io "" not found' }));

    return;
  }
  if (name === MGMT_CLUSTER_NETWORK) {
    out.push(problem('MGMT_SELECTED', { entry: name, args: { clusterNetwork: name } }));

    return;
  }
  if (!facts.clusterNetworks) {
    skipped.add('clusterNetworks');

    return;
  }
  const check: FactKey[] = ['clusterNetworks'];
  const at = { entry: name, check };
  const cn = facts.clusterNetworks.find((c) => c.name === name);

  if (!cn) {
    out.push(problem('W15_CLUSTER_NETWORK_NOT_FOUND', {
      ...at, args: { clusterNetwork: name }, webhookMessage: `cluster network ${ name } not found because clusternetworks.network.harvesterhci.io "${ name }" not found`
    }));

    return;
  }
  if (cn.vlanStatuses.length === 0) {
    out.push(problem('W16_VLAN_STATUS_MISSING', {
      ...at, args: { clusterNetwork: name }, webhookMessage: `vlan status not present for cluster network ${ name }`
    }));
  }
  for (const vs of cn.vlanStatuses) {
    if (vs.ready !== 'False') {
      continue;
    }
    out.push(problem('W17_VLAN_STATUS_NOT_READY', {
      entry: vs.name, check, args: { vlanStatus: vs.name, node: vs.node }, webhookMessage: `vs ${ vs.name } status is not Ready`
    }));
  }
  if (cn.vlanConfigs.length === 0) {
    out.push(problem('W18_VLAN_CONFIG_MISSING', {
      ...at, args: { clusterNetwork: name }, webhookMessage: `vlan config not present for cluster network ${ name }`
    }));
  }
  for (const vc of cn.vlanConfigs) {
    if (vc.annotationError === 'absent' && !rules?.skipsUnmatchedVlanConfig) {
      out.push(problem('W19_MATCHED_NODES_ABSENT', {
        entry: vc.name, check, args: { vlanConfig: vc.name }, webhookMessage: 'vlan config annotations is absent for matched nodes'
      }));
    } else if (vc.annotationError === 'invalid') {
      out.push(problem('W19_MATCHED_NODES_INVALID', {
        entry: vc.name, check, args: { vlanConfig: vc.name }
      }));
    }
  }
  if (!facts.nodes) {
    skipped.add('nodes');

    return;
  }
  const both: FactKey[] = ['clusterNetworks', 'nodes'];
  const { missing, notReady } = coverage(cn, facts.nodes);

  if (missing.length > 0) {
    out.push(problem('W20_NOT_SPANNED', {
      entry: missing[0],
      check: both,
      args:  {
        clusterNetwork: name, nodes: listNames(missing), count: missing.length
      },
      webhookMessage: `vlanconfig does not span ${ missing[0] }`
    }));
  }
  if (notReady.length > 0) {
    out.push(problem('CLUSTER_NETWORK_NOT_READY_ON_NODES', {
      entry: notReady[0],
      check: both,
      args:  {
        clusterNetwork: name, nodes: listNames(notReady), count: notReady.length
      }
    }));
  }
}

/**
 * Address counts and W21 (Harvester's count, ip.go semantics, must cover every node without the witness label
 * key) plus warnings: Whereabouts gives fewer addresses than Harvester counts; too few for the nodes even
 * though Harvester accepts; headroom below 20% or fewer than 2 spare addresses.
 */
export function checkCapacity(range: Cidr, excludes: Cidr[], facts: ClusterFacts, out: Problem[], skipped: Set<FactKey>, v6Window?: number, legacyCountText = false): IpPlan {
  const plan: IpPlan = {
    total: cidrSize(range), webhookUsable: countUsable(range, excludes, 'webhook'), usable: countUsable(range, excludes, 'whereabouts')
  };

  if (v6Window !== undefined) {
    plan.v6Window = v6Window;
  }

  if (plan.usable < plan.webhookUsable) {
    out.push(problem('USABLE_OVERCOUNTED', { args: { webhook: plan.webhookUsable, usable: plan.usable } }));
  }
  if (!facts.nodes) {
    skipped.add('nodes');

    return plan;
  }
  const check: FactKey[] = ['nodes'];
  const required = requiredNodes(facts.nodes);
  const spare = plan.usable - required;

  plan.required = required;
  plan.spare = spare;
  // Dual stack: Harvester adds the IPv6 window to its count, though every node needs an address of each family.
  // Before v1.8 its text names every node, witnesses too, with no space after the comma.
  if (plan.webhookUsable + (v6Window ?? 0) < required) {
    const webhookMessage = legacyCountText ? `allocatable IP address range is < ${ facts.nodes.length },allocate sufficient range` : `allocatable IP address range is < ${ required }, allocate sufficient range`;

    out.push(v6Window ? problem('W21_NOT_ENOUGH_IPS_DUAL', {
      check,
      args: {
        required, usable: plan.webhookUsable, window: v6Window
      },
      webhookMessage
    }) : problem('W21_NOT_ENOUGH_IPS', {
      check, args: { required, usable: plan.webhookUsable }, webhookMessage
    }));
  } else if (spare < 0) {
    out.push(problem('WHEREABOUTS_SHORTFALL', { check, args: { required, usable: plan.usable } }));
  } else if (spare < HEADROOM_MIN_SPARE || spare < required * HEADROOM_MIN_RATIO) {
    out.push(problem('HEADROOM_LOW', {
      check,
      args: {
        spare, required, usable: plan.usable
      }
    }));
  }

  return plan;
}
