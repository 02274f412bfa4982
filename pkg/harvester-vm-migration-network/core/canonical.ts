import { KeptEntry, MigrationNetworkValue } from './types';

/**
 * The one place canonical JSON is written: keys in the order Harvester's own UI writes them
 * (clusterNetwork, vlan, range, exclude), vlan a number, exclude always present, no whitespace; then every
 * stored key the form does not edit, its value's text byte for byte, in stored order (as Harvester's own
 * editor does, so a newer Harvester's keys survive an edit made here).
 */
export function canonicalText(value: MigrationNetworkValue, kept: readonly KeptEntry[] = []): string {
  const known = JSON.stringify({
    clusterNetwork: value.clusterNetwork,
    vlan:           value.vlan,
    range:          value.range,
    exclude:        value.exclude,
  });

  return kept.length ? `${ known.slice(0, -1) },${ kept.map((k) => `${ JSON.stringify(k.key) }:${ k.raw }`).join(',') }}` : known;
}
