import { ApiError, K8sObject, Obj } from '../types';
import { idOf, randomSuffix } from '../store';
import {
  KUBEVIRT_ID, MIGRATION_IFACE, rfc3339, splitId, T
} from './constants';
import { SimContext } from './context';
import { virtHandlerNodes, virtHandlerPods } from './daemonset';
import { hex, parseNetworkStatus } from './pods';
import { failMigration, transferSteps } from './migration-outcomes';

interface MigrationState { completed?: boolean; [key: string]: unknown }

/** W1's test: a VMIM counts until it is being deleted or `status.migrationState.completed` (a Pending VMIM without migrationState panics Harvester's webhook; the simulator treats it as in progress). */
export function isVmimInProgressForW1(vmim: K8sObject): boolean {
  const state = (vmim.status as { migrationState?: MigrationState } | undefined)?.migrationState;

  return !vmim.metadata.deletionTimestamp && !state?.completed;
}

/**
 * The address the target's virt-handler listens on (kubevirt pkg/virt-handler/migration.go FindMigrationIP, read at
 * start-up): the `migration0` IP from its network-status, else its pod IP. Undefined when it is not running.
 */
export function migrationAddress(ctx: SimContext, nodeName: string): string | undefined {
  const pod = virtHandlerPods(ctx).find((p) => (p.spec as { nodeName?: string }).nodeName === nodeName && (p.status as { phase?: string }).phase === 'Running');

  if (!pod) {
    return undefined;
  }
  const migration = parseNetworkStatus(pod).find((n) => n.interface === MIGRATION_IFACE);

  return migration?.ips?.[0] ?? String((pod.status as { podIP?: string }).podIP ?? '');
}

const PHASES = ['Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running', 'Succeeded'];

function vmiState(vmi: K8sObject): MigrationState {
  return ((vmi.status as { migrationState?: MigrationState } | undefined)?.migrationState) ?? {};
}

/** An event virt-handler on the target records on the VMI (reason PreparingTarget, as migration-target.go does). */
function targetEvent(ctx: SimContext, vmi: K8sObject, target: string, message: string): void {
  const now = rfc3339(ctx.now());

  ctx.store.create(T.event, {
    apiVersion:     'v1',
    kind:           'Event',
    metadata:       { name: `${ vmi.metadata.name }.${ hex(8) }`, namespace: vmi.metadata.namespace },
    involvedObject: {
      apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', name: vmi.metadata.name, namespace: vmi.metadata.namespace, uid: vmi.metadata.uid
    },
    reason:         'PreparingTarget',
    message,
    type:           'Normal',
    source:         { component: 'virt-handler', host: target },
    count:          1,
    firstTimestamp: now,
    lastTimestamp:  now,
  });
}

/** Moves a VMIM (and its VMI) one phase on, as virt-controller and virt-handler do during a live migration. */
function advance(ctx: SimContext, vmimId: string, vmiId: string, target: string): void {
  const { store } = ctx;
  const vmim = store.get(T.vmim, vmimId);
  const vmi = store.get(T.vmi, vmiId);
  const phase = String((vmim?.status as Obj | undefined)?.phase ?? '');

  // Gone, aborted (deleted, waiting for its finalizer) or over: nothing more to move on.
  if (!vmim || !vmi || vmim.metadata.deletionTimestamp || !PHASES.includes(phase) || phase === 'Succeeded') {
    return;
  }
  const now = rfc3339(ctx.now());
  const next = PHASES[PHASES.indexOf(phase) + 1];
  const address = migrationAddress(ctx, target);
  const source = String((vmi.status as Obj).nodeName ?? '');

  if (next === 'PreparingTarget' && !address) {
    store.patch(T.vmim, vmimId, (obj) => {
      const status = obj.status as Obj;

      Object.assign(status, {
        phase:          'Failed',
        migrationState: {
          completed: true, failed: true, failureReason: `virt-handler on ${ target } is not running`
        }
      });
      (status.phaseTransitionTimestamps as Obj[]).push({ phase: 'Failed', phaseTransitionTimestamp: now });
      obj.metadata.finalizers = [];
    });

    return;
  }
  store.patch(T.vmim, vmimId, (obj) => {
    const status = obj.status as Obj;

    status.phase = next;
    (status.phaseTransitionTimestamps as Obj[]).push({ phase: next, phaseTransitionTimestamp: now });
    if (next === 'Running') {
      status.migrationState = { sourcePod: vmiState(vmi).targetPod ?? `virt-launcher-${ vmi.metadata.name }-${ randomSuffix() }` };
    }
  });
  if (next === 'PreparingTarget') {
    const ports = [38000 + Math.floor(Math.random() * 1000), 41000 + Math.floor(Math.random() * 1000), 43000 + Math.floor(Math.random() * 1000)];

    targetEvent(ctx, vmi, target, `Migration Target is listening at ${ address }, on ports: ${ ports.join(',') }`);
  } else if (next === 'TargetReady') {
    targetEvent(ctx, vmi, target, 'VirtualMachineInstance Migration Target Prepared.');
  }
  store.patch(T.vmi, vmiId, (obj) => updateVmi(ctx, obj, store.get(T.vmim, vmimId) as K8sObject, next, source, target, address as string, now));
  if (next === 'Running') {
    const steps = transferSteps(vmi);
    const failure = ctx.failures.get('MigrationFailed');

    ctx.failures.delete('MigrationFailed');
    ctx.scheduler.after(failure === undefined ? steps : Math.ceil(steps / 2), () => (failure === undefined ? advance(ctx, vmimId, vmiId, target) : failMigration(ctx, vmimId, vmiId, failure)));
  } else if (next !== 'Succeeded') {
    ctx.scheduler.after(1, () => advance(ctx, vmimId, vmiId, target));
  } else {
    store.patch(T.vmim, vmimId, (obj) => {
      (obj.status as Obj).migrationState = structuredClone(vmiState(store.get(T.vmi, vmiId) as K8sObject));
      obj.metadata.finalizers = [];
    });
  }
}

function updateVmi(ctx: SimContext, vmi: K8sObject, vmim: K8sObject, phase: string, source: string, target: string, address: string, now: string): void {
  const status = vmi.status as Obj;
  const annotations: Record<string, string> = {
    ...vmi.metadata.annotations, 'harvesterhci.io/migrationUID': String(vmim.metadata.uid), 'harvesterhci.io/migrationState': phase === 'Pending' ? 'Pending migration' : 'Migrating'
  };
  const network = ((ctx.store.get(T.kubeVirt, KUBEVIRT_ID)?.spec as { configuration?: { migrations?: { network?: string } } } | undefined)?.configuration?.migrations?.network);

  vmi.metadata.annotations = annotations;
  // virt-handler on the target names its address while preparing (migration-target.go), before the copy starts.
  if (phase === 'PreparingTarget' || (phase === 'Succeeded' && !status.migrationState)) {
    status.migrationState = {
      migrationUid:                   vmim.metadata.uid,
      mode:                           'PreCopy',
      sourceNode:                     source,
      sourcePod:                      (vmim.status as { migrationState?: Obj }).migrationState?.sourcePod ?? `virt-launcher-${ vmi.metadata.name }-${ randomSuffix() }`,
      targetNode:                     target,
      targetPod:                      `virt-launcher-${ vmi.metadata.name }-${ randomSuffix() }`,
      targetNodeAddress:              address,
      targetDirectMigrationNodePorts: {
        38373: 0, 41117: 49152, 43573: 49153
      },
      migrationConfiguration: {
        allowAutoConverge: false, allowPostCopy: false, bandwidthPerMigration: '0', completionTimeoutPerGiB: 150, parallelMigrationsPerCluster: 5, parallelOutboundMigrationsPerNode: 2, progressTimeout: 150, ...(network ? { network } : {})
      },
    };
  }
  if (phase === 'Running' || (phase === 'Succeeded' && !(status.migrationState as Obj).startTimestamp)) {
    (status.migrationState as Obj).startTimestamp = now;
  }
  if (phase === 'Succeeded') {
    const state = status.migrationState as Obj;

    Object.assign(state, {
      targetNodeDomainDetected: true, targetNodeDomainReadyTimestamp: now, endTimestamp: now, completed: true
    });
    status.nodeName = target;
    vmi.metadata.labels = {
      ...vmi.metadata.labels, 'kubevirt.io/nodeName': target, 'kubevirt.io/migrationTargetNodeName': target
    };
    delete annotations['harvesterhci.io/migrationUID'];
    delete annotations['harvesterhci.io/migrationState'];
    delete annotations['harvesterhci.io/migrationTargetNodeName'];
  }
}

/**
 * Creates a VirtualMachineInstanceMigration for a running VMI (what Harvester's migrate action or a node drain
 * does) and drives it Pending -> … -> Succeeded, one phase per step. `targetNodeAddress` on the VMI is the target
 * virt-handler's migration IP (pod IP when the migration network is disabled).
 */
export function startMigration(ctx: SimContext, vmiId: string, targetNode?: string): K8sObject {
  const vmi = ctx.store.get(T.vmi, vmiId);

  if (!vmi) {
    throw new ApiError(404, 'NotFound', `virtualmachineinstances.kubevirt.io "${ splitId(vmiId).name }" not found`);
  }
  const source = String((vmi.status as Obj).nodeName ?? '');
  const target = targetNode ?? virtHandlerNodes(ctx).find((n) => n.metadata.name !== source && !(n.spec as Obj | undefined)?.unschedulable)?.metadata.name;

  if (!target) {
    throw new ApiError(500, 'InternalError', 'no node available to migrate to');
  }
  const now = rfc3339(ctx.now());
  const vmim = ctx.store.create(T.vmim, {
    apiVersion: 'kubevirt.io/v1',
    kind:       'VirtualMachineInstanceMigration',
    metadata:   {
      name: '', generateName: `${ vmi.metadata.name }-`, namespace: vmi.metadata.namespace, labels: { 'kubevirt.io/vmi-name': vmi.metadata.name }, finalizers: ['kubevirt.io/migrationJobFinalize']
    },
    // A chosen node: Harvester's action pins the target with addedNodeSelector (handler.go migrate).
    spec:   { vmiName: vmi.metadata.name, ...(targetNode ? { addedNodeSelector: { 'kubernetes.io/hostname': targetNode } } : {}) },
    status: { phase: 'Pending', phaseTransitionTimestamps: [{ phase: 'Pending', phaseTransitionTimestamp: now }] },
  });

  // Harvester's VMIM controller marks the VMI as soon as the VMIM exists (vmim_controller.go: StatePending).
  ctx.store.patch(T.vmi, vmiId, (obj) => {
    obj.metadata.annotations = {
      ...obj.metadata.annotations,
      'harvesterhci.io/migrationUID':   String(vmim.metadata.uid),
      'harvesterhci.io/migrationState': 'Pending migration',
      ...(targetNode ? { 'harvesterhci.io/migrationTargetNodeName': targetNode } : {}),
    };
  });
  ctx.scheduler.after(1, () => advance(ctx, idOf(vmim), vmiId, target));

  return vmim;
}

/** Picks up a VMIM seeded mid-flight (scenario `migrationInProgress`) and drives it to the end. */
export function resumeMigration(ctx: SimContext, vmim: K8sObject): void {
  const phase = String((vmim.status as Obj | undefined)?.phase ?? '');
  const vmiId = `${ vmim.metadata.namespace }/${ (vmim.spec as { vmiName?: string }).vmiName }`;
  const vmi = ctx.store.get(T.vmi, vmiId);

  if (!vmi || phase === 'Succeeded' || phase === 'Failed' || vmim.metadata.deletionTimestamp) {
    return;
  }
  const source = String((vmi.status as Obj).nodeName ?? '');
  const target = vmi.metadata.annotations?.['harvesterhci.io/migrationTargetNodeName'] ?? virtHandlerNodes(ctx).find((n) => n.metadata.name !== source)?.metadata.name;

  if (target) {
    ctx.scheduler.after(1, () => advance(ctx, idOf(vmim), vmiId, target));
  }
}
