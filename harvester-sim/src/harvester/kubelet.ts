import { K8sObject } from '../types';
import { HARVESTER_SYSTEM, MIGRATION_IFACE, rfc3339, T } from './constants';
import { SimContext } from './context';
import { ipamRanges, parseNadConfig } from './nad';
import {
  hex, markReady, markStarted, NetworkStatus, randomMac, requestedNetwork
} from './pods';
import { allocate, release } from './whereabouts';
import {
  broadcastOf, Cidr, ipv4ToString, parseCIDR, parseIPv4
} from './ipnet';

/** Pods whose sandbox failed, retried when an IP pool changes (kubelet's backoff, without the timer). */
const STUCK = new WeakMap<SimContext, Set<string>>();

export function stuckPods(ctx: SimContext): Set<string> {
  let set = STUCK.get(ctx);

  if (!set) {
    set = new Set();
    STUCK.set(ctx, set);
  }

  return set;
}

/** Next pod IP from the node's podCIDR (10.52.<n>.0/24), after the highest one used by pods there. */
function nextPodIP(ctx: SimContext, nodeName: string): string {
  const node = ctx.store.get(T.node, nodeName);
  const cidr = parseCIDR(String((node?.spec as { podCIDR?: string } | undefined)?.podCIDR ?? '10.52.0.0/24')).cidr as Cidr;
  const size = broadcastOf(cidr.network, cidr.prefix) - cidr.network;
  const used = ctx.store.list(T.pod).filter((p) => (p.spec as { nodeName?: string }).nodeName === nodeName)
    .map((p) => parseIPv4(String((p.status as { podIP?: string } | undefined)?.podIP ?? '')))
    .filter((ip): ip is number => ip !== undefined && ip > cidr.network && ip - cidr.network < size)
    .map((ip) => ip - cidr.network);
  const first = Math.min(10, size - 1);
  const next = used.length ? Math.max(...used) + 1 : first;

  return ipv4ToString(cidr.network + (next < size ? next : first));
}

/** kubelet's text for a sandbox whose Multus attachment failed in whereabouts. */
export function sandboxFailureMessage(pod: K8sObject, nad: string, reason: string, sandbox: string): string {
  return `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${ sandbox }": plugin type="multus" name="multus-cni-network" failed (add): [${ HARVESTER_SYSTEM }/${ pod.metadata.name }/${ pod.metadata.uid }:${ nad }]: error adding container to network "${ nad }": error at storage engine: ${ reason }`;
}

/**
 * kubelet's FailedCreatePodSandBox event with the Multus → whereabouts error chain;
 * a repeat bumps `count` and `lastTimestamp`.
 */
function sandboxFailed(ctx: SimContext, pod: K8sObject, nad: string, reason: string, sandbox: string): void {
  const { store } = ctx;
  const ts = rfc3339(ctx.now());
  const node = String((pod.spec as { nodeName?: string }).nodeName);
  const existing = store.list(T.event).find((e) => (e.involvedObject as { uid?: string }).uid === pod.metadata.uid && e.reason === 'FailedCreatePodSandBox');
  const message = sandboxFailureMessage(pod, nad, reason, sandbox);

  if (existing) {
    store.patch(T.event, `${ existing.metadata.namespace }/${ existing.metadata.name }`, (e) => {
      Object.assign(e, {
        message, count: Number(e.count ?? 1) + 1, lastTimestamp: ts
      });
    });

    return;
  }
  store.create(T.event, {
    apiVersion:     'v1',
    kind:           'Event',
    metadata:       { name: `${ pod.metadata.name }.${ hex(8) }`, namespace: HARVESTER_SYSTEM },
    involvedObject: {
      apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, namespace: HARVESTER_SYSTEM, uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion
    },
    reason:             'FailedCreatePodSandBox',
    message,
    type:               'Warning',
    source:             { component: 'kubelet', host: node },
    count:              1,
    firstTimestamp:     ts,
    lastTimestamp:      ts,
    reportingComponent: 'kubelet',
    reportingInstance:  node,
  });
}

/**
 * Creates the pod sandbox: Multus attaches `migration0` from the NAD named in the pod's networks annotation,
 * whereabouts assigns its IP; on failure the pod stays Pending/ContainerCreating with an event.
 * Returns true when the pod started.
 */
export function createSandbox(ctx: SimContext, id: string): boolean {
  const pod = ctx.store.get(T.pod, id);
  const node = String((pod?.spec as { nodeName?: string } | undefined)?.nodeName);

  if (!pod || (pod.status as { phase?: string }).phase !== 'Pending' || !nodeReady(ctx, node)) {
    return false;
  }
  const podIP = String((pod.status as { podIP?: string }).podIP ?? nextPodIP(ctx, node));
  const entries: NetworkStatus[] = [{
    name: 'k8s-pod-network', ips: [podIP], default: true, dns: {}
  }];
  const wanted = requestedNetwork(pod);
  const sandbox = hex(32);

  if (wanted) {
    const nad = ctx.store.get(T.nad, `${ HARVESTER_SYSTEM }/${ wanted.nad }`);
    const ranges = ipamRanges(nad ? parseNadConfig(nad) : undefined);

    if (ranges.length === 0) {
      stuckPods(ctx).add(id);

      return false;
    }
    // One address per range (per family in dual stack), in the config's order, as Multus reports them.
    const results = ranges.map((r) => allocate(ctx, r, id, sandbox, wanted.iface));
    const failed = results.find((r) => 'error' in r);

    if (failed && 'error' in failed) {
      release(ctx, id, wanted.iface);
      stuckPods(ctx).add(id);
      sandboxFailed(ctx, pod, wanted.nad, failed.error, sandbox);

      return false;
    }
    entries.push({
      name: `${ HARVESTER_SYSTEM }/${ wanted.nad }`, interface: wanted.iface, ips: results.map((r) => ('ip' in r ? r.ip : '')), mac: randomMac(), dns: {}
    });
  }
  stuckPods(ctx).delete(id);
  ctx.store.patch(T.pod, id, (p) => markStarted(p, podIP, entries, ctx.now()));

  return true;
}

/** A kubelet that stopped posting status does nothing (node Ready not True). */
export function nodeReady(ctx: SimContext, name: string): boolean {
  const conditions = ((ctx.store.get(T.node, name)?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions) ?? [];

  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

export function podReady(ctx: SimContext, id: string): void {
  const pod = ctx.store.get(T.pod, id);

  if (pod && nodeReady(ctx, String((pod.spec as { nodeName?: string }).nodeName))) {
    ctx.store.patch(T.pod, id, (p) => markReady(p, ctx.now()));
  }
}

/** Deletes a pod; whereabouts releases its `migration0` address (CNI DEL). */
export function deletePod(ctx: SimContext, id: string): void {
  if (ctx.store.get(T.pod, id)) {
    ctx.store.remove(T.pod, id);
  }
  stuckPods(ctx).delete(id);
  release(ctx, id, MIGRATION_IFACE);
}
