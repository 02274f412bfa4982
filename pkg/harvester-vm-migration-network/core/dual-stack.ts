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
