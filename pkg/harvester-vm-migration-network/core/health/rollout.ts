/**
 * The five steps the page tracks for the current change (`rolloutSteps`), decided on the facts of
 * `rollout-facts.ts`: setting configured → NAD present (removed, for a disable) → KubeVirt rolled out →
 * virt-handler pods updated and ready (n of N) → AllComponentsReady.
 */
import { SandboxFailure } from './events';
import { RolloutFacts } from './rollout-facts';
import type { HealthReport } from './report';
import { KubeVirtSummary } from './summary';
import { KUBEVIRT_READY_GRACE_MS, kubeVirtFailure, kubeVirtProgress } from '../kubevirt-progress';
import { smallestFittingRange } from './capacity';

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
  /**
   * Epoch ms the current change began, when this tab saw it begin. A step's time from before it belongs to an
   * earlier change and is not shown; the Setting keeps no such time (its condition's moves only on a new status).
   */
  changeStart?: number;
  /** While disabled: Harvester's migration NADs still present (namespace/name); undefined when NADs are unknown. */
  leftoverNads?: string[];
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
  // The condition's time moves only when its status or message change: without the change's start nothing tells
  // whether it dates this change, so it is not shown (`rolloutSteps` drops it when it is older than the start).
  const step: RolloutStep = {
    id: 'configured', state: 'unknown', time: ctx.changeStart === undefined ? undefined : c?.lastUpdateTime
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

/** A disable: Harvester deletes its migration NAD at once, before the pods roll. */
function nadRemovedStep(ctx: RolloutContext): RolloutStep {
  const left = ctx.leftoverNads;

  if (ctx.unknown.nads || !left) {
    return { id: 'nad', state: 'unknown' };
  }
  if (!left.length) {
    return { id: 'nad', state: 'done' };
  }

  return moved({ id: 'nad', state: 'unknown' }, ctx.report.rollout.reconcilePending ? 'inProgress' : 'blocked', because('nadLeft', { name: left.join(', ') }));
}

function nadStep(ctx: RolloutContext): RolloutStep {
  const { report } = ctx;

  if (!report.enabled) {
    return nadRemovedStep(ctx);
  }
  if (report.rollout.nadMatches === true) {
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
    id: 'pods', state: 'done', ...podsCount(r)
  };
  const failure = ctx.failures[0];

  // Without the node list there are no rows, so 0 of 0 pods would look done.
  if (ctx.unknown.pods || ctx.unknown.nodes) {
    return { id: 'pods', state: 'unknown' };
  }
  // No address left for a pod that needs one: waiting does not help. Said before kubelet's sandbox failure (Whereabouts'
  // "Could not allocate IP in range"), because it names the fix with its numbers; it needs no events either.
  const waiting = ctx.report.rows.filter((row) => row.expected && (!row.pod || !row.ready || row.flags.includes('noIp'))).length;

  if (r.rangeFull && ctx.report.enabled && (waiting > 0 || r.ready < r.desired)) {
    const fits = ctx.report.value && smallestFittingRange(ctx.report.value, Math.max(r.desired, r.expectedPods));

    return moved(step, 'blocked', because('rangeExhausted', {
      usable: r.rangeFull.usable, missing: Math.max(waiting, r.desired - r.ready), ...(fits ? { fits } : {})
    }));
  }
  // A pod that cannot start for another reason (the range has room): kubelet's words.
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

  // KubeVirt's own words for why it is not ready are in the summary above the tracker: not repeated on the step.
  return kv.ready ? step : { ...step, state: 'inProgress' };
}

/**
 * The pods step's count: nodes whose virt-handler is on the new config and healthy, less the pods the DaemonSet
 * still counts as not updated or not ready, so "3 of 3" is never shown while the DaemonSet is still rolling.
 */
export function podsCount(r: RolloutFacts): { done: number; total: number } {
  const lagging = Math.max(0, r.desired - r.updated, r.desired - r.ready);

  return { done: Math.max(0, Math.min(r.podsOnNewConfig, r.healthyPods, r.expectedPods - lagging)), total: r.expectedPods };
}

/** Every expected virt-handler pod is on the new config and ready, by the DaemonSet's counts and the rows. */
export function podsRolledOut(r: RolloutFacts): boolean {
  const { done, total } = podsCount(r);

  return done === total;
}

/** `time` belongs to an earlier change than the current one, which the tab saw start at `start` (epoch ms). */
export function fromEarlierChange(time: string | undefined, start: number | undefined): boolean {
  return !!time && start !== undefined && Date.parse(time) < start;
}

/**
 * The five steps of the current change, in order. A step that looks done while an earlier one is not is `pending`
 * and shows no count or time (old pods look "ready 3 of 3" until the controller acts: that is the previous
 * change's state); blocked steps keep their reason; no step shows a time from before the change began.
 */
export function rolloutSteps(ctx: RolloutContext): RolloutStep[] {
  const steps = [configuredStep(ctx), nadStep(ctx), kubeVirtStep(ctx), podsStep(ctx), readyStep(ctx)];
  let earlierOpen = false;

  return steps.map((step) => {
    const out: RolloutStep = earlierOpen && step.state === 'done' ? { id: step.id, state: 'pending' } : { ...step };

    if (fromEarlierChange(out.time, ctx.changeStart)) {
      delete out.time;
    }
    earlierOpen = earlierOpen || step.state !== 'done';

    return out;
  });
}
