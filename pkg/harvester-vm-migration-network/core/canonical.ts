import { MigrationNetworkValue } from './types';

/**
 * The one place canonical JSON is written: keys in the order Harvester's own UI writes them
 * (clusterNetwork, vlan, range, exclude), vlan a number, exclude always present, no whitespace.
 */
export function canonicalText(value: MigrationNetworkValue): string {
  return JSON.stringify({
    clusterNetwork: value.clusterNetwork,
    vlan:           value.vlan,
    range:          value.range,
    exclude:        value.exclude,
  });
}
