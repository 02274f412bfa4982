import {
  DaemonSet, FleetClusterInputs, IPPool, KubeVirt, KUBEVIRT_ID, SETTING_ID, Setting, STEVE_TYPES, VIRT_HANDLER_ID, ipPoolId, parseValue
} from '../core';
import { RequestFn } from './setting-client';

/** Harvester's own setting holding its version (e.g. `v1.8.0`). */
const SERVER_VERSION_SETTING = 'server-version';

/** A cluster that has not answered by then is shown as failing to answer; the others are not held up. */
export const SUMMARY_TIMEOUT_MS = 10_000;

/** A management cluster as the overview needs it. */
export interface FleetCluster {
  id: string;
  name: string;
  connected: boolean;
}

interface RequestError {
  _status?: number;
  message?: string;
}

type Fetched<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ ms / 1000 } s`), { _status: 0 })), ms);

    promise.then((v) => {
      clearTimeout(timer);
      resolve(v);
    }, (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

async function fetchOne<T>(request: RequestFn, url: string, timeoutMs: number): Promise<Fetched<T>> {
  try {
    return { ok: true, body: await withTimeout(request({ url, method: 'GET' }), timeoutMs) as T };
  } catch (err) {
    const e = (err && typeof err === 'object' ? err : { message: String(err) }) as RequestError;

    return {
      ok: false, status: e._status ?? 0, message: e.message ?? ''
    };
  }
}

/**
 * Reads the few small objects a fleet row needs, by id (at most 5 requests, none of them a list of pods or
 * nodes). The Setting decides whether the cluster can be read at all; the others only skip their checks when
 * missing or forbidden. A disconnected cluster is not asked anything.
 */
export async function fetchClusterSummary(request: RequestFn, cluster: FleetCluster, timeoutMs = SUMMARY_TIMEOUT_MS): Promise<FleetClusterInputs> {
  const base: FleetClusterInputs = {
    id: cluster.id, name: cluster.name, connected: cluster.connected, unknown: {}
  };

  if (!cluster.connected) {
    return base;
  }
  const steve = `/k8s/clusters/${ encodeURIComponent(cluster.id) }/v1`;
  const [setting, version, kubeVirt, daemonSet] = await Promise.all([
    fetchOne<Setting>(request, `${ steve }/${ STEVE_TYPES.setting }s/${ SETTING_ID }`, timeoutMs),
    fetchOne<Setting>(request, `${ steve }/${ STEVE_TYPES.setting }s/${ SERVER_VERSION_SETTING }`, timeoutMs),
    fetchOne<KubeVirt>(request, `${ steve }/${ STEVE_TYPES.kubeVirt }s/${ KUBEVIRT_ID }`, timeoutMs),
    fetchOne<DaemonSet>(request, `${ steve }/${ STEVE_TYPES.daemonSet }s/${ VIRT_HANDLER_ID }`, timeoutMs),
  ]);

  if (!setting.ok) {
    const kind = setting.status === 403 ? 'forbidden' : setting.status === 404 ? 'notHarvester' : 'failed';

    return { ...base, unreachable: { kind, message: setting.message || (setting.status ? `HTTP ${ setting.status }` : '') } };
  }
  const range = parseValue(setting.body.value).value?.range;
  const ipPool = range ? await fetchOne<IPPool>(request, `${ steve }/${ STEVE_TYPES.ipPool }s/${ ipPoolId(range) }`, timeoutMs) : undefined;

  return {
    ...base,
    setting:   setting.body,
    version:   version.ok ? version.body.value || version.body.default : undefined,
    kubeVirt:  kubeVirt.ok ? kubeVirt.body : undefined,
    daemonSet: daemonSet.ok ? daemonSet.body : undefined,
    // An IPPool that does not exist yet holds no addresses: no node has a migration IP.
    ipPool:    ipPool?.ok ? ipPool.body : ipPool?.status === 404 ? { spec: { range, allocations: {} } } : undefined,
    unknown:   {
      kubeVirt: !kubeVirt.ok, daemonSet: !daemonSet.ok, ipPool: !!ipPool && !ipPool.ok && ipPool.status !== 404
    },
  };
}
