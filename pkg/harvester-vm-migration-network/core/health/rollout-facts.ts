/**
 * The rollout's facts, read from the Setting, NAD, KubeVirt and virt-handler DaemonSet: what the five steps of
 * `rollout.ts` and the fleet's problems are decided on.
 */
import { Setting } from '../k8s-types';
import { nadMatchesValue } from '../nad-config';
import { capacityOf } from './capacity';
import { configuredCondition, controllerCaughtUp } from '../setting-state';
import { HealthRow, MigrationNetworkValue } from '../types';
import { HealthInput } from './inputs';

export interface RolloutFacts {
  /** sha1(value) differs from the hash annotation: the controller has not processed the current value. */
  reconcilePending?: boolean;
  configured?: { status?: string; reason?: string; message?: string; lastUpdateTime?: string };
  /** The NAD config implements the current value. */
  nadMatches?: boolean;
  /** KubeVirt `Available` True with reason `AllComponentsReady` (the test Harvester's migrate action uses). */
  kubeVirtReady?: boolean;
  /** observedDeploymentID differs from targetDeploymentID. */
  kubeVirtDeploying?: boolean;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  /** Rows that expect a virt-handler, those on the new config, and those with no flag. */
  expectedPods: number;
  podsOnNewConfig: number;
  healthyPods: number;
  /** Everything above says done. */
  complete: boolean;
  /**
   * The range's IPPool holds as many addresses as the range has usable ones (as Whereabouts counts them): a pod that
   * still needs an address cannot get one. Undefined when the pool or the range is unknown.
   */
  rangeFull?: { usable: number };
}

/** The controller's view of the setting: caught up (`undefined` on a fresh install) and its `configured` condition. */
function settingFacts(setting: Setting | undefined): Pick<RolloutFacts, 'reconcilePending' | 'configured'> {
  const out: Pick<RolloutFacts, 'reconcilePending' | 'configured'> = {};
  const caughtUp = setting && controllerCaughtUp(setting);
  const condition = configuredCondition(setting);

  if (caughtUp !== undefined) {
    out.reconcilePending = !caughtUp;
  }
  if (condition) {
    out.configured = {
      status: condition.status, reason: condition.reason, message: condition.message, lastUpdateTime: condition.lastUpdateTime
    };
  }

  return out;
}

/** Rollout progress from the Setting, NAD, KubeVirt and DaemonSet; counts fall back to the rows. */
export function buildRollout(input: HealthInput, rows: HealthRow[], value: MigrationNetworkValue | undefined): RolloutFacts {
  const expected = rows.filter((r) => r.expected);
  const ds = input.daemonSet?.status;
  const kv = input.kubeVirt?.status;
  const available = kv?.conditions?.find((c) => c.type === 'Available');
  const out: RolloutFacts = {
    desired:         ds?.desiredNumberScheduled ?? expected.length,
    updated:         ds?.updatedNumberScheduled ?? expected.filter((r) => !r.flags.includes('oldConfig') && r.pod).length,
    ready:           ds?.numberReady ?? expected.filter((r) => r.ready).length,
    available:       ds?.numberAvailable ?? expected.filter((r) => r.ready).length,
    expectedPods:    expected.length,
    podsOnNewConfig: expected.filter((r) => r.pod && !r.flags.includes('oldConfig')).length,
    // An MTU that differs is worth a flag but does not hold a rollout up.
    healthyPods:     expected.filter((r) => r.flags.every((f) => f === 'mtuMismatch')).length,
    complete:        false,
    ...settingFacts(input.setting),
  };

  if (input.nad && value) {
    out.nadMatches = nadMatchesValue(input.nad.spec?.config, value, input.v6);
  }
  const capacity = value ? capacityOf(value, input.ipPools) : undefined;

  if (capacity?.allocated !== undefined && capacity.allocated >= capacity.usable) {
    out.rangeFull = { usable: capacity.usable };
  }
  if (kv) {
    out.kubeVirtReady = available?.status === 'True' && available.reason === 'AllComponentsReady';
    out.kubeVirtDeploying = kv.observedDeploymentID !== kv.targetDeploymentID;
  }
  out.complete = out.reconcilePending !== true && out.configured?.status !== 'False' &&
    out.nadMatches !== false && out.kubeVirtReady !== false && out.kubeVirtDeploying !== true &&
    out.healthyPods === out.expectedPods && out.updated >= out.desired;

  return out;
}
