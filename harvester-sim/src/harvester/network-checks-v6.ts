import ipaddr from 'ipaddr.js';
import { CheckError } from './check-error';
import { NetworkConfig } from './godecode';
import { parseCIDR } from './ipnet';

/**
 * The IPv6 side of the network settings' webhook, by release. Before v1.9 ip.go's enumeration increments only an
 * IPv4 view of the address, so on an IPv6 range it never ends: the apiserver gives up after the webhook's 10 s
 * and the write fails. v1.10 checks the dual-stack keys as its pull requests describe (the wording of a bad
 * `rangeV6` itself, and that the window lies inside it, are not settled upstream: see docs/harvester-behaviour.md).
 */
export class WebhookTimeout extends Error {}

/** `net.ParseIP(text)` of an IPv6 address (an IPv4 text is not one). */
function parseV6(text: string): ipaddr.IPv6 | undefined {
  if (text.includes('%') || !text.includes(':') || !ipaddr.IPv6.isValid(text)) {
    return undefined;
  }

  return ipaddr.IPv6.parse(text);
}

function toBig(ip: ipaddr.IPv6): bigint {
  return ip.parts.reduce((sum, part) => (sum << 16n) + BigInt(part), 0n);
}

/** Before v1.9: an IPv6 range passes the range checks and then hangs the address count. */
export function enumerationHangs(config: NetworkConfig): boolean {
  return parseCIDR(config.range).cidr?.family === 6;
}

/**
 * v1.10 checks of `rangeV6`, `rangeV6Start`, `rangeV6End`, after the IPv4 range's. Returns how many addresses the
 * IPv6 part adds to the count: `end - start + 1` when both ends are set, else 0.
 */
export function checkDualStack(config: NetworkConfig): bigint {
  if (config.rangeV6) {
    const { cidr, error } = parseCIDR(config.rangeV6);

    if (!cidr) {
      throw new CheckError(error as string);
    }
    if (cidr.family !== 6) {
      throw new CheckError(`rangeV6 ${ config.rangeV6 } is not an IPv6 CIDR`);
    }
    if (!cidr.v6HostBitsZero) {
      throw new CheckError(`rangeV6 should be subnet CIDR ${ cidr.networkText }`);
    }
  }
  const start = config.rangeV6Start ? parseV6(config.rangeV6Start) : undefined;
  const end = config.rangeV6End ? parseV6(config.rangeV6End) : undefined;

  if (config.rangeV6Start && !start) {
    throw new CheckError(`invalid rangeV6Start: ${ config.rangeV6Start }`);
  }
  if (config.rangeV6End && !end) {
    throw new CheckError(`invalid rangeV6End: ${ config.rangeV6End }`);
  }
  if (!start || !end || !config.rangeV6) {
    return 0n;
  }
  if (toBig(start) > toBig(end)) {
    throw new CheckError(`rangeV6Start ${ config.rangeV6Start } must not be after rangeV6End ${ config.rangeV6End }`);
  }

  return toBig(end) - toBig(start) + 1n;
}
