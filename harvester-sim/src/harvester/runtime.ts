import { ChangeEvent } from '../types';
import { HARVESTER_SYSTEM, T } from './constants';
import { SimContext } from './context';
import { reconcileDaemonSet, virtHandlerPods, podId } from './daemonset';
import { createSandbox, podReady, stuckPods } from './kubelet';
import { reconcileKubeVirt } from './kubevirt';
import { isPodReady } from './pods';

const isHandler = (event: ChangeEvent) => event.type === T.pod && event.object.metadata.namespace === HARVESTER_SYSTEM && event.object.metadata.labels?.['kubevirt.io'] === 'virt-handler';

/** kubelet for one pod: sandbox one step after scheduling, ready one step after starting. */
function kubelet(ctx: SimContext, id: string): void {
  const pod = ctx.store.get(T.pod, id);
  const phase = (pod?.status as { phase?: string } | undefined)?.phase;

  if (phase === 'Pending') {
    ctx.scheduler.after(1, () => createSandbox(ctx, id), `sandbox:${ id }`);
  } else if (pod && phase === 'Running' && !isPodReady(pod)) {
    ctx.scheduler.after(1, () => podReady(ctx, id), `ready:${ id }`);
  }
}

/**
 * Wires virt-operator, the DaemonSet controller and the kubelets to store events. Each reacts one step after
 * what it watches changed; work queues are coalesced per key. Returns the unsubscribe function.
 */
export function installRuntime(ctx: SimContext): () => void {
  const operator = () => ctx.scheduler.after(1, () => reconcileKubeVirt(ctx), 'virt-operator');
  const daemonSet = () => ctx.scheduler.after(1, () => reconcileDaemonSet(ctx), 'daemonset');
  const retryStuck = () => [...stuckPods(ctx)].forEach((id) => ctx.scheduler.after(1, () => createSandbox(ctx, id), `sandbox:${ id }`));

  operator();
  daemonSet();
  virtHandlerPods(ctx).forEach((pod) => kubelet(ctx, podId(pod)));

  return ctx.store.onChange((event) => {
    if (event.type === T.kubeVirt || event.type === T.daemonSet) {
      operator();
      if (event.type === T.daemonSet) {
        daemonSet();
      }
    } else if (isHandler(event)) {
      operator();
      daemonSet();
      if (event.kind !== 'remove') {
        kubelet(ctx, podId(event.object));
      }
    } else if (event.type === T.node) {
      daemonSet();
      virtHandlerPods(ctx).filter((p) => (p.spec as { nodeName?: string }).nodeName === event.object.metadata.name).forEach((p) => kubelet(ctx, podId(p)));
    } else if ((event.type === T.ipPool && event.kind !== 'create') || (event.type === T.nad && event.kind === 'create')) {
      retryStuck();
    }
  });
}
