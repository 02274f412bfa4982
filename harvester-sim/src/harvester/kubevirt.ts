import { K8sObject, Obj } from '../types';
import {
  INSTALL_STRATEGY_ID, KUBEVIRT_ID, MIGRATION_IFACE, NETWORKS_ANNOTATION, rfc3339, T, TEMPLATE_GENERATION, VIRT_HANDLER_ID
} from './constants';
import { SimContext } from './context';
import { templateGeneration, virtHandlerPods } from './daemonset';
import { isPodReady } from './pods';
import {
  DeploymentConfig, parseDeploymentConfig, REGISTRY, VERSION, withMigrationNetwork
} from './kubevirt-config';

interface KvCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
}

interface KvStatus {
  phase?: string;
  conditions?: KvCondition[];
  observedDeploymentID?: string;
  targetDeploymentID?: string;
  observedDeploymentConfig?: string;
  targetDeploymentConfig?: string;
  observedKubeVirtVersion?: string;
  observedKubeVirtRegistry?: string;
  targetKubeVirtVersion?: string;
  targetKubeVirtRegistry?: string;
  observedGeneration?: number;
  [key: string]: unknown;
}

/** virt-operator's `updateCondition`: timestamps move only when status, reason or message change. */
function setConditions(status: KvStatus, now: string, wanted: [string, string, string, string][], remove: string[] = []): void {
  const conditions = (status.conditions ?? []).filter((c) => !remove.includes(c.type));

  for (const [type, value, reason, message] of wanted) {
    const found = conditions.find((c) => c.type === type);

    if (found && found.status === value && found.reason === reason && found.message === message) {
      continue;
    }
    const next = {
      type, status: value, reason, message, lastProbeTime: now, lastTransitionTime: now
    };

    if (found) {
      conditions[conditions.indexOf(found)] = next;
    } else {
      conditions.push(next);
    }
  }
  status.conditions = conditions;
}

const statusOf = (kv: K8sObject) => (kv.status ?? {}) as KvStatus;
const migrationNetworkOf = (kv: K8sObject) => ((kv.spec as { configuration?: { migrations?: { network?: string } } } | undefined)?.configuration?.migrations?.network) || undefined;

/** `UpdateConditionsUpdating`: a new install strategy (here: a new MigrationNetwork) is being rolled out. */
function startUpdate(ctx: SimContext, kv: K8sObject, target: DeploymentConfig): void {
  ctx.store.patch(T.kubeVirt, KUBEVIRT_ID, (obj) => {
    const status = statusOf(obj);
    const msg = `Transitioning from previous version ${ status.observedKubeVirtVersion ?? VERSION } with registry ${ status.observedKubeVirtRegistry ?? REGISTRY } to target version ${ status.targetKubeVirtVersion ?? VERSION } using registry ${ status.targetKubeVirtRegistry ?? REGISTRY }`;

    Object.assign(status, {
      phase: 'Deploying', targetDeploymentID: target.id, targetDeploymentConfig: JSON.stringify(target), observedGeneration: kv.metadata.generation
    });
    setConditions(status, rfc3339(ctx.now()), [['Available', 'True', 'UpdateInProgress', msg], ['Progressing', 'True', 'UpdateInProgress', msg], ['Degraded', 'True', 'UpdateInProgress', msg]], ['Created']);
    obj.status = status;
  });
}

/** Applies the install strategy to the virt-handler DaemonSet (daemonsets.go: the `<nad>@migration0` annotation). */
function syncDaemonSet(ctx: SimContext, target: DeploymentConfig): void {
  ctx.store.patch(T.daemonSet, VIRT_HANDLER_ID, (ds) => {
    const spec = ds.spec as { template: { metadata: { annotations?: Record<string, string> } }; updateStrategy?: { type?: string; rollingUpdate?: Obj } };
    const annotations = { ...spec.template.metadata.annotations };
    const network = target.additionalProperties.MigrationNetwork;

    if (network) {
      annotations[NETWORKS_ANNOTATION] = `${ network }@${ MIGRATION_IFACE }`;
    } else {
      delete annotations[NETWORKS_ANNOTATION];
    }
    annotations[INSTALL_STRATEGY_ID] = target.id;
    spec.template.metadata.annotations = annotations;
    spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { ...spec.updateStrategy?.rollingUpdate, maxUnavailable: 1 } };
    ds.metadata.annotations = {
      ...ds.metadata.annotations, [TEMPLATE_GENERATION]: String(Number(templateGeneration(ds)) + 1), [INSTALL_STRATEGY_ID]: target.id
    };
  });
}

function setMaxUnavailable(ctx: SimContext, value: number | string): void {
  const ds = ctx.store.get(T.daemonSet, VIRT_HANDLER_ID) as K8sObject;
  const rolling = (ds.spec as { updateStrategy?: { rollingUpdate?: { maxUnavailable?: number | string } } }).updateStrategy?.rollingUpdate;

  if (rolling?.maxUnavailable !== value) {
    ctx.store.patch(T.daemonSet, VIRT_HANDLER_ID, (obj) => {
      const spec = obj.spec as { updateStrategy?: { type?: string; rollingUpdate?: Obj } };

      spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { ...spec.updateStrategy?.rollingUpdate, maxUnavailable: value } };
    });
  }
}

/**
 * One loop of virt-operator for `harvester-system/kubevirt` (kubevirt pkg/virt-operator/kubevirt.go, util/conditions.go,
 * resource/apply/apps.go): a changed `migrations.network` means a new deployment ID -> UpdateInProgress; the
 * DaemonSet template is updated -> DeploymentInProgress while virt-handlers roll (canary with maxUnavailable 1,
 * then 10%, then back to 1) -> Available/AllComponentsReady once every virt-handler is updated and ready.
 * Returns true when it wrote something.
 */
export function reconcileKubeVirt(ctx: SimContext): boolean {
  const kv = ctx.store.get(T.kubeVirt, KUBEVIRT_ID);
  const ds = ctx.store.get(T.daemonSet, VIRT_HANDLER_ID);

  if (!kv || !ds) {
    return false;
  }
  const status = statusOf(kv);
  const current = parseDeploymentConfig(status.targetDeploymentConfig);
  const wanted = migrationNetworkOf(kv);

  if (!current || (current.additionalProperties.MigrationNetwork || undefined) !== wanted) {
    startUpdate(ctx, kv, withMigrationNetwork(current, wanted));

    return true;
  }
  if (status.observedDeploymentID === current.id && status.phase === 'Deployed') {
    return false;
  }
  if (ds.spec && (ds.spec as { template?: { metadata?: { annotations?: Record<string, string> } } }).template?.metadata?.annotations?.[INSTALL_STRATEGY_ID] !== current.id) {
    syncDaemonSet(ctx, current);

    return true;
  }
  const counts = (ds.status ?? {}) as Record<string, number>;
  const desired = counts.desiredNumberScheduled ?? 0;
  const done = counts.observedGeneration === ds.metadata.generation && counts.updatedNumberScheduled === desired && counts.numberReady === desired;
  const now = rfc3339(ctx.now());

  if (done) {
    setMaxUnavailable(ctx, 1);
    ctx.store.patch(T.kubeVirt, KUBEVIRT_ID, (obj) => {
      const next = statusOf(obj);
      const msg = 'All components are ready.';

      Object.assign(next, {
        phase: 'Deployed', observedDeploymentID: current.id, observedDeploymentConfig: JSON.stringify(current)
      });
      setConditions(next, now, [['Available', 'True', 'AllComponentsReady', msg], ['Progressing', 'False', 'AllComponentsReady', msg], ['Degraded', 'False', 'AllComponentsReady', msg], ['Created', 'True', 'AllResourcesCreated', 'All resources were created.']]);
      obj.status = next;
    });

    return true;
  }
  const generation = templateGeneration(ds);

  if (virtHandlerPods(ctx).some((p) => p.metadata.labels?.['pod-template-generation'] === generation && isPodReady(p))) {
    setMaxUnavailable(ctx, '10%');
  }
  const msg = `Deploying version ${ status.targetKubeVirtVersion ?? VERSION } with registry ${ status.targetKubeVirtRegistry ?? REGISTRY }`;
  const before = JSON.stringify(status.conditions);
  const next = structuredClone(status);

  setConditions(next, now, [['Available', 'False', 'DeploymentInProgress', msg], ['Progressing', 'True', 'DeploymentInProgress', msg], ['Degraded', 'False', 'DeploymentInProgress', msg]]);
  if (JSON.stringify(next.conditions) !== before) {
    ctx.store.patch(T.kubeVirt, KUBEVIRT_ID, (obj) => {
      obj.status = { ...statusOf(obj), conditions: next.conditions };
    });

    return true;
  }

  return false;
}
