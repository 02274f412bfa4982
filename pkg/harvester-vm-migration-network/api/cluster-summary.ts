import {
  DaemonSet, FleetClusterInputs, HARVESTER_SYSTEM_NAMESPACE, IPPool, KubeVirt, KUBEVIRT_ID, Pod, SETTING_ID, Setting, STEVE_TYPES,
  VIRT_HANDLER_ID, VIRT_HANDLER_LABEL, VIRT_HANDLER_LABEL_VALUE, VIRT_HANDLER_POD_UNREAD, ipPoolId, parseValue
} from '../core';
import { FLEET_READ_POLICY } from '../core/fleet-schedule';
import { RequestFn, send } from './request';

/** Harvester's own setting holding its version (e.g. `v1.8.0`). */
const SERVER_VERSION_SETTING = 'server-version';

/** A management cluster as the overview needs it. */
export interface FleetCluster {
  id: string;
  name: string;
  /** Rancher can reach it (`core/rancher-cluster.ts`); otherwise nothing is asked. */
  connected: boolean;
  /** The shell's label of Rancher's state of the cluster ("Active", "Updating", ...). */
  rancherState?: string;
}

type Fetched<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

async function fetchOne<T>(request: RequestFn, url: string, timeoutMs: number): Promise<Fetched<T>> {
  const answer = await send<T>(request, { url, method: 'GET' }, timeoutMs);

  return answer.ok ? answer : {
    ok: false, status: answer.error.status ?? 0, message: answer.error.message
  };
}

/** Both settings a row needs, in one list request: Steve OR-s the comma-separated terms of one `filter`. */
export function settingsUrl(steve: string): string {
  const query = new URLSearchParams({ filter: `metadata.name=${ SETTING_ID },metadata.name=${ SERVER_VERSION_SETTING }`, exclude: 'metadata.managedFields' });

  return `${ steve }/${ STEVE_TYPES.setting }s?${ query }`;
}

/**
 * The virt-handler pods, and no other pod: harvester-system by path, the label by an SQL-cache `filter` (Steve's
 * SQL-cache lists, Rancher's default from 2.12, do not read `labelSelector`).
 */
export function virtHandlerPodsUrl(steve: string): string {
  const query = new URLSearchParams({ filter: `metadata.labels[${ VIRT_HANDLER_LABEL }]=${ VIRT_HANDLER_LABEL_VALUE }` });

  VIRT_HANDLER_POD_UNREAD.forEach((path) => query.append('exclude', path));

  return `${ steve }/pods/${ HARVESTER_SYSTEM_NAMESPACE }?${ query }`;
}

/** The setting of that name in a list answer (matched exactly: Steve's older filter also matches substrings). */
function named(list: { data?: Setting[] }, name: string): Setting | undefined {
  return (list.data ?? []).find((s) => (s.metadata?.name ?? s.id) === name);
}

/**
 * Reads the objects a fleet row needs (at most 5 requests, never the cluster's other pods, its nodes or events): the
 * two settings in one filtered list, then together KubeVirt and the virt-handler DaemonSet by id, the virt-handler
 * pods by namespace and label, and the range's IPPool. The settings decide whether the cluster can be read at all
 * (when they cannot, nothing else is asked); the others only skip their checks when missing or forbidden. A
 * disconnected cluster is not asked anything.
 */
export async function fetchClusterSummary(request: RequestFn, cluster: FleetCluster, timeoutMs = FLEET_READ_POLICY.timeoutMs): Promise<FleetClusterInputs> {
  const base: FleetClusterInputs = {
    id: cluster.id, name: cluster.name, connected: cluster.connected, unknown: {}
  };

  if (!cluster.connected) {
    return base;
  }
  const steve = `/k8s/clusters/${ encodeURIComponent(cluster.id) }/v1`;
  // The settings first, alone: a cluster that fails, refuses or does not answer is asked nothing more. Over
  // HTTP/1.1 (6 connections to Rancher) a silent cluster then holds one connection for its deadline, not four.
  const settings = await fetchOne<{ data?: Setting[] }>(request, settingsUrl(steve), timeoutMs);

  if (!settings.ok) {
    // A 404 here means the Setting type itself is missing: no Harvester behind this cluster.
    const kind = settings.status === 403 ? 'forbidden' : settings.status === 404 ? 'notHarvester' : 'failed';

    return { ...base, unreachable: { kind, message: settings.message || (settings.status ? `HTTP ${ settings.status }` : '') } };
  }
  const setting = named(settings.body, SETTING_ID);

  if (!setting) {
    return { ...base, unreachable: { kind: 'notHarvester', message: '' } };
  }
  const version = named(settings.body, SERVER_VERSION_SETTING);
  const range = parseValue(setting.value).value?.range;
  const [kubeVirt, daemonSet, pods, ipPool] = await Promise.all([
    fetchOne<KubeVirt>(request, `${ steve }/${ STEVE_TYPES.kubeVirt }s/${ KUBEVIRT_ID }`, timeoutMs),
    fetchOne<DaemonSet>(request, `${ steve }/${ STEVE_TYPES.daemonSet }s/${ VIRT_HANDLER_ID }`, timeoutMs),
    fetchOne<{ data?: Pod[] }>(request, virtHandlerPodsUrl(steve), timeoutMs),
    range ? fetchOne<IPPool>(request, `${ steve }/${ STEVE_TYPES.ipPool }s/${ ipPoolId(range) }`, timeoutMs) : undefined,
  ]);

  return {
    ...base,
    setting,
    version:   version ? version.value || version.default : undefined,
    kubeVirt:  kubeVirt.ok ? kubeVirt.body : undefined,
    daemonSet: daemonSet.ok ? daemonSet.body : undefined,
    pods:      pods.ok ? pods.body.data ?? [] : undefined,
    // An IPPool that does not exist yet holds no addresses: no node has a migration IP.
    ipPool:    ipPool?.ok ? ipPool.body : ipPool?.status === 404 ? { spec: { range, allocations: {} } } : undefined,
    unknown:   {
      kubeVirt: !kubeVirt.ok, daemonSet: !daemonSet.ok, pods: !pods.ok, ipPool: !!ipPool && !ipPool.ok && ipPool.status !== 404
    },
  };
}
