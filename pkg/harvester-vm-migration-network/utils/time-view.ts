/**
 * Times as the shell shows them: relative on screen ("3 mins", with the shell's own unit words) and absolute on
 * hover, in the date and time formats the user chose in the shell's preferences (`@shell/utils/time`).
 */
import type { Translate } from '../composables/useShellPage';
import day from 'dayjs';
import { Store } from 'vuex';
import { dateTimeFormat, diffFrom } from '@shell/utils/time';

/** How long ago (or, with a clock ahead of ours, how far ahead) `value` is, e.g. "3 mins"; '' when not a time. */
export function timeSince(value: string, nowMs: number, t: Translate): string {
  const at = day(value);

  return at.isValid() ? String(diffFrom(at, day(nowMs), t).string) : '';
}

/** `value` in the user's date and time format (the shell's `date-format` and `time-format` preferences). */
export function absoluteTime(value: string, store: Store<unknown>): string {
  return day(value).isValid() ? String(dateTimeFormat(value, store)) : value;
}
