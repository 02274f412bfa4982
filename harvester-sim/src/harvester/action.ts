import { ApiError, K8sObject, Obj } from '../types';
import { KUBEVIRT_ID, splitId, T } from './constants';
import { SimContext } from './context';
import { virtHandlerNodes } from './daemonset';
import { startMigration } from './migrations';
import { isWitness } from './network-checks';

/** Harvester's migrate-action gate: the first `Available` condition must be True with reason AllComponentsReady. */
export function isKubeVirtReady(kubevirt: K8sObject | undefined): boolean {
  const conditions = ((kubevirt?.status as { conditions?: Obj[] } | undefined)?.conditions) ?? [];
  const available = conditions.find((c) => c.type === 'Available');

  return !!available && available.reason === 'AllComponentsReady' && available.status === 'True';
}

/**
 * Harvester's ValidateVMMigratable (pkg/util/virtualmachineinstance): why a running VMI cannot be live-migrated,
 * in Harvester's words, or undefined. The last check reads KubeVirt's own `LiveMigratable` condition.
 */
export function unmigratableReason(vmi: K8sObject): string | undefined {
  const id = `${ vmi.metadata.namespace }/${ vmi.metadata.name }`;
  const spec = (vmi.spec ?? {}) as { nodeSelector?: Record<string, string>; domain?: { devices?: { hostDevices?: unknown[]; gpus?: unknown[] } } };
  const status = (vmi.status ?? {}) as { phase?: string; conditions?: Obj[] };
  const notLive = (why: string) => `VM ${ id } is not live migratable as ${ why }`;
  const condition = (status.conditions ?? []).find((c) => c.type === 'LiveMigratable');

  if (status.phase !== 'Running') {
    return notLive('it is not running');
  }
  if (vmi.metadata.annotations?.['harvesterhci.io/migrationUID']) {
    return notLive('it is already in a migrating state');
  }
  if (spec.nodeSelector?.['kubernetes.io/hostname']) {
    return notLive('node selector is set');
  }
  if (spec.domain?.devices?.hostDevices?.length) {
    return notLive('PCIe or USB devices are attached');
  }
  if (spec.domain?.devices?.gpus?.length) {
    return notLive('vGPU devices are attached');
  }

  return condition?.status === 'False' ? notLive(`the condition reported with reason: ${ String(condition.reason ?? '') }`) : undefined;
}

/** Harvester's formatter links `migrate` on a VM whose VMI may migrate, in a cluster of two nodes or more. */
export function canMigrate(ctx: SimContext, vm: K8sObject): boolean {
  const vmi = ctx.store.get(T.vmi, `${ vm.metadata.namespace }/${ vm.metadata.name }`);

  return !!vmi && !vmi.metadata.deletionTimestamp && !vmi.metadata.annotations?.['harvesterhci.io/migrationState'] && ctx.store.list(T.node).length >= 2 && !unmigratableReason(vmi);
}

/**
 * `POST …/kubevirt.io.virtualmachines/<ns>/<name>?action=migrate` body `{nodeName?}` (harvester/harvester
 * pkg/api/vm/handler.go `migrate`): VMI running and ready, target node migratable, KubeVirt ready
 * (`KubeVirt is not ready`, HTTP 500), target ≠ current node; then a VMIM `<vm>-xxxxx` is created.
 */
export function migrateAction(ctx: SimContext, vmId: string, body: { nodeName?: string } = {}): K8sObject {
  const { store } = ctx;
  const { name } = splitId(vmId);

  if (!store.get(T.vm, vmId)) {
    throw new ApiError(404, 'NotFound', `virtualmachines.kubevirt.io "${ name }" not found`);
  }
  const vmi = store.get(T.vmi, vmId);

  if (!vmi) {
    throw new ApiError(404, 'NotFound', `virtualmachineinstances.kubevirt.io "${ name }" not found`);
  }
  const status = (vmi.status ?? {}) as { phase?: string; nodeName?: string; conditions?: Obj[] };

  if (status.phase !== 'Running') {
    throw new ApiError(500, 'InternalError', 'The VM is not in running state');
  }
  if (!(status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')) {
    throw new ApiError(500, 'InternalError', 'Can\'t migrate the VM, the VM is not in ready status');
  }
  const unmigratable = unmigratableReason(vmi);

  if (unmigratable) {
    throw new ApiError(500, 'InternalError', unmigratable);
  }
  const nodeName = body.nodeName ?? '';

  if (nodeName) {
    const node = store.get(T.node, nodeName);
    const migratable = node && !isWitness(node) && !(node.spec as Obj | undefined)?.unschedulable && virtHandlerNodes(ctx).some((n) => n.metadata.name === nodeName);

    if (!migratable) {
      throw new ApiError(500, 'InternalError', 'The target node is non-migratable');
    }
  }
  const kubevirt = store.get(T.kubeVirt, KUBEVIRT_ID);

  if (!kubevirt) {
    throw new ApiError(500, 'InternalError', 'kubevirts.kubevirt.io "kubevirt" not found');
  }
  if (!isKubeVirtReady(kubevirt)) {
    throw new ApiError(500, 'InternalError', 'KubeVirt is not ready');
  }
  if (nodeName && nodeName === status.nodeName) {
    throw new ApiError(422, 'InvalidBodyContent', 'The VM is currently running on the target node');
  }

  return startMigration(ctx, vmId, nodeName || undefined);
}

/**
 * `?action=findMigratableNodes` (handler.go findMigratableNodesByVMI): the nodes Harvester would migrate the VM to,
 * `{ nodes }`. Modelled: every other node that runs VMs (not a witness), is schedulable and has a virt-handler; the
 * VM's own node affinity is not (the simulator's VMs have none).
 */
export function migratableNodes(ctx: SimContext, vmId: string): { nodes: string[] } {
  const vmi = ctx.store.get(T.vmi, vmId);

  if (!vmi) {
    throw new ApiError(404, 'NotFound', `virtualmachineinstances.kubevirt.io "${ splitId(vmId).name }" not found`);
  }
  const source = (vmi.status as { nodeName?: string } | undefined)?.nodeName;

  return { nodes: virtHandlerNodes(ctx).filter((n) => n.metadata.name !== source && !isWitness(n) && !(n.spec as Obj | undefined)?.unschedulable).map((n) => n.metadata.name) };
}
