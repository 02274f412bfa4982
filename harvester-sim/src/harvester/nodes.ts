import { ApiError } from '../types';
import { idOf } from '../store';
import { LABEL_CLUSTER_NETWORK, LABEL_MATCHED_NODES, rfc3339, T } from './constants';
import { SimContext } from './context';
import { makeNode, makeVlanStatus } from './factories';
import { decodeStringList } from './godecode';

/** Rewrites a VlanConfig's matched-nodes annotation (network-controller's node controller keeps it current). */
function setMatched(ctx: SimContext, vcName: string, update: (nodes: string[]) => string[]): void {
  ctx.store.patch(T.vlanConfig, vcName, (vc) => {
    const current = decodeStringList(vc.metadata.annotations?.[LABEL_MATCHED_NODES] ?? '[]').list ?? [];

    vc.metadata.annotations = { ...vc.metadata.annotations, [LABEL_MATCHED_NODES]: JSON.stringify(update(current)) };
  });
}

/**
 * A node joins: Node object (witness variant optional); for a non-witness node every VlanConfig with an empty
 * nodeSelector matches it (matched-nodes + a ready VlanStatus + the agent's node labels). The DaemonSet
 * controller then schedules a virt-handler there, which needs a migration IP when the network is enabled.
 */
export function addNode(ctx: SimContext, name: string, opts: { witness?: boolean } = {}): string {
  if (ctx.store.get(T.node, name)) {
    throw new ApiError(409, 'AlreadyExists', `nodes "${ name }" already exists`);
  }
  const now = rfc3339(ctx.now());
  const configs = opts.witness ? [] : ctx.store.list(T.vlanConfig).filter((vc) => Object.keys((vc.spec as { nodeSelector?: object } | undefined)?.nodeSelector ?? {}).length === 0);
  const networks = configs.map((vc) => String(vc.metadata.labels?.[LABEL_CLUSTER_NETWORK] ?? (vc.spec as { clusterNetwork?: string }).clusterNetwork));
  const used = new Set(ctx.store.list(T.node).map((n) => String((n.spec as { podCIDR?: string } | undefined)?.podCIDR)));
  const podPrefix = [...used].some((c) => c.endsWith('/26')) ? 26 : 24;
  const make = (i: number) => makeNode(name, i, {
    podPrefix, witness: opts.witness, clusterNetworks: networks, vlanConfig: configs[0]?.metadata.name, created: now
  });
  let index = ctx.store.list(T.node).length;

  while (used.has(String((make(index).spec as { podCIDR: string }).podCIDR))) {
    index++;
  }
  const node = make(index);

  ctx.store.create(T.node, node);
  configs.forEach((vc, i) => {
    const vlan = Number(ctx.store.get(T.clusterNetwork, networks[i])?.metadata.annotations?.['network.harvesterhci.io/vlan-id-set-str']?.split(',')[0] ?? 1);

    setMatched(ctx, vc.metadata.name, (nodes) => [...nodes.filter((n) => n !== name), name]);
    ctx.store.create(T.vlanStatus, makeVlanStatus(networks[i], vc.metadata.name, name, vlan, now));
  });

  return name;
}

/** A node leaves: its VlanStatuses and matched-nodes entries go; the DaemonSet controller deletes its pod. */
export function removeNode(ctx: SimContext, name: string): void {
  if (!ctx.store.get(T.node, name)) {
    throw new ApiError(404, 'NotFound', `nodes "${ name }" not found`);
  }
  ctx.store.remove(T.node, name);
  for (const vs of ctx.store.list(T.vlanStatus).filter((v) => v.metadata.labels?.['network.harvesterhci.io/node'] === name)) {
    ctx.store.remove(T.vlanStatus, idOf(vs));
  }
  for (const vc of ctx.store.list(T.vlanConfig)) {
    const matched = decodeStringList(vc.metadata.annotations?.[LABEL_MATCHED_NODES] ?? '[]').list ?? [];

    if (matched.includes(name)) {
      setMatched(ctx, vc.metadata.name, (nodes) => nodes.filter((n) => n !== name));
    }
  }
}
