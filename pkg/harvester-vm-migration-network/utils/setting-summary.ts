import { configuredCondition, effectiveValue, Setting } from '../core';

/** What the Settings list shows for one Harvester setting: a one-line value and the `configured` condition. */
export type SettingLike = Setting & { id: string };

export type ConfiguredState = 'configured' | 'failed' | 'unknown';

export interface SettingSummary {
  id: string;
  /** The effective value (value, else default), whitespace folded; empty string when neither is set. */
  value: string;
  /** True when `value` is set and differs from `default`. */
  customized: boolean;
  configured: ConfiguredState;
  message?: string;
}

const MAX_SUMMARY = 120;

/** Summarizes a setting without ever throwing; long values are cut with an ellipsis for the table only. */
export function summarizeSetting(setting: SettingLike): SettingSummary {
  const folded = effectiveValue(setting).replace(/\s+/g, ' ').trim();
  const condition = configuredCondition(setting);
  let configured: ConfiguredState = 'unknown';

  if (condition?.status === 'True') {
    configured = 'configured';
  } else if (condition?.status === 'False') {
    configured = 'failed';
  }

  return {
    id:         setting.id,
    value:      folded.length > MAX_SUMMARY ? `${ folded.slice(0, MAX_SUMMARY - 1) }…` : folded,
    customized: !!setting.value && setting.value !== (setting.default ?? ''),
    configured,
    message:    condition?.status === 'False' ? [condition.reason, condition.message].filter(Boolean).join(': ') : undefined,
  };
}
