import ipaddr from 'ipaddr.js';

/**
 * Go-compatible reading of CIDR text on top of ipaddr.js: the address is parsed by ipaddr.js only; this file adds
 * the few rules where Go's `net.ParseCIDR` / `netip.ParsePrefix` are stricter or looser than ipaddr.js.
 * IPv4 addresses are unsigned 32-bit integers held in plain numbers.
 */
export interface Cidr {
  /** The text as written. */
  text: string;
  family: 4 | 6;
  prefix: number;
  /** The address as written (IPv4 only, else 0). */
  ip: number;
  /** First and last address of the masked network (IPv4 only, else 0). */
  network: number;
  broadcast: number;
  /** The literal address equals the masked network. */
  hostBitsZero: boolean;
  /** Go's `IPNet.String()` of the masked network, e.g. `10.0.0.0/24`. */
  networkText: string;
  /** `netip.ParsePrefix` accepts it too (no leading zero in the prefix length). */
  strictPrefix: boolean;
}

const FOUR_PART = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/;
const DIGITS = /^\d+$/;

/** Network mask of an IPv4 prefix as an unsigned number. */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Dotted text of an IPv4 number. */
export function ipv4Text(ip: number): string {
  return `${ ip >>> 24 }.${ (ip >>> 16) & 255 }.${ (ip >>> 8) & 255 }.${ ip & 255 }`;
}

/** IPv4 address text (four decimal parts, no leading zeros, as Go's `netip.ParseAddr`) to a number. */
export function parseIPv4(text: string): number | undefined {
  if (!FOUR_PART.test(text)) {
    return undefined;
  }
  try {
    const [a, b, c, d] = ipaddr.IPv4.parse(text).octets;

    return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  } catch {
    return undefined;
  }
}

function isIPv6Address(text: string): boolean {
  return !text.includes('%') && ipaddr.IPv6.isValid(text);
}

const MEMO_LIMIT = 8192;
const memo = new Map<string, Cidr | null>();

const dependentMemos: (() => void)[] = [];

/** Registers a memo of validation work to forget with the parses, so that a cold run redoes all of it. */
export function forgetWithCidrMemo(clear: () => void): void {
  dependentMemos.push(clear);
}

/** Forgets memoized parses and every memo registered with `forgetWithCidrMemo` (benchmarks measure cold runs so). */
export function clearCidrMemo(): void {
  memo.clear();
  for (const clear of dependentMemos) {
    clear();
  }
}

/**
 * Go's `net.ParseCIDR`: four-part decimal IPv4 or an IPv6 address without zone, `/`, decimal prefix length
 * (leading zeros accepted) not above the address size. Returns undefined where Go returns
 * `invalid CIDR address: <text>`. Never throws. Results are memoized per text (the editor re-validates on every
 * keystroke with mostly unchanged rows, and ipaddr.js parsing dominates the cost); treat them as read-only.
 */
export function parseCidr(text: string): Cidr | undefined {
  const known = memo.get(text);

  if (known !== undefined) {
    return known ?? undefined;
  }
  const parsed = parseCidrUncached(text);

  if (memo.size >= MEMO_LIMIT) {
    memo.clear();
  }
  memo.set(text, parsed ?? null);

  return parsed;
}

function parseCidrUncached(text: string): Cidr | undefined {
  const slash = text.indexOf('/');

  if (slash < 0) {
    return undefined;
  }
  const addr = text.slice(0, slash);
  const bits = text.slice(slash + 1);

  if (!DIGITS.test(bits)) {
    return undefined;
  }
  const prefix = Number(bits);
  const strictPrefix = bits.length === 1 || bits[0] !== '0';
  const v4 = parseIPv4(addr);

  if (v4 !== undefined) {
    if (prefix > 32) {
      return undefined;
    }
    const network = (v4 & maskOf(prefix)) >>> 0;
    const broadcast = (network | (~maskOf(prefix) >>> 0)) >>> 0;

    return {
      text, family: 4, prefix, ip: v4, network, broadcast, hostBitsZero: v4 === network, networkText: `${ ipv4Text(network) }/${ prefix }`, strictPrefix
    };
  }
  if (prefix > 128 || !isIPv6Address(addr)) {
    return undefined;
  }
  const masked = ipaddr.IPv6.networkAddressFromCIDR(`${ addr }/${ prefix }`);

  return {
    text,
    family:       6,
    prefix,
    ip:           0,
    network:      0,
    broadcast:    0,
    hostBitsZero: masked.toNormalizedString() === ipaddr.IPv6.parse(addr).toNormalizedString(),
    networkText:  `${ masked.toRFC5952String() }/${ prefix }`,
    strictPrefix,
  };
}

/** Go's error text for a CIDR `net.ParseCIDR` refuses. */
export function invalidCidrMessage(text: string): string {
  return `invalid CIDR address: ${ text }`;
}

/** Go's `netip.ParsePrefix` error for text `net.ParseCIDR` accepted but ParsePrefix does not. */
export function parsePrefixMessage(text: string): string {
  const slash = text.indexOf('/');

  return `netip.ParsePrefix("${ text }"): bad bits after slash: "${ text.slice(slash + 1) }"`;
}

/** `netip.Prefix.Overlaps` for two parsed CIDRs: same family and one masked network contains the other. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) {
    return false;
  }
  if (a.family === 6) {
    const bits = Math.min(a.prefix, b.prefix);

    return ipaddr.IPv6.parse(a.networkText.split('/')[0]).match(ipaddr.IPv6.parse(b.networkText.split('/')[0]), bits);
  }

  return a.network <= b.broadcast && b.network <= a.broadcast;
}

/** True when `ip` (any text) is an IPv4 address inside `cidr`. */
export function cidrContains(cidr: Cidr, ip: number): boolean {
  return cidr.family === 4 && ip >= cidr.network && ip <= cidr.broadcast;
}

/** An IPv6 address text (not an IPv4 one, no zone) as a 128-bit number; undefined when it is not one. */
export function ipv6Number(text: string): bigint | undefined {
  if (text.includes('%') || !text.includes(':') || !ipaddr.IPv6.isValid(text)) {
    return undefined;
  }

  return ipaddr.IPv6.parse(text).parts.reduce((sum, part) => (sum << 16n) + BigInt(part), 0n);
}
