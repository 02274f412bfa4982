import { MigrationNetworkValue } from './types';

/** What a NAD's `spec.config` says about the migration network. */
export interface NadSummary {
  bridge: string;
  vlan: number;
  range: string;
  exclude: string[];
  mtu?: number;
}

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'
};

/** `json.Marshal` output: JSON.stringify plus Go's HTML-safe escapes; lone surrogates become \ufffd. */
function goMarshal(data: unknown): string {
  return JSON.stringify(data)
    .replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c])
    .replace(/\\ud[89a-f][0-9a-f]{2}/gi, '\\ufffd');
}

/**
 * The NAD `spec.config` Harvester's controller will create for a value (`CreateBridgeConfig`, struct key order):
 * bridge `<clusterNetwork>-br`, vlan 0 written as 1 (untagged), `exclude` omitted when empty. The network
 * controller's mutator appends `"mtu":<n>` when the cluster network's MTU is not 1500; pass it to preview that.
 */
export function nadConfig(value: MigrationNetworkValue, mtu?: number): string {
  const ipam: Record<string, unknown> = { type: 'whereabouts', range: value.range };

  if (value.exclude.length > 0) {
    ipam.exclude = value.exclude;
  }
  const config: Record<string, unknown> = {
    cniVersion:  '0.3.1',
    type:        'bridge',
    bridge:      `${ value.clusterNetwork }-br`,
    promiscMode: true,
    vlan:        value.vlan === 0 ? 1 : value.vlan,
    ipam,
  };

  if (mtu !== undefined && mtu !== 1500) {
    config.mtu = mtu;
  }

  return goMarshal(config);
}

/** Name of the Whereabouts IPPool of a range (`/` and `:` become `-`; Harvester sets no network name). */
export function ipPoolName(range: string): string {
  return range.replace(/[/:]/g, '-');
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads a NAD `spec.config`; undefined when it is not a bridge config with whereabouts IPAM. Never throws. */
export function readNadConfig(config: string | undefined): NadSummary | undefined {
  let data: unknown;

  try {
    data = JSON.parse(config ?? '');
  } catch {
    return undefined;
  }
  if (!isRecord(data) || !isRecord(data.ipam) || typeof data.bridge !== 'string' || typeof data.ipam.range !== 'string') {
    return undefined;
  }
  const exclude = Array.isArray(data.ipam.exclude) ? data.ipam.exclude.filter((e): e is string => typeof e === 'string') : [];

  return {
    bridge: data.bridge,
    vlan:   typeof data.vlan === 'number' ? data.vlan : 0,
    range:  data.ipam.range,
    exclude,
    mtu:    typeof data.mtu === 'number' ? data.mtu : undefined,
  };
}

/** True when a NAD config implements `value` (bridge, vlan with 0 → 1, range, excludes in order). */
export function nadMatchesValue(config: string | undefined, value: MigrationNetworkValue): boolean {
  const nad = readNadConfig(config);

  return !!nad && nad.bridge === `${ value.clusterNetwork }-br` && nad.vlan === (value.vlan === 0 ? 1 : value.vlan) &&
    nad.range === value.range && nad.exclude.length === value.exclude.length && nad.exclude.every((e, i) => e === value.exclude[i]);
}
