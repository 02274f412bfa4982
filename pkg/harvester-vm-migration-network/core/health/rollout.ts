/**
 * The rollout state machine, whole: the facts read from the Setting, NAD, KubeVirt and virt-handler DaemonSet
 * (`buildRollout`), and the five steps the page tracks after a change (`rolloutSteps`): setting configured →
 * NAD present → KubeVirt rolled out → virt-handler pods updated and ready (n of N) → AllComponentsReady.
 */
import { Setting } from '../k8s-types';
import { nadMatchesValue } from '../nad-config';
import { capacityOf } from './capacity';
import { configuredCondition, controllerCaughtUp } from '../setting-state';
import { HealthRow, MigrationNetworkValue } from '../types';
import { SandboxFailure } from './events';
import { HealthInput } from './inputs';
import type { HealthReport } from './report';
import { KubeVirtSummary } from './summary';
import { KUBEVIRT_READY_GRACE_MS, kubeVirtFailure, kubeVirtProgress } from '../kubevirt-progress';

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
    healthyPods:     expected.filter((r) => r.flags.length === 0).length,
    complete:        false,
    ...settingFacts(input.setting),
  };

  if (input.nad && value) {
    out.nadMatches = nadMatchesValue(input.nad.spec?.config, value);
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

export type StepId = 'configured' | 'nad' | 'kubeVirt' | 'pods' | 'ready';
export type StepState = 'done' | 'inProgress' | 'blocked' | 'pending' | 'unknown';

/** Why a step is blocked or waiting: key under `vmMigrationNetwork.health.rollout.reasons.`. */
export interface StepReason {
  key: string;
  args: Record<string, string | number>;
}

export interface RolloutStep {
  id: StepId;
  state: StepState;
  time?: string;
  reason?: StepReason;
  /** Counts for the pods step. */
  done?: number;
  total?: number;
}

export interface RolloutContext {
  report: HealthReport;
  kubeVirt?: KubeVirtSummary;
  /** The NAD name KubeVirt must use (no namespace); undefined when disabled. */
  nadName?: string;
  failures: SandboxFailure[];
  /** Lists that could not be read: a step resting on one is `unknown`, never done or blocked. */
  unknown: { setting?: boolean; kubeVirt?: boolean; pods?: boolean; nads?: boolean; nodes?: boolean };
  /** Epoch ms (default: the clock), for how long KubeVirt has been not ready. */
  now?: number;
}

const because = (key: string, args: StepReason['args'] = {}): StepReason => ({ key, args });

/** `step` moved to `state`, with its reason. */
function moved(step: RolloutStep, state: StepState, reason: StepReason): RolloutStep {
  return {
    ...step, state, reason
  };
}

function configuredStep(ctx: RolloutContext): RolloutStep {
  const { rollout } = ctx.report;
  const c = rollout.configured;
  const step: RolloutStep = {
    id: 'configured', state: 'unknown', time: c?.lastUpdateTime
  };

  if (ctx.unknown.setting) {
    return step;
  }
  // A pending reconcile comes first: the condition on the setting still describes the previous value.
  if (rollout.reconcilePending) {
    return moved(step, 'inProgress', because('controllerPending'));
  }
  if (c?.status === 'False') {
    return moved(step, 'blocked', because('configuredFailed', { reason: c.reason ?? '', message: c.message ?? '' }));
  }

  return { ...step, state: 'done' };
}

function nadStep(ctx: RolloutContext): RolloutStep {
  const { report } = ctx;

  if (!report.enabled || report.rollout.nadMatches === true) {
    return { id: 'nad', state: 'done' };
  }
  if (ctx.unknown.nads) {
    return { id: 'nad', state: 'unknown' };
  }

  return moved({ id: 'nad', state: 'unknown' }, report.rollout.reconcilePending ? 'inProgress' : 'blocked', because(report.rollout.nadMatches === false ? 'nadMismatch' : 'nadMissing'));
}

function kubeVirtStep(ctx: RolloutContext): RolloutStep {
  const kv = ctx.kubeVirt;

  if (!kv || ctx.unknown.kubeVirt) {
    return { id: 'kubeVirt', state: 'unknown' };
  }
  const progressing = kv.conditions.find((c) => c.type === 'Progressing');
  // Degraded True with an update's reason is how every update looks (`core/kubevirt-progress.ts`), not a failure.
  const failure = kubeVirtFailure(kv);
  const step: RolloutStep = {
    id: 'kubeVirt', state: 'done', time: progressing?.time
  };

  if (kv.network !== ctx.nadName) {
    return moved(step, 'inProgress', because('kubeVirtNetwork', { network: kv.network ?? '' }));
  }
  if (ctx.report.rollout.kubeVirtDeploying || progressing?.status === 'True') {
    return failure ? moved(step, 'blocked', because('degraded', failure)) : { ...step, state: 'inProgress' };
  }

  return step;
}

function podsStep(ctx: RolloutContext): RolloutStep {
  const r = ctx.report.rollout;
  const step: RolloutStep = {
    id: 'pods', state: 'done', done: Math.min(r.podsOnNewConfig, r.healthyPods), total: r.expectedPods
  };
  const failure = ctx.failures[0];

  // Without the node list there are no rows, so 0 of 0 pods would look done.
  if (ctx.unknown.pods || ctx.unknown.nodes) {
    return { id: 'pods', state: 'unknown' };
  }
  if (failure) {
    return {
      ...moved(step, 'blocked', because('sandbox', {
        pod: failure.pod, node: failure.node ?? '', message: failure.message
      })),
      time: failure.time,
    };
  }
  // The DaemonSet's counts cover the nodes the rows may not know (a node without its pod).
  if (podsRolledOut(r)) {
    return step;
  }
  // No address left for a pod that needs one: waiting does not help (works without reading events, too).
  const waiting = ctx.report.rows.filter((row) => row.expected && (!row.pod || !row.ready || row.flags.includes('noIp'))).length;

  if (r.rangeFull && ctx.report.enabled && (waiting > 0 || r.ready < r.desired)) {
    return moved(step, 'blocked', because('rangeExhausted', { usable: r.rangeFull.usable, missing: Math.max(waiting, r.desired - r.ready) }));
  }
  // Restarts alone are history; restarts on a pod that is not ready now mean it keeps crashing.
  const crashing = ctx.report.rows.find((row) => row.expected && row.pod && row.restarts > 0 && !row.ready);

  if (crashing) {
    return moved(step, 'blocked', because('podCrashing', {
      pod: crashing.pod ?? '', node: crashing.node, restarts: crashing.restarts
    }));
  }

  return { ...step, state: 'inProgress' };
}

function readyStep(ctx: RolloutContext): RolloutStep {
  const kv = ctx.kubeVirt;

  if (!kv || ctx.unknown.kubeVirt) {
    return { id: 'ready', state: 'unknown' };
  }
  const available = kv.conditions.find((c) => c.type === 'Available');
  const step: RolloutStep = {
    id: 'ready', state: 'done', time: available?.time
  };
  const progress = kubeVirtProgress(kv, podsRolledOut(ctx.report.rollout), ctx.now ?? Date.now());

  if (progress.state === 'stuck') {
    const { reason, message } = progress;

    return moved(step, 'blocked', progress.cause === 'failed' ? because('degraded', { reason, message }) : because('kubeVirtStuck', {
      reason, message, minutes: KUBEVIRT_READY_GRACE_MS / 60_000
    }));
  }

  return kv.ready ? step : moved(step, 'inProgress', because('notReady', { reason: available?.reason ?? '', message: available?.message ?? '' }));
}

/** Every expected virt-handler pod is on the new config and ready, by the DaemonSet's counts and the rows. */
export function podsRolledOut(r: RolloutFacts): boolean {
  return r.podsOnNewConfig === r.expectedPods && r.healthyPods === r.expectedPods && r.updated >= r.desired && r.ready >= r.desired;
}

/**
 * The five steps in order. A step that looks done while an earlier one is not is `pending` (old pods look "ready"
 * until the controller acts); blocked steps keep their reason.
 */
export function rolloutSteps(ctx: RolloutContext): RolloutStep[] {
  const steps = [configuredStep(ctx), nadStep(ctx), kubeVirtStep(ctx), podsStep(ctx), readyStep(ctx)];
  let earlierOpen = false;

  return steps.map((step) => {
    const out = earlierOpen && step.state === 'done' ? { ...step, state: 'pending' as const } : step;

    earlierOpen = earlierOpen || step.state !== 'done';

    return out;
  });
}
