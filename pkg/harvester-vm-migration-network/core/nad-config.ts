import { MigrationNetworkValue } from './types';

/** What a NAD's `spec.config` says about the migration network. */
export interface NadSummary {
  bridge: string;
  vlan: number;
  range: string;
  exclude: string[];
  mtu?: number;
  /** Dual stack: the IPv6 entry of `ipRanges`. */
  v6?: { range: string; start: string; end: string };
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
export function nadConfig(value: MigrationNetworkValue, mtu?: number, v6?: { range: string; start: string; end: string }): string {
  const v4: Record<string, unknown> = { range: value.range };

  if (value.exclude.length > 0) {
    v4.exclude = value.exclude;
  }
  let ipam: Record<string, unknown> = { type: 'whereabouts', ...v4 };

  // Dual stack (v1.10): the flat keys give way to one `ipRanges` entry per family, empty window ends left out.
  if (v6?.range) {
    const second: Record<string, unknown> = { range: v6.range };

    if (v6.start) {
      second.range_start = v6.start;
    }
    if (v6.end) {
      second.range_end = v6.end;
    }
    ipam = { type: 'whereabouts', ipRanges: [v4, second] };
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
  if (!isRecord(data) || !isRecord(data.ipam) || typeof data.bridge !== 'string') {
    return undefined;
  }
  // Dual stack writes one `ipRanges` entry per family (IPv4 first) instead of the flat range.
  const ranges = Array.isArray(data.ipam.ipRanges) ? data.ipam.ipRanges.filter(isRecord) : [data.ipam];
  const v4 = ranges[0];
  const second = ranges[1];
  const text = (x: unknown) => (typeof x === 'string' ? x : '');

  if (!v4 || typeof v4.range !== 'string') {
    return undefined;
  }
  const exclude = Array.isArray(v4.exclude) ? v4.exclude.filter((e): e is string => typeof e === 'string') : [];
  const summary: NadSummary = {
    bridge: data.bridge,
    vlan:   typeof data.vlan === 'number' ? data.vlan : 0,
    range:  v4.range,
    exclude,
    mtu:    typeof data.mtu === 'number' ? data.mtu : undefined,
  };

  if (second && typeof second.range === 'string') {
    summary.v6 = {
      range: second.range, start: text(second.range_start), end: text(second.range_end)
    };
  }

  return summary;
}

/**
 * True when a NAD config implements `value` (bridge, vlan with 0 → 1, range, excludes in order) and, in dual stack,
 * its IPv6 part (`v6`, v1.10 only; a NAD with an IPv6 entry never matches a value without one).
 */
export function nadMatchesValue(config: string | undefined, value: MigrationNetworkValue, v6?: { range: string; start: string; end: string }): boolean {
  const nad = readNadConfig(config);
  const wanted = v6?.range ? v6 : undefined;
  const sameV6 = wanted ? !!nad?.v6 && nad.v6.range === wanted.range && nad.v6.start === wanted.start && nad.v6.end === wanted.end : !nad?.v6;

  return !!nad && nad.bridge === `${ value.clusterNetwork }-br` && nad.vlan === (value.vlan === 0 ? 1 : value.vlan) &&
    nad.range === value.range && nad.exclude.length === value.exclude.length && nad.exclude.every((e, i) => e === value.exclude[i]) && sameV6;
}
