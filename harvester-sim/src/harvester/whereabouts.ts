import { K8sObject } from '../types';
import { KUBE_SYSTEM, T } from './constants';
import { SimContext } from './context';
import {
  broadcastOf, ipv4ToString, maskOf, parseCIDR, parseIPv4
} from './ipnet';
import type { IpamRange } from './nad';
import { allocateV6 } from './whereabouts-v6';

export interface Allocation { id: string; podref: string; ifname?: string }
type Allocations = Record<string, Allocation>;

/** Pool name: the range with `:` and `/` replaced by `-` (whereabouts pkg/storage/kubernetes/ipam.go, no network_name). */
export function poolName(range: string): string {
  return range.replace(/[:/]/g, '-');
}

export const allocationsOf = (pool: K8sObject | undefined): Allocations => ((pool?.spec as { allocations?: Allocations } | undefined)?.allocations) ?? {};

/** The pool of a range in kube-system, created empty on first use. */
export function poolFor(ctx: SimContext, range: string): string {
  const id = `${ KUBE_SYSTEM }/${ poolName(range) }`;

  if (!ctx.store.get(T.ipPool, id)) {
    ctx.store.create(T.ipPool, {
      apiVersion: 'whereabouts.cni.cncf.io/v1alpha1',
      kind:       'IPPool',
      metadata:   { name: poolName(range), namespace: KUBE_SYSTEM },
      spec:       { range, allocations: {} },
    });
  }

  return id;
}

/** Records an allocation under its decimal offset from the range's network address. */
export function record(ctx: SimContext, id: string, offset: string, allocation: Allocation): void {
  ctx.store.patch(T.ipPool, id, (obj) => {
    const spec = obj.spec as { allocations?: Allocations };

    spec.allocations = { ...spec.allocations, [offset]: allocation };
  });
}

/** Excluded addresses as whereabouts sees them: the whole masked subnet; a bare IP is a /32. */
function excludedRanges(exclude: string[]): [number, number][] {
  return exclude.flatMap((text): [number, number][] => {
    const cidr = parseCIDR(text.includes('/') ? text : `${ text }/32`).cidr;

    return cidr && cidr.family === 4 ? [[cidr.network, broadcastOf(cidr.network, cidr.prefix)]] : [];
  });
}

export type AllocationResult = { ip: string; prefix: number } | { error: string };

/**
 * Whereabouts IPAM ADD (pkg/allocate/allocate.go AssignIP + kubernetes storage): the same pod+ifname reuses its
 * address; otherwise the lowest free address from network+1 to broadcast-1 that is neither allocated nor inside
 * an excluded subnet. The allocation is recorded in `kube-system/<pool>` under its decimal offset. Exhaustion
 * returns whereabouts' AssignmentError text.
 */
export function allocate(ctx: SimContext, ipam: IpamRange, podref: string, containerId: string, ifname: string): AllocationResult {
  const { range } = ipam;
  const exclude = ipam.exclude ?? [];
  const cidr = parseCIDR(range).cidr;

  if (cidr?.family === 6) {
    return allocateV6(ctx, ipam, podref, containerId, ifname);
  }
  if (!cidr) {
    return { error: `invalid range ${ range }` };
  }
  const id = poolFor(ctx, range);
  const allocations = allocationsOf(ctx.store.get(T.ipPool, id));
  const first = cidr.network + 1;
  const last = broadcastOf(cidr.network, cidr.prefix) - 1;
  const reuse = Object.entries(allocations).find(([, a]) => a.podref === podref && a.ifname === ifname);

  if (reuse) {
    return { ip: ipv4ToString(cidr.network + Number(reuse[0])), prefix: cidr.prefix };
  }
  const excluded = excludedRanges(exclude);

  for (let ip = first; ip <= last; ip++) {
    const offset = String(ip - cidr.network);
    const skip = excluded.find(([from, to]) => ip >= from && ip <= to);

    if (skip) {
      ip = skip[1];
      continue;
    }
    if (allocations[offset]) {
      continue;
    }
    record(ctx, id, offset, {
      id: containerId, podref, ifname
    });

    return { ip: ipv4ToString(ip), prefix: cidr.prefix };
  }

  return { error: exhaustedError(range, exclude) };
}

/** whereabouts' AssignmentError text when no address is left. */
export function exhaustedError(range: string, exclude: string[]): string {
  const cidr = parseCIDR(range).cidr;
  const first = cidr ? ipv4ToString(cidr.network + 1) : '';
  const last = cidr ? ipv4ToString(broadcastOf(cidr.network, cidr.prefix) - 1) : '';

  return `Could not allocate IP in range: ip: ${ first } / - ${ last } / range: ${ range } / excludeRanges: [${ exclude.join(' ') }]`;
}

/** Whereabouts IPAM DEL: drops every allocation of the pod (and interface) from every pool. */
export function release(ctx: SimContext, podref: string, ifname?: string): void {
  for (const pool of ctx.store.list(T.ipPool)) {
    const allocations = allocationsOf(pool);
    const keep = Object.fromEntries(Object.entries(allocations).filter(([, a]) => !(a.podref === podref && (!ifname || a.ifname === ifname))));

    if (Object.keys(keep).length !== Object.keys(allocations).length) {
      ctx.store.patch(T.ipPool, `${ pool.metadata.namespace }/${ pool.metadata.name }`, (obj) => {
        (obj.spec as { allocations?: Allocations }).allocations = keep;
      });
    }
  }
}

/** Whether `ip` is inside `range` and outside every exclude (whole masked subnet) — for tests and health checks. */
export function inRange(ip: string, range: string, exclude: string[] = []): boolean {
  const cidr = parseCIDR(range).cidr;
  const value = parseIPv4(ip);

  if (!cidr || value === undefined || ((value & maskOf(cidr.prefix)) >>> 0) !== cidr.network) {
    return false;
  }

  return !excludedRanges(exclude).some(([from, to]) => value >= from && value <= to);
}
