/** Types of the core module: the setting value, the form, cluster facts, problems and health rows. */

/**
 * The decoded setting value (Go struct `network.Config`, docs/harvester-behaviour.md, "Value"). `vlan` is a number here:
 * this is what Harvester sees, not what the user typed.
 */
export interface MigrationNetworkValue {
  clusterNetwork: string;
  vlan: number;
  range: string;
  exclude: string[];
}

/**
 * What the editor shows and the user types. Nothing is coerced: `vlan` stays the text typed ("abc", "-1",
 * "4095" are kept and reported), `exclude` keeps empty rows (dropped only when serialized).
 */
export interface FormState {
  enabled: boolean;
  clusterNetwork: string;
  vlan: string;
  range: string;
  exclude: string[];
  /**
   * The IPv6 part (v1.10 `rangeV6`, `rangeV6Start`, `rangeV6End`), present only where the cluster's release edits
   * it; absent, those keys are kept as stored and the form leaves them alone.
   */
  v6?: { range: string; start: string; end: string };
}

export type Severity = 'error' | 'warning' | 'info';
export type ProblemField = 'enabled' | 'clusterNetwork' | 'vlan' | 'range' | 'exclude' | 'value' | 'rangeV6' | 'rangeV6Start' | 'rangeV6End';
/** The cluster facts a check needs; when a fact is unknown its checks are skipped and reported as such. */
export type FactKey = 'nodes' | 'clusterNetworks' | 'peers' | 'migrations';

/** One thing wrong (or worth knowing) about a value or form. */
export interface Problem {
  /** Stable identifier, e.g. `W9_RANGE_PREFIX`, `RESERVED_OVERLAP`, `HEADROOM_LOW`. */
  code: string;
  severity: Severity;
  field: ProblemField;
  /** Row of the exclude list (index in the form, empty rows included). */
  index?: number;
  /** The offending entry as typed (exclude CIDR, node, VlanStatus, key…). */
  entry?: string;
  /** l10n key under `vmMigrationNetwork.`. */
  key: string;
  args: Record<string, string | number>;
  /** Exact text Harvester's webhook answers for this input (W-rules only), without the apiserver prefix. */
  webhookMessage?: string;
  /** Facts this check needed. */
  check?: FactKey[];
}

export interface NodeFact {
  name: string;
  /** Label `node-role.harvesterhci.io/witness` equals "true" (W20 skips these). */
  witness: boolean;
  /** The witness label key exists at all (W21 counts nodes without it). */
  hasWitnessLabel: boolean;
  /** Not cordoned and `kubevirt.io/schedulable` is not "false". */
  schedulable: boolean;
  /** Condition Ready is True. */
  ready: boolean;
}

export interface VlanStatusFact {
  name: string;
  node: string;
  /** The `ready` condition status; `undefined` when the condition is missing (the webhook passes it). */
  ready?: string;
}

export interface VlanConfigFact {
  name: string;
  /** The uplink's MTU (`spec.uplink.linkAttributes.mtu`; 0 or absent is the default, 1500). */
  mtu?: number;
  /** Parsed `network.harvesterhci.io/matched-nodes`; undefined when absent/empty or not a JSON string array. */
  matchedNodes?: string[];
  /** Why `matchedNodes` is missing. */
  annotationError?: 'absent' | 'invalid';
}

export interface ClusterNetworkFact {
  name: string;
  /** Condition `ready` is True (mgmt: always). */
  ready: boolean;
  /** VlanStatuses labelled with this cluster network. */
  vlanStatuses: VlanStatusFact[];
  /** VlanConfigs labelled with this cluster network. */
  vlanConfigs: VlanConfigFact[];
}

/** Effective values (`value`, else `default`) of the peer settings the webhook checks for overlap (W22). */
export interface PeerNetworks {
  storageNetwork?: string;
  rwxNetwork?: string;
}

/** What validation may know about the cluster. An absent key means "unknown": its checks are skipped. */
export interface ClusterFacts {
  nodes?: NodeFact[];
  clusterNetworks?: ClusterNetworkFact[];
  peers?: PeerNetworks;
  /** `<namespace>/<name>` of VMIMs still running. */
  migrationsInProgress?: string[];
  /** Harvester's `server-version` (e.g. `v1.10.0`): which release's rules apply (`releaseRules`). */
  harvesterVersion?: string;
}

/** Address counts of a range and its excludes. */
export interface IpPlan {
  /** Addresses in the range (network and broadcast included). */
  total: number;
  /** What Harvester's webhook counts (ip.go: excludes from the literal IP to the end of their subnet). */
  webhookUsable: number;
  /** What Whereabouts can really hand out (whole masked exclude subnets removed). */
  usable: number;
  /** IPs needed (one per node without the witness label), when nodes are known. */
  required?: number;
  /** `usable - required`, when nodes are known. */
  spare?: number;
  /** Dual stack: the IPv6 window's size, which Harvester adds to its count (absent in single stack). */
  v6Window?: number;
}

export interface ValidationResult {
  /** Every problem, errors first in webhook order, then warnings and infos. */
  problems: Problem[];
  /** True when no problem has severity error. */
  valid: boolean;
  /** Facts that were unknown: their checks did not run. */
  skipped: FactKey[];
  /** The message Harvester's webhook would answer first, when it would reject the value. */
  webhookMessage?: string;
  plan?: IpPlan;
  /** The value that would be written (see `serializeForm`), when the form can be serialized. */
  value?: string;
}

/**
 * A stored key the form does not edit (`exclusiveVlan`, v1.10's `rangeV6`/`rangeV6Start`/`rangeV6End`, keys not
 * invented yet), with its value's JSON text exactly as stored. A save writes it back unchanged, in stored order.
 */
export interface KeptEntry {
  key: string;
  raw: string;
}

export interface ParseResult {
  /** The stored text as given (`""` for absent). */
  raw: string;
  form: FormState;
  /** Stored keys the form does not edit, in stored order (empty when disabled or undecodable as an object). */
  kept: KeptEntry[];
  /** The value as Harvester decodes it; undefined when disabled or undecodable. */
  value?: MigrationNetworkValue;
  problems: Problem[];
  /** The stored text is exactly what `serializeForm` would write. */
  canonical: boolean;
}

export type HealthFlag =
  | 'noPod'
  | 'podNotReady'
  | 'noIp'
  | 'ipOutsideRange'
  | 'ipExcluded'
  | 'duplicateIp'
  | 'oldConfig'
  | 'notCovered'
  | 'noIpV6'
  | 'ipV6OutsideWindow'
  | 'mtuMismatch';

export interface HealthRow {
  node: string;
  witness: boolean;
  /** A virt-handler (and a migration IP) is expected on this node. */
  expected: boolean;
  pod?: string;
  podPhase?: string;
  ready: boolean;
  restarts: number;
  migrationIp?: string;
  /** Dual stack: the IPv6 address of `migration0` (KubeVirt migrates over `migrationIp`, the IPv4 one). */
  migrationIpV6?: string;
  /** The node's MTU on the cluster network (from the VlanConfig that covers it). */
  mtu?: number;
  flags: HealthFlag[];
}
