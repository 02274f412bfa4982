import ipaddr from 'ipaddr.js';

/**
 * The slice of Go's `net`/`net/netip` behaviour the Harvester webhook depends on, and the address enumeration of
 * `harvester/harvester:pkg/webhook/util/ip.go`. IPv4 addresses are unsigned 32-bit numbers.
 */
export interface Cidr {
  family: 4 | 6;
  /** The address as written (IPv4 only; 0 for IPv6). */
  ip: number;
  /** The masked network address (IPv4 only). */
  network: number;
  prefix: number;
  /** Go's `IPNet.String()` of the masked network. */
  networkText: string;
  /** IPv6 only: the literal address equals the masked network. */
  v6HostBitsZero?: boolean;
}

const IPV4 = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** `netip.ParseAddr` for IPv4: four decimal octets, no leading zeros. */
export function parseIPv4(text: string): number | undefined {
  const m = IPV4.exec(text);

  if (!m) {
    return undefined;
  }
  const octets = m.slice(1, 5).map(Number);

  return octets.some((o) => o > 255) ? undefined : ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
}

export function ipv4ToString(ip: number): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function broadcastOf(network: number, prefix: number): number {
  return (network | (~maskOf(prefix) >>> 0)) >>> 0;
}

/** Go's `dtoi`: leading decimal digits; leading zeros accepted. */
function dtoi(text: string): number | undefined {
  return /^\d+$/.test(text) && text.length < 8 ? Number(text) : undefined;
}

/** `net.ParseCIDR`; the error text is Go's `invalid CIDR address: <s>`. */
export function parseCIDR(text: string): { cidr?: Cidr; error?: string } {
  const error = `invalid CIDR address: ${ text }`;
  const slash = text.indexOf('/');

  if (slash < 0) {
    return { error };
  }
  const addr = text.slice(0, slash);
  const bits = dtoi(text.slice(slash + 1));
  const v4 = parseIPv4(addr);

  if (v4 !== undefined) {
    if (bits === undefined || bits > 32) {
      return { error };
    }
    const network = (v4 & maskOf(bits)) >>> 0;

    return {
      cidr: {
        family: 4, ip: v4, network, prefix: bits, networkText: `${ ipv4ToString(network) }/${ bits }`
      }
    };
  }
  if (addr.includes('%') || !addr.includes(':') || !ipaddr.IPv6.isValid(addr) || bits === undefined || bits > 128) {
    return { error };
  }
  const parsed = ipaddr.IPv6.parse(addr);
  const masked = ipaddr.IPv6.networkAddressFromCIDR(`${ addr }/${ bits }`);

  return {
    cidr: {
      family: 6, ip: 0, network: 0, prefix: bits, networkText: `${ masked.toRFC5952String() }/${ bits }`, v6HostBitsZero: masked.toNormalizedString() === parsed.toNormalizedString()
    }
  };
}

/** `netip.ParsePrefix` (stricter than ParseCIDR: no leading zeros in the prefix length). */
export function parsePrefix(text: string): { cidr?: Cidr; error?: string } {
  const slash = text.indexOf('/');
  const bits = slash < 0 ? '' : text.slice(slash + 1);

  if (slash < 0) {
    return { error: `netip.ParsePrefix("${ text }"): no '/'` };
  }
  if (bits.length > 1 && bits[0] === '0') {
    return { error: `netip.ParsePrefix("${ text }"): bad bits after slash: "${ bits }"` };
  }
  const parsed = parseCIDR(text);

  return parsed.cidr ? parsed : { error: `netip.ParsePrefix("${ text }"): bad bits after slash: "${ bits }"` };
}

/** `netip.Prefix.Overlaps`: same family and one masked prefix contains the other's network. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) {
    return false;
  }
  if (a.family === 6) {
    // Reached before v1.9, whose webhook lets an IPv6 range through to the exclude checks.
    const bits = Math.min(a.prefix, b.prefix);

    return ipaddr.IPv6.parse(a.networkText.split('/')[0]).match(ipaddr.IPv6.parse(b.networkText.split('/')[0]), bits);
  }
  const prefix = Math.min(a.prefix, b.prefix);

  return ((a.network & maskOf(prefix)) >>> 0) === ((b.network & maskOf(prefix)) >>> 0);
}

/**
 * `GetUsableIPAddresses(range, exclude)` of ip.go: every address of `range` but its network and broadcast
 * addresses, minus, for each exclude, the addresses from the literal IP written up to the end of its masked
 * network (so `10.0.0.5/30` removes .5-.7 only, unlike whereabouts). Inputs must already parse.
 */
export function usableAddresses(range: string, exclude: string[]): Set<number> {
  const include = parseCIDR(range).cidr as Cidr;
  const out = new Set<number>();
  const broadcast = broadcastOf(include.network, include.prefix);

  for (let ip = include.ip; ip <= broadcast; ip++) {
    if (ip !== include.network && ip !== broadcast) {
      out.add(ip);
    }
  }
  for (const text of exclude) {
    const ex = parseCIDR(text).cidr as Cidr;
    const end = broadcastOf(ex.network, ex.prefix);

    for (let ip = ex.ip; ip <= end; ip++) {
      out.delete(ip);
    }
  }

  return out;
}
