import { foldKey } from './go-json';
import { KeptEntry } from './types';

/** The IPv6 half of a dual-stack value (Harvester v1.10 `rangeV6`, `rangeV6Start`, `rangeV6End`), as stored. */
export interface DualStackView {
  range: string;
  start?: string;
  end?: string;
}

function stringOf(kept: KeptEntry[], key: string): string | undefined {
  const entry = [...kept].reverse().find((k) => k.key === key);

  if (!entry) {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(entry.raw);

    return typeof value === 'string' && value ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The IPv6 part of a value, read from the keys the editor keeps as they are; undefined when the value has no
 * `rangeV6` string. The editor does not check IPv6: this only shows what is stored.
 */
export function dualStackOf(kept: KeptEntry[]): DualStackView | undefined {
  const range = stringOf(kept, 'rangeV6');

  return range ? {
    range, start: stringOf(kept, 'rangeV6Start'), end: stringOf(kept, 'rangeV6End')
  } : undefined;
}

/** The v1.10 keys of the IPv6 part, in Harvester's order. */
const V6_KEYS = [['rangeV6', 'range'], ['rangeV6Start', 'start'], ['rangeV6End', 'end']] as const;

export interface V6Form {
  range: string;
  start: string;
  end: string;
}

/** A stored key Go would decode into one of the IPv6 fields (case folded as Go matches field names). */
export function isV6Key(key: string): boolean {
  return V6_KEYS.some(([name]) => foldKey(name) === foldKey(key));
}

/**
 * The IPv6 part as the form edits it on v1.10, read from the kept keys (the last duplicate wins, `null` is empty);
 * undefined when one of them is not a string: then nothing of it is edited, so a value we cannot read is never
 * overwritten (and the webhook's type error is shown).
 */
export function editableV6(kept: KeptEntry[]): V6Form | undefined {
  const form: V6Form = {
    range: '', start: '', end: ''
  };

  for (const entry of kept) {
    const field = V6_KEYS.find(([name]) => foldKey(name) === foldKey(entry.key));

    if (!field) {
      continue;
    }
    let value: unknown;

    try {
      value = JSON.parse(entry.raw);
    } catch {
      return undefined;
    }
    if (value !== null && typeof value !== 'string') {
      return undefined;
    }
    form[field[1]] = value ?? '';
  }

  return form;
}

/** The kept keys a save writes with the form's IPv6 part: its non-empty keys first, in Harvester's order. */
export function keptWithV6(kept: KeptEntry[], v6: V6Form): KeptEntry[] {
  const own = V6_KEYS.filter(([, field]) => v6[field].trim() !== '').map(([key, field]) => ({ key, raw: JSON.stringify(v6[field].trim()) }));

  return [...own, ...kept.filter((entry) => !isV6Key(entry.key))];
}

/** The form's IPv6 part means what is stored (whitespace around an address is not part of it). */
export function sameV6(v6: V6Form, kept: KeptEntry[]): boolean {
  const stored = editableV6(kept);

  return !!stored && V6_KEYS.every(([, field]) => stored[field] === v6[field].trim());
}
