import { ClusterReader, K8sObject } from '../types';
import {
  LABEL_CLUSTER_NETWORK, LABEL_MATCHED_NODES, LABEL_WITNESS, MGMT, STORAGE_NETWORK, T, VM_MIGRATION_NETWORK
} from './constants';
import { CheckError } from './check-error';
import { decodeNetworkConfig, decodeStringList, NetworkConfig } from './godecode';
import { overlaps, parseCIDR, parsePrefix, usableAddresses } from './ipnet';
import { checkDualStack, enumerationHangs, WebhookTimeout } from './network-checks-v6';
import { WebhookRules } from './versions';

/** `minSNPrefixLength` of the setting validator. */
const MIN_PREFIX = 16;

export { CheckError };

type Labels = Record<string, string>;

function conditionIs(obj: K8sObject, type: string, status: string): boolean {
  const conditions = ((obj.status as { conditions?: { type?: string; status?: string }[] } | undefined)?.conditions) ?? [];

  return conditions.some((c) => c.type === type && c.status === status);
}

const labelled = (list: K8sObject[], key: string, value: string) => list.filter((o) => (o.metadata.labels as Labels | undefined)?.[key] === value);

/** W4/W5 `checkNetworkVlanValid`. */
function checkVlan(config: NetworkConfig): void {
  if (config.vlan > 4094) {
    throw new CheckError('the valid value range for VLAN IDs is 0 to 4094');
  }
  if (config.vlan <= 1 && config.clusterNetwork === MGMT) {
    throw new CheckError(`network with vlan id ${ config.vlan } not allowed on ${ config.clusterNetwork } cluster`);
  }
}

/** W6-W14 `checkNetworkRangeValid` + `validateIncludeExcludeRanges` (W8 is the v1.9 IPv6 guard). */
function checkRange(config: NetworkConfig, rules: WebhookRules): void {
  const { cidr, error } = parseCIDR(config.range);

  if (!cidr) {
    throw new CheckError(error as string);
  }
  const hostBitsZero = cidr.family === 4 ? cidr.ip === cidr.network : cidr.v6HostBitsZero;

  if (!hostBitsZero) {
    throw new CheckError(`range should be subnet CIDR ${ cidr.networkText }`);
  }
  if (cidr.family === 6 && rules.refusesIPv6Range) {
    throw new CheckError('IPv6 ranges are not supported for network settings');
  }
  if (cidr.prefix < MIN_PREFIX) {
    throw new CheckError(`min supported prefix length for network is ${ MIN_PREFIX }, include Range PrefixLen received ${ cidr.prefix }`);
  }
  let previous = '';

  for (const excludeIP of config.exclude) {
    const parsed = parseCIDR(excludeIP);

    if (!parsed.cidr) {
      throw new CheckError(parsed.error as string);
    }
    if (parsed.cidr.prefix < MIN_PREFIX) {
      throw new CheckError(`min supported prefix length for network is ${ MIN_PREFIX }, exclude Range PrefixLen received ${ parsed.cidr.prefix }`);
    }
    if (!isOverlap(config.range, excludeIP)) {
      throw new CheckError(`exclude range ${ excludeIP } do not overlap include range ${ config.range }`);
    }
    if (parsed.cidr.prefix <= cidr.prefix) {
      throw new CheckError(`exclude Range ${ excludeIP } includes include Range ${ config.range }, no allocatable ip addresses`);
    }
    if (isOverlap(excludeIP, previous)) {
      throw new CheckError(`exclude ranges have overlapping subnets ${ excludeIP } ${ previous }`);
    }
    previous = excludeIP;
  }
}

/** `isOverlap` of the validator: empty strings never overlap; netip parse errors are returned as-is. */
function isOverlap(a: string, b: string): boolean {
  if (!a || !b) {
    return false;
  }
  const pa = parsePrefix(a);
  const pb = parsePrefix(b);

  if (!pa.cidr || !pb.cidr) {
    throw new CheckError((pa.error ?? pb.error) as string);
  }

  return overlaps(pa.cidr, pb.cidr);
}

/** W15-W17 `checkVlanStatusReady`. */
function checkVlanStatus(config: NetworkConfig, reader: ClusterReader): void {
  const cn = config.clusterNetwork;

  if (cn === MGMT) {
    return;
  }
  if (!reader.get(T.clusterNetwork, cn)) {
    throw new CheckError(`cluster network ${ cn } not found because clusternetworks.network.harvesterhci.io "${ cn }" not found`);
  }
  const statuses = labelled(reader.list(T.vlanStatus), LABEL_CLUSTER_NETWORK, cn);

  if (statuses.length === 0) {
    throw new CheckError(`vlan status not present for cluster network ${ cn }`);
  }
  const notReady = statuses.find((vs) => conditionIs(vs, 'ready', 'False'));

  if (notReady) {
    throw new CheckError(`vs ${ notReady.metadata.name } status is not Ready`);
  }
}

/** Witness node (v1.7+ `IsWitnessNode`): label `node-role.harvesterhci.io/witness` = "true". */
export function isWitness(node: K8sObject): boolean {
  return (node.metadata.labels as Labels | undefined)?.[LABEL_WITNESS] === 'true';
}

/**
 * W18-W20 `checkVCSpansAllNodes`: before v1.9 a VlanConfig without the matched-nodes annotation fails; from v1.9
 * one whose annotation is absent or `[]` is skipped (it applies to no node).
 */
function checkSpansAllNodes(config: NetworkConfig, reader: ClusterReader, rules: WebhookRules): void {
  const cn = config.clusterNetwork;

  if (cn === MGMT) {
    return;
  }
  const configs = labelled(reader.list(T.vlanConfig), LABEL_CLUSTER_NETWORK, cn);

  if (configs.length === 0) {
    throw new CheckError(`vlan config not present for cluster network ${ cn }`);
  }
  const matched = new Set<string>();

  for (const vc of configs) {
    const annotation = (vc.metadata.annotations as Labels | undefined)?.[LABEL_MATCHED_NODES];

    if (rules.skipsUnmatchedVlanConfig && (!annotation || annotation === '[]')) {
      continue;
    }
    if (!annotation) {
      throw new CheckError('vlan config annotations is absent for matched nodes');
    }
    const { list, error } = decodeStringList(annotation);

    if (!list) {
      throw new CheckError(error as string);
    }
    list.forEach((n) => matched.add(n));
  }
  const missing = reader.list(T.node).find((node) => !isWitness(node) && !matched.has(node.metadata.name));

  if (missing) {
    throw new CheckError(`vlanconfig does not span ${ missing.metadata.name }`);
  }
}

/**
 * W21 `checkVMMigrationNetworkRangeValid` (v1.8 wording): one IP per node without the witness label key; v1.10 adds
 * the IPv6 window's addresses to the IPv4 count.
 */
function checkMigrationIPCount(config: NetworkConfig, reader: ClusterReader, v6Window: bigint, rules: WebhookRules): void {
  const nodes = reader.list(T.node);
  const needed = nodes.filter((n) => !(n.metadata.labels && LABEL_WITNESS in n.metadata.labels)).length;

  if (BigInt(enumerate(config).size) + v6Window < BigInt(needed)) {
    // v1.6 and v1.7 name every node, witnesses too, and leave out the space.
    throw new CheckError(rules.legacyCountText ? `allocatable IP address range is < ${ nodes.length },allocate sufficient range` : `allocatable IP address range is < ${ needed }, allocate sufficient range`);
  }
}

/** `checkStorageNetworkRangeValid`: 2 + 2 per disk for every Longhorn node (none in most scenarios). */
function checkStorageIPCount(config: NetworkConfig, reader: ClusterReader, rules: WebhookRules): void {
  const needed = reader.list(T.longhornNode).reduce((sum, n) => sum + 2 + 2 * Object.keys(((n.spec as { disks?: object } | undefined)?.disks) ?? {}).length, 0);

  if (enumerate(config).size < needed) {
    throw new CheckError(`allocatable IP address range is < ${ needed },${ rules.legacyCountText ? '' : ' ' }allocate sufficient range`);
  }
}

/** ip.go's count of a range that parsed; before v1.9 an IPv6 range never finishes counting. */
function enumerate(config: NetworkConfig): Set<number> {
  if (enumerationHangs(config)) {
    throw new WebhookTimeout();
  }

  return usableAddresses(config.range, config.exclude);
}

/**
 * `validateNetworkHelper(name, value)` of harvester/harvester pkg/webhook/resources/setting/validator.go:
 * "" passes (returns undefined); otherwise W3 -> W4/W5 -> W6-W14 -> (v1.10) IPv6 part -> W15-W17 -> W18-W20 -> W21,
 * first failure wins. `rules` are the release's (versions.ts).
 */
export function validateNetworkHelper(name: string, value: string, reader: ClusterReader, rules: WebhookRules): NetworkConfig | undefined {
  if (value === '') {
    return undefined;
  }
  const { config, error } = decodeNetworkConfig(value, { dualStack: rules.dualStack, exclusiveVlan: rules.exclusiveVlan });

  if (!config) {
    throw new CheckError(`failed to unmarshal the setting value ${ value }, ${ error }`);
  }
  checkVlan(config);
  checkRange(config, rules);
  const v6Window = rules.dualStack ? checkDualStack(config) : 0n;

  checkVlanStatus(config, reader);
  checkSpansAllNodes(config, reader, rules);
  if (name === VM_MIGRATION_NETWORK) {
    checkMigrationIPCount(config, reader, v6Window, rules);
  } else if (name === STORAGE_NETWORK) {
    checkStorageIPCount(config, reader, rules);
  }

  return config;
}

/** ip.go's enumeration; a range or exclude that does not parse fails with Go's parse error. */
function usable(config: NetworkConfig): Set<number> {
  const bad = [config.range, ...config.exclude].map((c) => parseCIDR(c).error).find(Boolean);

  if (bad) {
    throw new CheckError(bad);
  }

  return enumerate(config);
}

/** W22 `checkNetworkOverlap`: the usable address sets (ip.go enumeration) must be disjoint. */
export function checkNetworkOverlap(name: string, config: NetworkConfig | undefined, peerName: string, peer: NetworkConfig | undefined): void {
  if (!config || !peer) {
    return;
  }
  const mine = usable(config);
  const theirs = usable(peer);

  for (const ip of mine) {
    if (theirs.has(ip)) {
      throw new CheckError(`${ name }: the network configuration is overlapped with ${ peerName }`);
    }
  }
}
