/**
 * Every badge colour our pages use (the shell's `bg-*` classes that `BadgeState` takes), named by what it means,
 * so a state has the same colour everywhere and nobody repeats a class name.
 */
import { kubeVirtWorking } from '../core/kubevirt-progress';
import { FleetState, StepState, VerdictKind } from '../core';
import { ConfiguredState } from './setting-summary';

export const BADGE = {
  /** Working as it should. */
  good:    'bg-success',
  /** Failed or wrong: someone must act. */
  bad:     'bg-error',
  /** Works, but not the way intended (e.g. a migration over mgmt). */
  warning: 'bg-warning',
  /** Under way: waiting clears it. */
  busy:    'bg-info',
  /** Nothing to say: off, not applicable or not known yet. */
  neutral: 'bg-darker',
} as const;

export type BadgeColor = typeof BADGE[keyof typeof BADGE];

/** Good when true, bad when false. */
export function okColor(ok: boolean): BadgeColor {
  return ok ? BADGE.good : BADGE.bad;
}

/** A fleet row's state (the overview and the one-line panel). */
export const FLEET_STATE_COLOR: Record<FleetState, BadgeColor> = {
  healthy:     BADGE.good,
  disabled:    BADGE.neutral,
  rollingOut:  BADGE.busy,
  stuck:       BADGE.warning,
  failed:      BADGE.bad,
  unreachable: BADGE.bad,
};

/** A rollout step of the health page. */
export const ROLLOUT_STEP_COLOR: Record<StepState, BadgeColor> = {
  done:       BADGE.good,
  inProgress: BADGE.busy,
  blocked:    BADGE.bad,
  pending:    BADGE.neutral,
  unknown:    BADGE.neutral,
};

/** A setting's `configured` condition in the Settings list. */
export const SETTING_STATE_COLOR: Record<ConfiguredState, BadgeColor> = {
  configured: BADGE.good,
  failed:     BADGE.bad,
  unknown:    BADGE.neutral,
};

/** The editor's and the health page's controller status (`ConfiguredStatus`). */
export type ControllerStatus = 'pending' | 'configured' | 'failed' | 'never';

export const CONTROLLER_STATUS_COLOR: Record<ControllerStatus, BadgeColor> = {
  pending:    BADGE.busy,
  configured: BADGE.good,
  failed:     BADGE.bad,
  never:      BADGE.neutral,
};

/**
 * A KubeVirt condition: Progressing True is under way; Degraded True is bad unless KubeVirt says an update or a
 * deployment is in progress (its operator sets Degraded True for every update: `core/kubevirt-progress.ts`); the
 * others are good when True, and under way while an update is in progress.
 */
export function kubeVirtConditionColor(type: string, status?: string, reason?: string): BadgeColor {
  if (type === 'Degraded') {
    return status !== 'True' ? BADGE.good : kubeVirtWorking(reason) ? BADGE.busy : BADGE.bad;
  }
  if (type === 'Progressing') {
    return status === 'True' ? BADGE.busy : BADGE.good;
  }
  if (kubeVirtWorking(reason)) {
    return BADGE.busy;
  }
  if (status === 'True' || status === 'False') {
    return okColor(status === 'True');
  }

  return BADGE.neutral;
}

/** The health page's verdict: stuck is a warning (it may clear once the cause is fixed), failed is an error. */
export const VERDICT_COLOR: Record<VerdictKind, BadgeColor> = {
  healthy:    BADGE.good,
  rollingOut: BADGE.busy,
  stuck:      BADGE.warning,
  disabled:   BADGE.neutral,
  failed:     BADGE.bad,
};
