/**
 * Capacity of the migration range as the health page shows it: how many addresses Whereabouts can hand out,
 * how many its IPPool has allocated, what is left for new nodes, and the allocations no live pod holds (leaks).
 * The editor's panel has its own `RangeCapacityView` (editor/types.ts), built from the form, not from the cluster.
 */
import { Cidr, ipv4Text, maskOf, parseCidr } from '../cidr';
import { MIGRATION_INTERFACE } from '../constants';
import { countUsable } from '../ip-intervals';
import { IPPool } from '../k8s-types';
import { MigrationNetworkValue } from '../types';
import { ipPoolName } from '../nad-config';
import { HealthInput } from './inputs';
import { v6Bounds } from './nodes-v6';
import type { HealthReport } from './report';

export interface CapacityView {
  /** Addresses Whereabouts can hand out. */
  usable: number;
  /** Allocations in the range's IPPool; undefined when the pool could not be read. */
  allocated?: number;
  free?: number;
  /** Nodes that need an address (non-witness). */
  nodes: number;
  /** Addresses left for new nodes once every current node has one. */
  headroom: number;
  /** Dual stack: the IPv6 addresses Whereabouts hands out (the window) and how many its IPv6 pool holds. */
  v6?: { addresses: number; allocated?: number; window: boolean };
}

/** Usable addresses of the value's IPv4 range (as Whereabouts allocates) and, when the pools were read, how many its pool holds. */
export function capacityOf(value: MigrationNetworkValue, ipPools: IPPool[] | undefined): { usable: number; allocated?: number } | undefined {
  const range = parseCidr(value.range);

  if (range?.family !== 4) {
    return undefined;
  }
  const excludes = value.exclude.map((e) => parseCidr(e)).filter((c): c is Cidr => c?.family === 4);
  const usable = countUsable(range, excludes, 'whereabouts');

  if (!ipPools) {
    return { usable };
  }
  const pool = ipPools.find((p) => p.metadata?.name === ipPoolName(value.range));

  return { usable, allocated: Object.values(pool?.spec?.allocations ?? {}).filter((a) => !a.ifname || a.ifname === MIGRATION_INTERFACE).length };
}

/** The largest prefix the widening tries (a /8 holds ~16 million addresses: past it a range is not a fix). */
const WIDEST_PREFIX = 8;

/**
 * The narrowest range that starts where the value's range starts and holds `needed` usable addresses with the same
 * excludes (`192.168.1.0/29` for six nodes on a full /30): the smallest change of the range that unblocks a rollout.
 * Undefined when the range cannot be read or no prefix down to /8 is enough.
 */
export function smallestFittingRange(value: MigrationNetworkValue, needed: number): string | undefined {
  const range = parseCidr(value.range);

  if (range?.family !== 4) {
    return undefined;
  }
  const excludes = value.exclude.map((e) => parseCidr(e)).filter((c): c is Cidr => c?.family === 4);

  for (let prefix = range.prefix; prefix >= WIDEST_PREFIX; prefix--) {
    const wider = parseCidr(`${ ipv4Text((range.network & maskOf(prefix)) >>> 0) }/${ prefix }`);

    if (wider && countUsable(wider, excludes, 'whereabouts') >= needed) {
      return wider.networkText;
    }
  }

  return undefined;
}

/** Capacity of the current range: usable (as Whereabouts allocates), allocated in its pool, free, headroom. */
export function capacityView(report: HealthReport, ipPools: IPPool[] | undefined): CapacityView | undefined {
  const counts = report.value ? capacityOf(report.value, ipPools) : undefined;

  if (!counts) {
    return undefined;
  }
  const nodes = report.rows.filter((r) => r.expected).length;
  const out: CapacityView = {
    usable: counts.usable, nodes, headroom: counts.usable - nodes
  };

  if (counts.allocated !== undefined) {
    out.allocated = counts.allocated;
    out.free = counts.usable - counts.allocated;
  }
  const bounds = report.dualStack && report.ipv6 ? v6Bounds({
    range: report.ipv6.range, start: report.ipv6.start ?? '', end: report.ipv6.end ?? ''
  }) : undefined;

  if (bounds && report.ipv6) {
    // Harvester names the IPv6 pool as the IPv4 one: the range with `/` and `:` as `-` (fd00:10::/120 → fd00-10---120).
    const pool = ipPools?.find((p) => p.metadata?.name === ipPoolName(report.ipv6?.range ?? ''));
    const size = bounds.last - bounds.first + 1n;

    out.v6 = { addresses: size > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(size), window: !!(report.ipv6.start && report.ipv6.end) };
    if (ipPools) {
      out.v6.allocated = Object.values(pool?.spec?.allocations ?? {}).filter((a) => !a.ifname || a.ifname === MIGRATION_INTERFACE).length;
    }
  }

  return out;
}

export interface PoolLeak {
  pool: string;
  range: string;
  offset: string;
  ip?: string;
  podref: string;
}

/**
 * Whereabouts allocations whose `podref` matches no live pod (Running or Pending) in `input.pods`: addresses
 * held by pods that no longer exist. Keys are decimal offsets from the pool range's first address.
 */
export function findLeaks(input: HealthInput): PoolLeak[] {
  const live = new Set(input.pods.filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending')
    .map((p) => `${ p.metadata?.namespace ?? '' }/${ p.metadata?.name ?? '' }`));
  const leaks: PoolLeak[] = [];

  for (const pool of input.ipPools ?? []) {
    const range = pool.spec?.range ?? '';
    const cidr = parseCidr(range);

    for (const [offset, allocation] of Object.entries(pool.spec?.allocations ?? {})) {
      const podref = allocation.podref ?? '';

      if (live.has(podref)) {
        continue;
      }
      const leak: PoolLeak = {
        pool: `${ pool.metadata?.namespace ?? '' }/${ pool.metadata?.name ?? '' }`, range, offset, podref
      };

      if (cidr?.family === 4 && /^\d+$/.test(offset) && cidr.network + Number(offset) <= cidr.broadcast) {
        leak.ip = ipv4Text(cidr.network + Number(offset));
      }
      leaks.push(leak);
    }
  }

  return leaks;
}
