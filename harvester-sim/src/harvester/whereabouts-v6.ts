import ipaddr from 'ipaddr.js';
import { T } from './constants';
import { SimContext } from './context';
import { parseCIDR } from './ipnet';
import type { IpamRange } from './nad';
import type { AllocationResult } from './whereabouts';
import { allocationsOf, poolFor, record } from './whereabouts';

const toBig = (ip: ipaddr.IPv6) => ip.parts.reduce((sum, part) => (sum << 16n) + BigInt(part), 0n);

function fromBig(value: bigint): string {
  const parts = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(16 * (7 - i))) & 0xffffn));

  return new ipaddr.IPv6(parts).toRFC5952String();
}

/**
 * Whereabouts IPAM ADD on an IPv6 range (dual stack's second entry): the lowest free address from `range_start`
 * (else network + 1) to `range_end` (else the last address - 1), recorded in the range's pool under its decimal
 * offset; the same pod and interface reuse their address. IPv6 excludes are not modelled (v1.10 writes none).
 */
export function allocateV6(ctx: SimContext, ipam: IpamRange, podref: string, containerId: string, ifname: string): AllocationResult {
  const cidr = parseCIDR(ipam.range).cidr;

  if (!cidr || cidr.family !== 6) {
    return { error: `invalid range ${ ipam.range }` };
  }
  const network = toBig(ipaddr.IPv6.parse(cidr.networkText.split('/')[0]));
  const size = 1n << BigInt(128 - cidr.prefix);
  const first = ipam.range_start ? toBig(ipaddr.IPv6.parse(ipam.range_start)) : network + 1n;
  const last = ipam.range_end ? toBig(ipaddr.IPv6.parse(ipam.range_end)) : network + size - 2n;
  const id = poolFor(ctx, ipam.range);
  const allocations = allocationsOf(ctx.store.get(T.ipPool, id));
  const reuse = Object.entries(allocations).find(([, a]) => a.podref === podref && a.ifname === ifname);

  if (reuse) {
    return { ip: fromBig(network + BigInt(reuse[0])), prefix: cidr.prefix };
  }
  for (let ip = first; ip <= last; ip++) {
    const offset = String(ip - network);

    if (!allocations[offset]) {
      record(ctx, id, offset, {
        id: containerId, podref, ifname
      });

      return { ip: fromBig(ip), prefix: cidr.prefix };
    }
  }

  return { error: `Could not allocate IP in range: ip: ${ fromBig(first) } / - ${ fromBig(last) } / range: ${ ipam.range } / excludeRanges: []` };
}
