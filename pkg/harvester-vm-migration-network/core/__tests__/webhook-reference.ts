/**
 * Test-only reference: Harvester's webhook rules W4–W22 written the way Harvester writes them — first failure
 * wins, addresses enumerated one by one (pkg/webhook/util/ip.go) — to check the interval arithmetic against.
 */
import { Cidr, ipv4Text, parseCidr } from '../cidr';
import { ClusterFacts, MigrationNetworkValue } from '../types';

const MIN = 16;

function cidr(text: string): Cidr | undefined {
  return parseCidr(text);
}

/**
 * ip.go `GetUsableIPAddresses` as Harvester writes it: a map keyed by `ip.String()` of every address of the range
 * but network/broadcast, a second map of every excluded address (from each exclude's literal IP to its end), then
 * deletion. Used by the reference verdict and timed by the benchmark.
 */
export function enumerateUsableText(range: string, exclude: string[]): Map<string, true> {
  const r = cidr(range) as Cidr;
  const include = new Map<string, true>();
  const excluded = new Map<string, true>();

  for (let ip = r.ip; ip <= r.broadcast; ip++) {
    if (ip !== r.network && ip !== r.broadcast) {
      include.set(ipv4Text(ip), true);
    }
  }
  for (const text of exclude) {
    const ex = cidr(text) as Cidr;

    for (let ip = ex.ip; ex.family === 4 && ip <= ex.broadcast; ip++) {
      excluded.set(ipv4Text(ip), true);
    }
  }
  for (const ip of include.keys()) {
    if (excluded.has(ip)) {
      include.delete(ip);
    }
  }

  return include;
}

/** Same set as numbers (faster enumeration, for counting checks). */
export function enumerateUsable(range: string, exclude: string[]): Set<number> {
  const r = cidr(range) as Cidr;
  const out = new Set<number>();

  for (let ip = r.ip; ip <= r.broadcast; ip++) {
    if (ip !== r.network && ip !== r.broadcast) {
      out.add(ip);
    }
  }
  for (const text of exclude) {
    const ex = cidr(text) as Cidr;

    if (ex.family !== 4) {
      continue;
    }
    for (let ip = ex.ip; ip <= ex.broadcast; ip++) {
      out.delete(ip);
    }
  }

  return out;
}

/** Whereabouts: whole masked exclude subnets. */
export function enumerateWhereabouts(range: string, exclude: string[]): Set<number> {
  const out = enumerateUsable(range, []);

  for (const text of exclude) {
    const ex = cidr(text);

    if (ex?.family === 4) {
      for (let ip = ex.network; ip <= ex.broadcast; ip++) {
        out.delete(ip);
      }
    }
  }

  return out;
}

function overlap(a: string, b: string): boolean | string {
  if (!a || !b) {
    return false;
  }
  const pa = cidr(a);
  const pb = cidr(b);

  for (const [p, t] of [[pa, a], [pb, b]] as [Cidr | undefined, string][]) {
    if (!p || !p.strictPrefix) {
      return `netip.ParsePrefix("${ t }"): bad bits after slash: "${ t.slice(t.indexOf('/') + 1) }"`;
    }
  }
  const x = pa as Cidr;
  const y = pb as Cidr;

  if (x.family !== y.family) {
    return false;
  }
  const bits = Math.min(x.prefix, y.prefix);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;

  return ((x.network & mask) >>> 0) === ((y.network & mask) >>> 0);
}

/**
 * The webhook's verdict on a decoded value: its first error message, or undefined when it accepts. `enumerate`
 * picks the address enumeration: ip.go's string-keyed maps (default) or numbers.
 */
export function referenceWebhook(config: MigrationNetworkValue, facts: ClusterFacts, enumerate: (range: string, exclude: string[]) => Map<string, true> | Set<number> = enumerateUsableText): string | undefined {
  if (config.vlan > 4094) {
    return 'the valid value range for VLAN IDs is 0 to 4094';
  }
  if (config.vlan <= 1 && config.clusterNetwork === 'mgmt') {
    return `network with vlan id ${ config.vlan } not allowed on mgmt cluster`;
  }
  const range = cidr(config.range);

  if (!range) {
    return `invalid CIDR address: ${ config.range }`;
  }
  if (!range.hostBitsZero) {
    return `range should be subnet CIDR ${ range.networkText }`;
  }
  if (range.family === 6) {
    return 'IPv6 ranges are not supported for network settings';
  }
  if (range.prefix < MIN) {
    return `min supported prefix length for network is 16, include Range PrefixLen received ${ range.prefix }`;
  }
  let previous = '';

  for (const ex of config.exclude) {
    const e = cidr(ex);

    if (!e) {
      return `invalid CIDR address: ${ ex }`;
    }
    if (e.prefix < MIN) {
      return `min supported prefix length for network is 16, exclude Range PrefixLen received ${ e.prefix }`;
    }
    const o = overlap(config.range, ex);

    if (typeof o === 'string') {
      return o;
    }
    if (!o) {
      return `exclude range ${ ex } do not overlap include range ${ config.range }`;
    }
    if (e.prefix <= range.prefix) {
      return `exclude Range ${ ex } includes include Range ${ config.range }, no allocatable ip addresses`;
    }
    const o2 = overlap(ex, previous);

    if (typeof o2 === 'string') {
      return o2;
    }
    if (o2) {
      return `exclude ranges have overlapping subnets ${ ex } ${ previous }`;
    }
    previous = ex;
  }
  const cn = config.clusterNetwork;

  if (cn !== 'mgmt') {
    const fact = facts.clusterNetworks?.find((c) => c.name === cn);

    if (!fact) {
      return `cluster network ${ cn } not found because clusternetworks.network.harvesterhci.io "${ cn }" not found`;
    }
    if (fact.vlanStatuses.length === 0) {
      return `vlan status not present for cluster network ${ cn }`;
    }
    const bad = fact.vlanStatuses.find((s) => s.ready === 'False');

    if (bad) {
      return `vs ${ bad.name } status is not Ready`;
    }
    if (fact.vlanConfigs.length === 0) {
      return `vlan config not present for cluster network ${ cn }`;
    }
    const matched = new Set<string>();

    for (const vc of fact.vlanConfigs) {
      if (!vc.matchedNodes) {
        return 'vlan config annotations is absent for matched nodes';
      }
      vc.matchedNodes.forEach((n) => matched.add(n));
    }
    const missing = (facts.nodes ?? []).find((n) => !n.witness && !matched.has(n.name));

    if (missing) {
      return `vlanconfig does not span ${ missing.name }`;
    }
  }
  const needed = (facts.nodes ?? []).filter((n) => !n.hasWitnessLabel).length;

  const mine = enumerate(config.range, config.exclude);

  if (mine.size < needed) {
    return `allocatable IP address range is < ${ needed }, allocate sufficient range`;
  }
  const storage = facts.peers?.storageNetwork;

  if (storage) {
    const peer = JSON.parse(storage) as MigrationNetworkValue;
    const theirs = enumerate(peer.range, peer.exclude ?? []);

    for (const ip of mine.keys()) {
      if ((theirs as Set<unknown>).has(ip)) {
        return 'vm-migration-network: the network configuration is overlapped with storage-network';
      }
    }
  }

  return undefined;
}
