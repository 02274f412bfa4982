import { K8sObject } from '../types';
import { HARVESTER_SYSTEM, T, TEMPLATE_GENERATION, VIRT_HANDLER_ID } from './constants';
import { SimContext } from './context';
import { deletePod } from './kubelet';
import { isPodReady, newVirtHandlerPod } from './pods';

type Taint = { key?: string; effect?: string };

/** Taints every DaemonSet pod tolerates (the DaemonSet controller's defaults) plus virt-handler's CriticalAddonsOnly. */
const TOLERATED = new Set([
  'node.kubernetes.io/unschedulable', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable', 'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/pid-pressure', 'node.kubernetes.io/network-unavailable', 'CriticalAddonsOnly',
]);

/** Nodes that run a virt-handler: every node without an untolerated NoSchedule/NoExecute taint (not witness nodes). */
export function virtHandlerNodes(ctx: SimContext): K8sObject[] {
  return ctx.store.list(T.node).filter((node) => !(((node.spec as { taints?: Taint[] } | undefined)?.taints) ?? [])
    .some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !TOLERATED.has(t.key ?? '')));
}

export function virtHandlerPods(ctx: SimContext): K8sObject[] {
  return ctx.store.list(T.pod).filter((p) => p.metadata.namespace === HARVESTER_SYSTEM && p.metadata.labels?.['kubevirt.io'] === 'virt-handler');
}

export const podId = (pod: K8sObject) => `${ pod.metadata.namespace }/${ pod.metadata.name }`;
const nodeOf = (pod: K8sObject) => String((pod.spec as { nodeName?: string }).nodeName);

export function templateGeneration(ds: K8sObject): string {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION] ?? String(ds.metadata.generation ?? 1);
}

/** `maxUnavailable` as an absolute number: percentages round up, as the DaemonSet controller does. */
function maxUnavailable(ds: K8sObject, desired: number): number {
  const raw = ((ds.spec as { updateStrategy?: { rollingUpdate?: { maxUnavailable?: number | string } } }).updateStrategy?.rollingUpdate?.maxUnavailable) ?? 1;

  return typeof raw === 'string' && raw.endsWith('%') ? Math.max(1, Math.ceil(desired * Number(raw.slice(0, -1)) / 100)) : Math.max(1, Number(raw));
}

function createPod(ctx: SimContext, ds: K8sObject, node: K8sObject): void {
  const hostIP = String(((node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []).find((a) => a.type === 'InternalIP')?.address ?? '');

  ctx.store.create(T.pod, newVirtHandlerPod(ds, node.metadata.name, hostIP, ctx.now()));
}

/** DaemonSet status counts as the DaemonSet controller reports them. */
function writeStatus(ctx: SimContext, ds: K8sObject, desired: number): void {
  const generation = templateGeneration(ds);
  const nodes = new Set(virtHandlerNodes(ctx).map((n) => n.metadata.name));
  const pods = virtHandlerPods(ctx).filter((p) => nodes.has(nodeOf(p)));
  const ready = pods.filter(isPodReady).length;
  const status: Record<string, number> = {
    currentNumberScheduled: pods.length,
    desiredNumberScheduled: desired,
    numberAvailable:        ready,
    numberMisscheduled:     0,
    numberReady:            ready,
    observedGeneration:     ds.metadata.generation ?? 1,
    updatedNumberScheduled: pods.filter((p) => p.metadata.labels?.['pod-template-generation'] === generation).length,
  };

  if (desired - ready > 0) {
    status.numberUnavailable = desired - ready;
  }
  if (JSON.stringify(status) !== JSON.stringify(ds.status)) {
    ctx.store.patch(T.daemonSet, VIRT_HANDLER_ID, (obj) => {
      obj.status = status;
    });
  }
}

/**
 * One sync of the DaemonSet controller for `harvester-system/virt-handler`: a pod per eligible node (new nodes
 * get one at once), none elsewhere, and a RollingUpdate that replaces outdated pods while at most
 * `maxUnavailable` nodes lack a ready pod (outdated unready pods are replaced first, outside the budget).
 */
export function reconcileDaemonSet(ctx: SimContext): void {
  const ds = ctx.store.get(T.daemonSet, VIRT_HANDLER_ID);

  if (!ds) {
    return;
  }
  const generation = templateGeneration(ds);
  const nodes = virtHandlerNodes(ctx);
  const names = new Set(nodes.map((n) => n.metadata.name));
  const byNode = new Map<string, K8sObject>();

  for (const pod of virtHandlerPods(ctx)) {
    if (!names.has(nodeOf(pod)) || byNode.has(nodeOf(pod))) {
      deletePod(ctx, podId(pod));
    } else {
      byNode.set(nodeOf(pod), pod);
    }
  }
  for (const node of nodes) {
    if (!byNode.has(node.metadata.name)) {
      createPod(ctx, ds, node);
    }
  }
  const current = nodes.map((n) => byNode.get(n.metadata.name)).filter((p): p is K8sObject => !!p);
  const outdated = current.filter((p) => p.metadata.labels?.['pod-template-generation'] !== generation);
  const replace = (pod: K8sObject) => {
    deletePod(ctx, podId(pod));
    createPod(ctx, ds, ctx.store.get(T.node, nodeOf(pod)) as K8sObject);
  };
  let budget = maxUnavailable(ds, nodes.length) - (nodes.length - current.filter(isPodReady).length);

  outdated.filter((p) => !isPodReady(p)).forEach(replace);
  for (const pod of outdated.filter(isPodReady)) {
    if (budget <= 0) {
      break;
    }
    replace(pod);
    budget--;
  }
  writeStatus(ctx, ctx.store.get(T.daemonSet, VIRT_HANDLER_ID) as K8sObject, nodes.length);
}
