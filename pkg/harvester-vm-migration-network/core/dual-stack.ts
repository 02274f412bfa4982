import { foldKey } from './go-json';
import { KeptEntry } from './types';

/** The IPv6 half of a dual-stack value (Harvester v1.10 `rangeV6`, `rangeV6Start`, `rangeV6End`), as stored. */
export interface DualStackView {
  range: string;
  start?: string;
  end?: string;
}

/** The IPv6 part as the form edits it (each "" when absent). */
export interface V6Form {
  range: string;
  start: string;
  end: string;
}

/** The v1.10 keys of the IPv6 part, in Harvester's order. */
const V6_KEYS = [['rangeV6', 'range'], ['rangeV6Start', 'start'], ['rangeV6End', 'end']] as const;

/** A stored key Go would decode into one of the IPv6 fields (case folded as Go matches field names). */
export function isV6Key(key: string): boolean {
  return V6_KEYS.some(([name]) => foldKey(name) === foldKey(key));
}

/**
 * The IPv6 part as v1.10 decodes it from the kept keys: names matched as Go matches them, the last duplicate
 * winning, `null` leaving the field as it was. `readable` is false when one of them is not a string (Go's type
 * error; that key is then left out of `part`).
 */
export function readV6(kept: KeptEntry[]): { part: V6Form; readable: boolean } {
  const part: V6Form = {
    range: '', start: '', end: ''
  };
  let readable = true;

  for (const entry of kept) {
    const field = V6_KEYS.find(([name]) => foldKey(name) === foldKey(entry.key));
    let value: unknown;

    if (!field) {
      continue;
    }
    try {
      value = JSON.parse(entry.raw);
    } catch {
      value = undefined;
    }
    if (typeof value === 'string') {
      part[field[1]] = value;
    } else if (value !== null) {
      readable = false;
    }
  }

  return { part, readable };
}

/** The IPv6 part of a value as stored, for showing; undefined when it has no `rangeV6` string. */
export function dualStackOf(kept: KeptEntry[]): DualStackView | undefined {
  const { part } = readV6(kept);

  return part.range ? {
    range: part.range, start: part.start || undefined, end: part.end || undefined
  } : undefined;
}

/**
 * The IPv6 part as the form edits it on v1.10; undefined when one of its keys is not a string: then nothing of it
 * is edited, so a value we cannot read is never overwritten (and the webhook's type error is shown).
 */
export function editableV6(kept: KeptEntry[]): V6Form | undefined {
  const { part, readable } = readV6(kept);

  return readable ? part : undefined;
}

/**
 * The kept keys a save writes with the form's IPv6 part: its non-empty keys first, in Harvester's order, exactly as
 * typed (a stray space is the webhook's error to name, not ours to remove).
 */
export function keptWithV6(kept: KeptEntry[], v6: V6Form): KeptEntry[] {
  const own = V6_KEYS.filter(([, field]) => v6[field] !== '').map(([key, field]) => ({ key, raw: JSON.stringify(v6[field]) }));

  return [...own, ...kept.filter((entry) => !isV6Key(entry.key))];
}

/** The form's IPv6 part means what is stored. */
export function sameV6(v6: V6Form, kept: KeptEntry[]): boolean {
  const stored = editableV6(kept);

  return !!stored && V6_KEYS.every(([, field]) => stored[field] === v6[field]);
}
