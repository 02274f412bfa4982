/**
 * The health page's top-level verdict: one line that says whether the migration network is healthy, rolling out,
 * stuck, disabled or failed, and why. It is read off the same rollout steps and node rows the page shows below it,
 * so the verdict can never contradict the tracker or the summary.
 */
import { HEALTH_VERDICT_KEYS } from '../messages';
import { HealthFlag } from '../types';
import {
  podsCount, RolloutContext, RolloutStep, rolloutSteps, StepId
} from './rollout';

export type VerdictKind = 'healthy' | 'rollingOut' | 'stuck' | 'disabled' | 'failed';

/** Where a stuck or failed state is fixed: the editor, with this field focused (none: the form as a whole). */
export type VerdictFix = { field?: 'range' };

export interface HealthVerdict {
  kind: VerdictKind;
  /** Full l10n key (`vmMigrationNetwork.health.verdict.…`); see `HEALTH_VERDICT_KEYS`. */
  reasonKey: string;
  args: Record<string, string | number>;
  /** Set when saving another value is what fixes it. */
  fix?: VerdictFix;
}

type VerdictKey = keyof typeof HEALTH_VERDICT_KEYS;

const verdict = (kind: VerdictKind, key: VerdictKey, args: HealthVerdict['args'] = {}): HealthVerdict => ({
  kind, reasonKey: HEALTH_VERDICT_KEYS[key].key, args
});

/** A blocked step's reason (`RolloutStep.reason.key`) as the verdict words it; the step's args carry over. */
const STUCK: Record<string, VerdictKey> = {
  nadMissing:     'stuckNadMissing',
  nadMismatch:    'stuckNadMismatch',
  degraded:       'stuckDegraded',
  kubeVirtStuck:  'stuckKubeVirt',
  sandbox:        'stuckSandbox',
  rangeExhausted: 'stuckRangeExhausted',
  podCrashing:    'stuckPodCrashing',
  nadLeft:        'stuckNadLeft',
};

/** What an open (in progress) step means while rolling out. */
const ROLLING: Record<StepId, VerdictKey> = {
  configured: 'rollingOutController',
  nad:        'rollingOutNad',
  kubeVirt:   'rollingOutKubeVirt',
  pods:       'rollingOutPods',
  ready:      'rollingOutReady',
};

/** Flags that waiting does not clear once a pod runs ready on the new config: Whereabouts or the network got it wrong. */
const LASTING: HealthFlag[] = ['noIp', 'ipOutsideRange', 'ipExcluded', 'duplicateIp', 'notCovered', 'noIpV6', 'ipV6OutsideWindow'];

/** How many nodes a reason names before it only counts them. */
const NAMED_NODES = 3;

/**
 * Nodes whose virt-handler runs ready on the new config yet still has a lasting flag. Only once every pod is on
 * the new config: before that an old pod's address (e.g. from the previous range) explains the flags.
 */
function brokenNodes(ctx: RolloutContext): string[] {
  const { rollout, rows } = ctx.report;

  if (rollout.podsOnNewConfig !== rollout.expectedPods) {
    return [];
  }

  return rows.filter((r) => r.expected && r.pod && r.ready && r.flags.some((f) => LASTING.includes(f))).map((r) => r.node);
}

/**
 * The verdict, from the rollout context the page already builds and (optionally) the steps it already computed:
 * - `failed`: the controller's `configured` condition is False for the current value;
 * - `stuck`: a step is blocked (no IP left, a crashing pod, KubeVirt degraded, the NAD missing or different), or
 *   every pod is on the new config and some still lack a good migration IP;
 * - `rollingOut`: a step is in progress (also while a disable rolls out);
 * - `disabled`: the value is empty and nothing is rolling out; a fresh install (empty value, never processed by
 *   the controller) is always `disabled`, whatever KubeVirt is doing, and no disabled verdict claims the controller
 *   applied anything;
 * - `healthy`: enabled and every step done.
 * Undefined when the setting could not be read, or when every open step rests on a list that could not be read:
 * the page then has nothing true to say first.
 */
export function healthVerdict(ctx: RolloutContext, steps: RolloutStep[] = rolloutSteps(ctx)): HealthVerdict | undefined {
  const { report } = ctx;
  const configured = steps.find((s) => s.id === 'configured');

  if (ctx.unknown.setting || !configured || configured.state === 'unknown') {
    return undefined;
  }
  // No hash and no condition: the controller skipped the empty value on purpose, so there is nothing to roll out.
  if (!report.enabled && report.rollout.reconcilePending === undefined && !report.rollout.configured) {
    return verdict('disabled', 'disabled');
  }
  if (configured.state === 'blocked') {
    return { ...verdict('failed', 'failed', configured.reason?.args), fix: {} };
  }
  const blocked = steps.find((s) => s.state === 'blocked');
  const stuck = blocked?.reason && STUCK[blocked.reason.key];

  if (stuck === 'stuckRangeExhausted') {
    // Another range (or fewer excludes) is the only way out: say which range, and offer the field.
    return { ...verdict('stuck', blocked?.reason?.args.fits ? 'stuckRangeWiden' : stuck, blocked?.reason?.args), fix: { field: 'range' } };
  }
  if (stuck) {
    return verdict('stuck', stuck, blocked.reason?.args);
  }
  // `pending` steps only wait for an earlier open one, so the first step in progress is where the rollout is.
  const open = steps.find((s) => s.state === 'inProgress');
  const broken = report.enabled ? brokenNodes(ctx) : [];

  if (broken.length && (!open || open.id === 'pods')) {
    const named = broken.slice(0, NAMED_NODES).join(', ');

    return verdict('stuck', 'stuckNodes', { count: broken.length, nodes: broken.length > NAMED_NODES ? `${ named }, …` : named });
  }
  if (!report.enabled) {
    if (open?.id === 'configured') {
      return verdict('rollingOut', 'rollingOutController');
    }

    return open ? verdict('rollingOut', 'rollingOutDisabling', podsCount(report.rollout)) : verdict('disabled', 'disabled');
  }
  if (open) {
    return verdict('rollingOut', ROLLING[open.id], open.id === 'pods' ? podsCount(report.rollout) : {});
  }
  if (steps.some((s) => s.state !== 'done')) {
    return undefined;
  }
  const value = report.value;

  return verdict('healthy', 'healthy', {
    clusterNetwork: value?.clusterNetwork ?? '', vlan: value?.vlan ?? '', range: value?.range ?? '', nodes: report.rollout.expectedPods
  });
}
