import { ipv6Number } from '../cidr';
import { V6Form } from '../dual-stack';
import { HealthFlag } from '../types';

/** The addresses a node's IPv6 `migration0` address may have, as 128-bit numbers. */
export interface V6Bounds {
  first: bigint;
  last: bigint;
}

/**
 * Where Whereabouts hands out IPv6 addresses: the window when both ends are set, else the range's network + 1 to
 * its last address - 1. Undefined when the range does not read as IPv6 (the editor says why).
 */
export function v6Bounds(v6: V6Form): V6Bounds | undefined {
  const [address, bits] = v6.range.split('/');
  const network = ipv6Number(address ?? '');
  const prefix = Number(bits);

  if (network === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > 128) {
    return undefined;
  }
  const start = v6.start ? ipv6Number(v6.start) : undefined;
  const end = v6.end ? ipv6Number(v6.end) : undefined;

  if (start !== undefined && end !== undefined) {
    return { first: start, last: end };
  }

  return { first: network + 1n, last: network + (1n << BigInt(128 - prefix)) - 2n };
}

/** A node's IPv6 address in dual stack: missing, or outside where Whereabouts should have taken it from. */
export function v6Flags(ip: string | undefined, bounds: V6Bounds): HealthFlag[] {
  if (ip === undefined) {
    return ['noIpV6'];
  }
  const value = ipv6Number(ip);

  return value === undefined || value < bounds.first || value > bounds.last ? ['ipV6OutsideWindow'] : [];
}
