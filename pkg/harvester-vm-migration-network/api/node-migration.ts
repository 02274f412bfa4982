import {
  buildHealth, ClusterNetwork, healthInputFrom, HealthRow, Node, parseValue, Pod, Setting, SETTING_ID, STEVE_TYPES, VlanConfig, VlanStatus
} from '../core';
import { settingsUrl, virtHandlerPodsUrl } from './cluster-summary';
import { RequestError, RequestFn, send } from './request';

/** A read of a cluster's node rows waits at most this long. */
export const NODE_ROWS_TIMEOUT_MS = 15_000;

export type NodeRowsAnswer = { ok: true; rows: HealthRow[] } | { ok: false; error: RequestError };

async function list<T>(request: RequestFn, url: string): Promise<T[]> {
  const answer = await send<{ data?: T[] }>(request, { url, method: 'GET' }, NODE_ROWS_TIMEOUT_MS);

  if (!answer.ok) {
    throw answer.error;
  }

  return answer.body?.data ?? [];
}

/**
 * Each node's row of the health page (its migration IP and flags, in the page's words) for pages that are not ours:
 * Harvester's Hosts list. Six lists through Rancher's proxy: the two settings, the virt-handler pods only, the nodes,
 * and the cluster networks with their VLAN status and configs (whether the network covers each node). Through the
 * management store's request, so it works in Harvester's product, which has its own store.
 */
export async function fetchNodeRows(request: RequestFn, clusterId: string): Promise<NodeRowsAnswer> {
  const steve = `/k8s/clusters/${ encodeURIComponent(clusterId) }/v1`;
  const query = '?exclude=metadata.managedFields';

  try {
    const [settings, pods, nodes, clusterNetworks, vlanStatuses, vlanConfigs] = await Promise.all([
      list<Setting>(request, settingsUrl(steve)),
      list<Pod>(request, virtHandlerPodsUrl(steve)),
      list<Node>(request, `${ steve }/${ STEVE_TYPES.node }${ query }`),
      list<ClusterNetwork>(request, `${ steve }/${ STEVE_TYPES.clusterNetwork }${ query }`),
      list<VlanStatus>(request, `${ steve }/${ STEVE_TYPES.vlanStatus }${ query }`),
      list<VlanConfig>(request, `${ steve }/${ STEVE_TYPES.vlanConfig }${ query }`),
    ]);
    const value = parseValue(settings.find((s) => (s.metadata?.name ?? s.id) === SETTING_ID)?.value).value;
    const input = healthInputFrom({
      settings, pods, nodes, clusterNetworks, vlanStatuses, vlanConfigs
    }, value);

    return { ok: true, rows: buildHealth(input).rows };
  } catch (err) {
    return { ok: false, error: err as RequestError };
  }
}
