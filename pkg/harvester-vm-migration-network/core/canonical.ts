import { forgetWithCidrMemo } from './cidr';
import { KeptEntry, MigrationNetworkValue } from './types';

const MEMO_LIMIT = 16;

/**
 * The JSON of the last exclude list of each length. The editor writes the value on every keystroke and nearly
 * every keystroke leaves the excludes as they were; a thousand of them cost more to write than to compare. One
 * list per length, so that a peer setting's short list, written in between, does not displace the form's.
 */
const excludeMemo = new Map<number, { list: unknown[]; json: string }>();

forgetWithCidrMemo(() => excludeMemo.clear());

function sameEntries(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return false;
    }
  }

  return true;
}

/** `JSON.stringify(exclude)`, remembered (see `excludeMemo`). */
function excludeJson(exclude: readonly unknown[]): string {
  const known = excludeMemo.get(exclude.length);

  if (known && sameEntries(known.list, exclude)) {
    return known.json;
  }
  if (excludeMemo.size >= MEMO_LIMIT) {
    excludeMemo.clear();
  }
  const json = JSON.stringify(exclude);

  excludeMemo.set(exclude.length, { list: exclude.slice(), json });

  return json;
}

/**
 * The one place canonical JSON is written: keys in the order Harvester's own UI writes them
 * (clusterNetwork, vlan, range, exclude), vlan a number, exclude always present, no whitespace; then every
 * stored key the form does not edit, its value's text byte for byte, in stored order (as Harvester's own
 * editor does, so a newer Harvester's keys survive an edit made here).
 */
export function canonicalText(value: MigrationNetworkValue, kept: readonly KeptEntry[] = []): string {
  // The excludes written in place of the empty list that ends the text: JSON.stringify still writes the other keys.
  const known = `${ JSON.stringify({
    clusterNetwork: value.clusterNetwork,
    vlan:           value.vlan,
    range:          value.range,
    exclude:        [],
  }).slice(0, -3) }${ excludeJson(value.exclude) }}`;

  return kept.length ? `${ known.slice(0, -1) },${ kept.map((k) => `${ JSON.stringify(k.key) }:${ k.raw }`).join(',') }}` : known;
}
