import { ApiError, K8sObject, Obj } from '../types';
import { rfc3339, T } from './constants';
import { SimContext } from './context';

const UNITS: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9
};

/** A Kubernetes memory quantity in bytes (`3996Mi`, `4Gi`, `512M`); undefined when unreadable. */
export function quantityBytes(text: unknown): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([KMGT]i?)?$/.exec(String(text ?? ''));

  return match ? Number(match[1]) * (match[2] ? UNITS[match[2]] : 1) : undefined;
}

/** The guest's memory, which a pre-copy migration moves at least once. */
export function guestMemoryBytes(vmi: K8sObject): number {
  const domain = ((vmi.spec as { domain?: { memory?: { guest?: string }; resources?: { requests?: { memory?: string } } } } | undefined)?.domain) ?? {};

  return quantityBytes(domain.memory?.guest) ?? quantityBytes(domain.resources?.requests?.memory) ?? 2 ** 30;
}

/** Steps the memory transfer (phase Running) lasts: one per GiB of guest memory, at least one. */
export function transferSteps(vmi: K8sObject): number {
  return Math.max(1, Math.round(guestMemoryBytes(vmi) / 2 ** 30));
}

/**
 * A migration failing during the transfer, as KubeVirt reports it: the VMIM turns Failed, the VMI's migrationState
 * is completed and failed with the reason (copied to the VMIM), the VMI stays on its source node, and Harvester's
 * migration annotations are removed.
 */
export function failMigration(ctx: SimContext, vmimId: string, vmiId: string, reason: string): void {
  const vmim = ctx.store.get(T.vmim, vmimId);

  // Aborted (deleted) before it could fail.
  if (!vmim || vmim.metadata.deletionTimestamp || !ctx.store.get(T.vmi, vmiId)) {
    return;
  }
  const now = rfc3339(ctx.now());
  const vmi = ctx.store.patch(T.vmi, vmiId, (obj) => {
    const status = obj.status as Obj;

    status.migrationState = {
      ...(status.migrationState as Obj | undefined), endTimestamp: now, completed: true, failed: true, failureReason: reason
    };
    const annotations = { ...obj.metadata.annotations };

    delete annotations['harvesterhci.io/migrationUID'];
    delete annotations['harvesterhci.io/migrationState'];
    delete annotations['harvesterhci.io/migrationTargetNodeName'];
    obj.metadata.annotations = annotations;
  });

  ctx.store.patch(T.vmim, vmimId, (obj) => {
    const status = obj.status as Obj;

    status.phase = 'Failed';
    (status.phaseTransitionTimestamps as Obj[]).push({ phase: 'Failed', phaseTransitionTimestamp: now });
    status.migrationState = structuredClone((vmi?.status as Obj | undefined)?.migrationState);
    obj.metadata.finalizers = [];
  });
}

const ABORTABLE = new Set(['', 'Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running']);
/** Phases in which virt-handler has the migration (KubeVirt's hand-off): an abort is then virt-handler's to do. */
const HANDED_OFF = new Set(['PreparingTarget', 'TargetReady', 'Running']);

/**
 * Harvester's `abortMigration` action (pkg/api/vm/handler.go): the VM must be migrating; its VMIM, found by the
 * VMI's migration uid, is deleted when still abortable. The VMIM keeps its finalizer for one step, Failed: before
 * hand-off KubeVirt adds the `AbortRequested` condition (migration.go); after, virt-handler aborts and the VMI's
 * migrationState says `abortStatus: Succeeded`. The VM stays on its source; Harvester drops its annotations.
 */
export function abortMigration(ctx: SimContext, vmId: string): void {
  const vmi = ctx.store.get(T.vmi, vmId);
  const state = vmi?.metadata.annotations?.['harvesterhci.io/migrationState'];

  if (!vmi || (state !== 'Migrating' && state !== 'Pending migration')) {
    throw new ApiError(500, 'InternalError', 'The VM is not in migrating state');
  }
  const uid = vmi.metadata.annotations?.['harvesterhci.io/migrationUID'];
  const vmim = ctx.store.list(T.vmim).find((m) => m.metadata.uid === uid);

  if (!vmim) {
    return;
  }
  const phase = String((vmim.status as Obj | undefined)?.phase ?? '');

  if (!ABORTABLE.has(phase)) {
    throw new ApiError(500, 'InternalError', `cannot abort the migration as it is in "${ phase }" phase`);
  }
  const now = rfc3339(ctx.now());
  const handedOff = HANDED_OFF.has(phase);
  const after = ctx.store.patch(T.vmi, vmId, (obj) => {
    const status = obj.status as Obj;
    const annotations = { ...obj.metadata.annotations };

    if (handedOff) {
      status.migrationState = {
        ...(status.migrationState as Obj | undefined), migrationUid: uid, abortRequested: true, abortStatus: 'Succeeded', endTimestamp: now, completed: true, failed: true
      };
    }
    delete annotations['harvesterhci.io/migrationUID'];
    delete annotations['harvesterhci.io/migrationState'];
    delete annotations['harvesterhci.io/migrationTargetNodeName'];
    obj.metadata.annotations = annotations;
  });
  const id = `${ vmim.metadata.namespace }/${ vmim.metadata.name }`;

  ctx.store.patch(T.vmim, id, (obj) => {
    const status = obj.status as Obj;

    obj.metadata.deletionTimestamp = now;
    status.phase = 'Failed';
    (status.phaseTransitionTimestamps as Obj[]).push({ phase: 'Failed', phaseTransitionTimestamp: now });
    if (handedOff) {
      status.migrationState = structuredClone((after.status as Obj).migrationState);
    } else {
      status.conditions = [{
        type: 'AbortRequested', status: 'True', lastProbeTime: now
      }];
    }
  });
  ctx.scheduler.after(1, () => {
    if (ctx.store.get(T.vmim, id)) {
      ctx.store.remove(T.vmim, id);
    }
  });
}
