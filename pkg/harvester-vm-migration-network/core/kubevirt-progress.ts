/**
 * Where KubeVirt stands, as its operator reports it (virt-operator's condition helpers in kubevirt's
 * `pkg/virt-operator/util`): every change of its configuration, such as a new migration network, is an update that
 * sets Available, Progressing and Degraded all True with reason `UpdateInProgress` ("Transitioning from previous
 * version ... to target version ..."), a first deployment sets reason `DeploymentInProgress`, and the end of either
 * sets Available True with reason `AllComponentsReady` and the other two False. A deployment that failed sets
 * Degraded True with reason `DeploymentFailed`. So Degraded True during an update is normal, and Harvester's migrate
 * action accepts migrations only once Available says `AllComponentsReady`. One reading, used by the overview, the
 * panels and the health page alike.
 */
import { KubeVirtSummary } from './health/summary';

/** Reasons virt-operator gives while it is working; anything else with Degraded True is a failure. */
const IN_PROGRESS_REASONS = ['UpdateInProgress', 'DeploymentInProgress'];

/**
 * How long KubeVirt may stay not ready once every virt-handler pod is updated and ready before that is a problem:
 * virt-operator marks itself ready within seconds of the last pod; minutes mean it is stuck.
 */
export const KUBEVIRT_READY_GRACE_MS = 5 * 60_000;

export type KubeVirtProgress =
  | { state: 'ready' }
  /** An ordinary update or deployment in progress: migrations are refused for now. */
  | { state: 'updating' }
  /**
   * A failure (`failed`: Degraded True for a reason other than an update), or not ready for longer than
   * KUBEVIRT_READY_GRACE_MS after the virt-handler rollout (`overdue`), in KubeVirt's own words.
   */
  | { state: 'stuck'; cause: 'failed' | 'overdue'; reason: string; message: string };

/** KubeVirt says an operation is under way (its in-progress reasons), which makes Degraded True normal. */
export function kubeVirtWorking(reason: string | undefined): boolean {
  return IN_PROGRESS_REASONS.includes(reason ?? '');
}

/** A Degraded True condition that is not part of an update or deployment: a real failure. */
export function kubeVirtFailure(kv: KubeVirtSummary): { reason: string; message: string } | undefined {
  const degraded = kv.conditions.find((c) => c.type === 'Degraded');

  return degraded?.status === 'True' && !kubeVirtWorking(degraded.reason) ? { reason: degraded.reason ?? '', message: degraded.message ?? '' } : undefined;
}

/**
 * `podsRolledOut`: every virt-handler pod is updated and ready (the DaemonSet's counts, or the health page's rows).
 * `now`: epoch ms, for the grace period.
 */
export function kubeVirtProgress(kv: KubeVirtSummary, podsRolledOut: boolean, now: number): KubeVirtProgress {
  if (kv.ready) {
    return { state: 'ready' };
  }
  const available = kv.conditions.find((c) => c.type === 'Available');
  const failure = kubeVirtFailure(kv);

  if (failure) {
    return {
      state: 'stuck', cause: 'failed', ...failure
    };
  }
  const since = Date.parse(available?.time ?? '');
  const overdue = podsRolledOut && Number.isFinite(since) && now - since > KUBEVIRT_READY_GRACE_MS;

  return overdue ? {
    state: 'stuck', cause: 'overdue', reason: available?.reason ?? kv.phase ?? '', message: available?.message ?? ''
  } : { state: 'updating' };
}
