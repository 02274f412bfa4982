/**
 * Node rows of the health page: one row per node with its virt-handler pod, readiness, restarts, `migration0` IP
 * and flags (no pod, pod not ready, no IP, IP outside the range, IP in an exclude (whole masked subnet, as
 * Whereabouts), duplicate IP, pod still on the old `k8s.v1.cni.cncf.io/networks`, node not covered by the cluster
 * network). Witness nodes get a row with `expected: false`. Also the "only problems" filter of the table.
 */
import { v6Bounds, V6Bounds, v6Flags } from './nodes-v6';
import { MtuGroup, mtuGroups } from '../mtu';
import { Cidr, parseCidr, parseIPv4 } from '../cidr';
import { MGMT_CLUSTER_NETWORK, MIGRATION_INTERFACE, NETWORKS_ANNOTATION, VMN_NAD_ANNOTATION } from '../constants';
import { nodeFact } from '../facts';
import { Pod } from '../k8s-types';
import { HealthFlag, HealthRow, MigrationNetworkValue } from '../types';
import { HealthInput } from './inputs';
import { migrationIpOf, migrationIpsOf } from './network-status';

export {
  clearHealthMemo, migrationIpOf, migrationIpsOf
} from './network-status';


/** The `k8s.v1.cni.cncf.io/networks` annotation virt-handler pods must carry: `<nad>@migration0`, or `""` when disabled. */
export function expectedNetworks(input: HealthInput, enabled: boolean): string | undefined {
  const template = input.daemonSet?.spec?.template?.metadata?.annotations;
  const fromKubeVirt = input.kubeVirt?.spec?.configuration?.migrations?.network;
  const fromSetting = input.setting?.metadata?.annotations?.[VMN_NAD_ANNOTATION];

  if (input.kubeVirt) {
    return fromKubeVirt ? `${ fromKubeVirt }@${ MIGRATION_INTERFACE }` : '';
  }
  if (template) {
    return template[NETWORKS_ANNOTATION] ?? '';
  }
  if (fromSetting !== undefined) {
    return fromSetting ? `${ fromSetting.split('/').pop() }@${ MIGRATION_INTERFACE }` : '';
  }

  return enabled ? undefined : '';
}

/** Of several pods on one node (during a rollout), the live one: not being deleted, Running, newest. */
function pickPod(pods: Pod[]): Pod | undefined {
  const score = (p: Pod) => (p.metadata?.deletionTimestamp ? 0 : 2) + (p.status?.phase === 'Running' ? 1 : 0);

  return pods.slice().sort((a, b) => score(b) - score(a) || (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''))[0];
}

function podReady(pod: Pod): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');

  return ready ? ready.status === 'True' : (pod.status?.containerStatuses ?? []).some((c) => c.ready) && (pod.status?.containerStatuses ?? []).every((c) => c.ready);
}

/** Each node's MTU on the value's cluster network (not mgmt, whose MTU no VlanConfig sets). */
function nodeMtus(input: HealthInput, value: MigrationNetworkValue | undefined): MtuGroup[] | undefined {
  const cn = input.clusterFacts?.clusterNetworks?.find((c) => c.name === value?.clusterNetwork);

  return cn && cn.name !== MGMT_CLUSTER_NETWORK ? mtuGroups(cn) : undefined;
}

/** Nodes the cluster network's VlanConfigs cover (union of matched-nodes); undefined when unknown. */
function coveredNodes(input: HealthInput, value: MigrationNetworkValue | undefined): Set<string> | undefined {
  const cn = value?.clusterNetwork;

  if (!cn || cn === MGMT_CLUSTER_NETWORK || !input.clusterFacts?.clusterNetworks) {
    return undefined;
  }
  const fact = input.clusterFacts.clusterNetworks.find((c) => c.name === cn);

  return new Set(fact?.vlanConfigs.flatMap((vc) => vc.matchedNodes ?? []) ?? []);
}

/** What every row is checked against, computed once per build rather than once per node. */
export interface RowContext {
  enabled: boolean;
  /** The IPv4 range; undefined when disabled or not IPv4. */
  range?: Cidr;
  excludes: Cidr[];
  /** See `expectedNetworks`. */
  expected?: string;
  covered?: Set<string>;
  /** Dual stack: the addresses an IPv6 `migration0` address may have (the window, else the range). */
  v6?: V6Bounds;
  /** Each node's MTU on the cluster network, by group, the most common first. */
  mtu?: MtuGroup[];
  /** Each node's MTU, from `mtu` (one lookup per row instead of a search of every group). */
  mtuOf?: Map<string, number>;
}

/** The row context of a decoded value. */
export function rowContext(input: HealthInput, value: MigrationNetworkValue | undefined, enabled: boolean): RowContext {
  const range = value ? parseCidr(value.range) : undefined;
  const groups = enabled ? nodeMtus(input, value) : undefined;

  return {
    enabled,
    range:    range?.family === 4 ? range : undefined,
    excludes: (value?.exclude ?? []).map((e) => parseCidr(e)).filter((c): c is Cidr => c?.family === 4),
    expected: expectedNetworks(input, enabled),
    covered:  coveredNodes(input, value),
    v6:       enabled && input.v6 ? v6Bounds(input.v6) : undefined,
    mtu:      groups,
    mtuOf:    groups && new Map(groups.flatMap((g) => g.nodes.map((node): [string, number] => [node, g.mtu]))),
  };
}

function rowFlags(row: HealthRow, pod: Pod | undefined, ctx: RowContext): HealthFlag[] {
  const flags: HealthFlag[] = [];

  if (!pod) {
    return row.expected ? ['noPod'] : [];
  }
  if (!row.ready) {
    flags.push('podNotReady');
  }
  const networks = pod.metadata?.annotations?.[NETWORKS_ANNOTATION] ?? '';

  if (ctx.expected !== undefined && networks !== ctx.expected) {
    flags.push('oldConfig');
  }
  if (ctx.enabled) {
    const ip = row.migrationIp === undefined ? undefined : parseIPv4(row.migrationIp);

    if (row.migrationIp === undefined) {
      flags.push('noIp');
    } else if (ctx.range && (ip === undefined || ip < ctx.range.network || ip > ctx.range.broadcast)) {
      flags.push('ipOutsideRange');
    } else if (ip !== undefined && ctx.excludes.some((ex) => ip >= ex.network && ip <= ex.broadcast)) {
      flags.push('ipExcluded');
    }
    if (ctx.v6) {
      flags.push(...v6Flags(row.migrationIpV6, ctx.v6));
    }
    if (ctx.covered && !ctx.covered.has(row.node)) {
      flags.push('notCovered');
    }
    if (ctx.mtu && ctx.mtu.length > 1 && row.mtu !== undefined && row.mtu !== ctx.mtu[0].mtu) {
      flags.push('mtuMismatch');
    }
  }

  return flags;
}

/** One row per node of `input.nodes`, in that order; `duplicateIp` needs every row, so it is flagged last. */
export function nodeRows(input: HealthInput, ctx: RowContext): HealthRow[] {
  const byNode = new Map<string, Pod[]>();

  for (const pod of input.pods) {
    const node = pod.spec?.nodeName ?? '';

    byNode.set(node, [...(byNode.get(node) ?? []), pod]);
  }
  const ipCount = new Map<string, number>();
  const rows = input.nodes.map((node) => {
    const fact = nodeFact(node);
    const pod = pickPod(byNode.get(fact.name) ?? []);
    const row: HealthRow = {
      node:     fact.name,
      witness:  fact.witness,
      expected: !fact.witness,
      ready:    pod ? podReady(pod) : false,
      restarts: (pod?.status?.containerStatuses ?? []).reduce((sum, c) => sum + (c.restartCount ?? 0), 0),
      flags:    [],
    };

    const mtu = ctx.mtuOf?.get(fact.name);

    if (mtu !== undefined) {
      row.mtu = mtu;
    }
    if (pod) {
      row.pod = pod.metadata?.name;
      row.podPhase = pod.status?.phase;
      row.migrationIp = migrationIpOf(pod);
      if (ctx.v6) {
        row.migrationIpV6 = migrationIpsOf(pod).find((ip) => ip.includes(':'));
      }
    }
    for (const ip of [row.migrationIp, row.migrationIpV6]) {
      if (ip) {
        ipCount.set(ip, (ipCount.get(ip) ?? 0) + 1);
      }
    }
    row.flags = rowFlags(row, pod, ctx);

    return row;
  });

  for (const row of rows) {
    // Either family's address given to two nodes (Multus reports IPv6 in its canonical text).
    if ([row.migrationIp, row.migrationIpV6].some((ip) => ip && (ipCount.get(ip) ?? 0) > 1)) {
      row.flags.push('duplicateIp');
    }
  }

  return rows;
}

/** Rows with at least one flag when `onlyProblems`, else all rows (same array). */
export function problemRows(rows: HealthRow[], onlyProblems: boolean): HealthRow[] {
  return onlyProblems ? rows.filter((r) => r.flags.length > 0) : rows;
}
