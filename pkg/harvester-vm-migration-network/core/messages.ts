import {
  FactKey, HealthFlag, Problem, ProblemField, Severity
} from './types';

interface MessageSpec {
  key: string;
  args: readonly string[];
  severity: Severity;
  field: ProblemField;
}

const m = (key: string, severity: Severity, field: ProblemField, ...args: string[]): MessageSpec => ({
  key: `vmMigrationNetwork.${ key }`, args, severity, field
});

/**
 * Every problem code the module emits, with its l10n key, argument names, severity and default field.
 * Codes starting with `W<n>_` are rules Harvester's webhook enforces (docs/harvester-behaviour.md, "Webhook", lists W1-W23).
 */
export const MESSAGES = {
  W3_SYNTAX:                          m('parse.syntax', 'error', 'value', 'error'),
  W3_NOT_OBJECT:                      m('parse.notObject', 'error', 'value', 'kind'),
  W3_TYPE:                            m('parse.wrongType', 'error', 'value', 'key', 'expected', 'got'),
  PARSE_UNKNOWN_KEY:                  m('parse.unknownKey', 'info', 'value', 'key'),
  PARSE_KEY_CASE:                     m('parse.keyCase', 'info', 'value', 'key', 'field'),
  PARSE_DUPLICATE_KEY:                m('parse.duplicateKey', 'warning', 'value', 'key'),
  PARSE_NON_CANONICAL:                m('parse.nonCanonical', 'info', 'value'),
  PARSE_IPV6:                         m('parse.ipv6', 'warning', 'range', 'entry'),
  PARSE_EXCLUSIVE_VLAN:               m('parse.exclusiveVlanIgnored', 'info', 'value', 'key'),
  W15_CLUSTER_NETWORK_REQUIRED:       m('validation.clusterNetworkRequired', 'error', 'clusterNetwork'),
  VLAN_REQUIRED:                      m('validation.vlanRequired', 'error', 'vlan'),
  VLAN_NOT_INTEGER:                   m('validation.vlanNotInteger', 'error', 'vlan', 'vlan'),
  W3_VLAN_UINT16:                     m('validation.vlanTooLarge', 'error', 'vlan', 'vlan', 'max'),
  W4_VLAN_RANGE:                      m('validation.vlanRange', 'error', 'vlan', 'vlan', 'max'),
  W5_VLAN_MGMT:                       m('validation.vlanMgmt', 'error', 'vlan', 'vlan', 'clusterNetwork'),
  VLAN_UNTAGGED:                      m('validation.vlanUntagged', 'warning', 'vlan', 'vlan'),
  MGMT_SELECTED:                      m('validation.mgmtSelected', 'warning', 'clusterNetwork', 'clusterNetwork'),
  W6_RANGE_REQUIRED:                  m('validation.rangeRequired', 'error', 'range'),
  W6_RANGE_INVALID:                   m('validation.rangeInvalid', 'error', 'range', 'range'),
  W7_RANGE_HOST_BITS:                 m('validation.rangeHostBits', 'error', 'range', 'range', 'network'),
  W8_RANGE_IPV6:                      m('validation.rangeIpv6', 'error', 'range', 'range'),
  W8_RANGE_IPV6_TIMEOUT:              m('validation.rangeIpv6Timeout', 'error', 'range', 'range', 'release'),
  W9_RANGE_PREFIX:                    m('validation.rangePrefix', 'error', 'range', 'range', 'prefix', 'min'),
  RESERVED_OVERLAP:                   m('validation.reservedOverlap', 'error', 'range', 'range', 'reserved', 'count'),
  W10_EXCLUDE_INVALID:                m('validation.excludeInvalid', 'error', 'exclude', 'exclude'),
  W10_EXCLUDE_BARE_IP:                m('validation.excludeBareIp', 'error', 'exclude', 'exclude', 'suggestion'),
  W11_EXCLUDE_PREFIX:                 m('validation.excludePrefix', 'error', 'exclude', 'exclude', 'prefix', 'min'),
  W12_PREFIX_LEADING_ZERO:            m('validation.prefixLeadingZero', 'error', 'exclude', 'entry'),
  W12_EXCLUDE_OUTSIDE:                m('validation.excludeOutside', 'error', 'exclude', 'exclude', 'range'),
  W13_EXCLUDE_COVERS_RANGE:           m('validation.excludeCoversRange', 'error', 'exclude', 'exclude', 'range'),
  W14_EXCLUDE_OVERLAP:                m('validation.excludeOverlapPrevious', 'error', 'exclude', 'exclude', 'previous'),
  EXCLUDE_OVERLAP:                    m('validation.excludeOverlap', 'warning', 'exclude', 'exclude', 'other'),
  EXCLUDE_HOST_BITS:                  m('validation.excludeHostBits', 'info', 'exclude', 'exclude', 'first', 'last'),
  W15_CLUSTER_NETWORK_NOT_FOUND:      m('validation.clusterNetworkNotFound', 'error', 'clusterNetwork', 'clusterNetwork'),
  W16_VLAN_STATUS_MISSING:            m('validation.vlanStatusMissing', 'error', 'clusterNetwork', 'clusterNetwork'),
  W17_VLAN_STATUS_NOT_READY:          m('validation.vlanStatusNotReady', 'error', 'clusterNetwork', 'vlanStatus', 'node'),
  W18_VLAN_CONFIG_MISSING:            m('validation.vlanConfigMissing', 'error', 'clusterNetwork', 'clusterNetwork'),
  W19_MATCHED_NODES_ABSENT:           m('validation.matchedNodesAbsent', 'error', 'clusterNetwork', 'vlanConfig'),
  W19_MATCHED_NODES_INVALID:          m('validation.matchedNodesInvalid', 'error', 'clusterNetwork', 'vlanConfig'),
  W20_NOT_SPANNED:                    m('validation.notSpanned', 'error', 'clusterNetwork', 'clusterNetwork', 'nodes', 'count'),
  CLUSTER_NETWORK_MTU_MIXED:          m('validation.mtuMixed', 'warning', 'clusterNetwork', 'clusterNetwork', 'mtus'),
  CLUSTER_NETWORK_NOT_READY_ON_NODES: m('validation.notReadyOnNodes', 'warning', 'clusterNetwork', 'clusterNetwork', 'nodes', 'count'),
  W21_NOT_ENOUGH_IPS:                 m('validation.notEnoughIps', 'error', 'range', 'required', 'usable'),
  W21_NOT_ENOUGH_IPS_DUAL:            m('validation.notEnoughIpsDual', 'error', 'range', 'required', 'usable', 'window'),
  USABLE_OVERCOUNTED:                 m('validation.usableOvercounted', 'warning', 'exclude', 'webhook', 'usable'),
  WHEREABOUTS_SHORTFALL:              m('validation.whereaboutsShortfall', 'warning', 'range', 'required', 'usable'),
  HEADROOM_LOW:                       m('validation.headroomLow', 'warning', 'range', 'spare', 'required', 'usable'),
  W22_OVERLAP_STORAGE:                m('validation.overlapStorage', 'error', 'range', 'range', 'peerRange'),
  W22_OVERLAP_RWX:                    m('validation.overlapRwx', 'error', 'range', 'range', 'peerRange'),
  W23_PEER_INVALID:                   m('validation.peerInvalid', 'error', 'range', 'setting'),
  W24_RANGE_V6_INVALID:               m('validation.v6.rangeInvalid', 'error', 'rangeV6', 'range'),
  W24_RANGE_V6_NOT_IPV6:              m('validation.v6.rangeNotIpv6', 'error', 'rangeV6', 'range'),
  W24_RANGE_V6_HOST_BITS:             m('validation.v6.rangeHostBits', 'error', 'rangeV6', 'range', 'network'),
  W25_RANGE_V6_START_INVALID:         m('validation.v6.addressInvalid', 'error', 'rangeV6Start', 'address'),
  W25_RANGE_V6_END_INVALID:           m('validation.v6.addressInvalid', 'error', 'rangeV6End', 'address'),
  W26_RANGE_V6_START_AFTER_END:       m('validation.v6.startAfterEnd', 'error', 'rangeV6Start', 'start', 'end'),
  RANGE_V6_WINDOW_WITHOUT_RANGE:      m('validation.v6.windowWithoutRange', 'warning', 'rangeV6'),
  RANGE_V6_NO_WINDOW:                 m('validation.v6.noWindow', 'warning', 'rangeV6Start', 'range'),
  RANGE_V6_HALF_WINDOW:               m('validation.v6.halfWindow', 'warning', 'rangeV6Start', 'range'),
  RANGE_V6_WINDOW_OUTSIDE:            m('validation.v6.windowOutside', 'warning', 'rangeV6Start', 'range'),
  RANGE_V6_WINDOW_SHORT:              m('validation.v6.windowShort', 'warning', 'rangeV6Start', 'required', 'window'),
  RANGE_V6_WINDOW_LARGE:              m('validation.v6.windowLarge', 'info', 'rangeV6Start', 'required', 'window'),
  RANGE_V6_PEER_OVERLAP:              m('validation.v6.peerOverlap', 'warning', 'rangeV6', 'range', 'setting', 'peerRange'),
  MIGRATIONS_IN_PROGRESS:             m('validation.migrationsInProgress', 'warning', 'enabled', 'count', 'names'),
} as const;

export type ProblemCode = keyof typeof MESSAGES;

/** l10n key of each health flag (`HealthRow.flags`). */
export const HEALTH_FLAG_KEYS: Record<HealthFlag, string> = {
  noPod:             'vmMigrationNetwork.health.flags.noPod',
  podNotReady:       'vmMigrationNetwork.health.flags.podNotReady',
  noIp:              'vmMigrationNetwork.health.flags.noIp',
  ipOutsideRange:    'vmMigrationNetwork.health.flags.ipOutsideRange',
  ipExcluded:        'vmMigrationNetwork.health.flags.ipExcluded',
  duplicateIp:       'vmMigrationNetwork.health.flags.duplicateIp',
  oldConfig:         'vmMigrationNetwork.health.flags.oldConfig',
  notCovered:        'vmMigrationNetwork.health.flags.notCovered',
  noIpV6:            'vmMigrationNetwork.health.flags.noIpV6',
  ipV6OutsideWindow: 'vmMigrationNetwork.health.flags.ipV6OutsideWindow',
  mtuMismatch:       'vmMigrationNetwork.health.flags.mtuMismatch',
};

/**
 * l10n key of each verdict reason (`healthVerdict`) with its argument names; `kind.<kind>` keys are short titles of
 * each kind, for a badge next to the reason.
 */
export const HEALTH_VERDICT_KEYS = {
  healthy:              { key: 'vmMigrationNetwork.health.verdict.healthy', args: ['clusterNetwork', 'vlan', 'range', 'nodes'] },
  disabled:             { key: 'vmMigrationNetwork.health.verdict.disabled', args: [] },
  failed:               { key: 'vmMigrationNetwork.health.verdict.failed', args: ['reason', 'message'] },
  stuckNadMissing:      { key: 'vmMigrationNetwork.health.verdict.stuck.nadMissing', args: [] },
  stuckNadMismatch:     { key: 'vmMigrationNetwork.health.verdict.stuck.nadMismatch', args: [] },
  stuckDegraded:        { key: 'vmMigrationNetwork.health.verdict.stuck.degraded', args: ['reason', 'message'] },
  stuckKubeVirt:        { key: 'vmMigrationNetwork.health.verdict.stuck.kubeVirt', args: ['reason', 'message', 'minutes'] },
  stuckRangeExhausted:  { key: 'vmMigrationNetwork.health.verdict.stuck.rangeExhausted', args: ['usable', 'missing'] },
  stuckRangeWiden:      { key: 'vmMigrationNetwork.health.verdict.stuck.rangeExhaustedWiden', args: ['usable', 'missing', 'fits'] },
  stuckNadLeft:         { key: 'vmMigrationNetwork.health.verdict.stuck.nadLeft', args: ['name'] },
  stuckSandbox:         { key: 'vmMigrationNetwork.health.verdict.stuck.sandbox', args: ['pod', 'node', 'message'] },
  stuckPodCrashing:     { key: 'vmMigrationNetwork.health.verdict.stuck.podCrashing', args: ['pod', 'node', 'restarts'] },
  stuckNodes:           { key: 'vmMigrationNetwork.health.verdict.stuck.nodes', args: ['count', 'nodes'] },
  rollingOutController: { key: 'vmMigrationNetwork.health.verdict.rollingOut.controllerPending', args: [] },
  rollingOutNad:        { key: 'vmMigrationNetwork.health.verdict.rollingOut.nad', args: [] },
  rollingOutKubeVirt:   { key: 'vmMigrationNetwork.health.verdict.rollingOut.kubeVirt', args: [] },
  rollingOutPods:       { key: 'vmMigrationNetwork.health.verdict.rollingOut.pods', args: ['done', 'total'] },
  rollingOutReady:      { key: 'vmMigrationNetwork.health.verdict.rollingOut.ready', args: [] },
  rollingOutDisabling:  { key: 'vmMigrationNetwork.health.verdict.rollingOut.disabling', args: ['done', 'total'] },
  kindHealthy:          { key: 'vmMigrationNetwork.health.verdict.kind.healthy', args: [] },
  kindRollingOut:       { key: 'vmMigrationNetwork.health.verdict.kind.rollingOut', args: [] },
  kindStuck:            { key: 'vmMigrationNetwork.health.verdict.kind.stuck', args: [] },
  kindDisabled:         { key: 'vmMigrationNetwork.health.verdict.kind.disabled', args: [] },
  kindFailed:           { key: 'vmMigrationNetwork.health.verdict.kind.failed', args: [] },
} as const satisfies Record<string, { key: string; args: readonly string[] }>;

/** Every l10n key the module can emit, with the names of its `{arg}` placeholders. */
export const CORE_L10N_KEYS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ...Object.fromEntries(Object.values(MESSAGES).map((spec) => [spec.key, spec.args])),
  ...Object.fromEntries(Object.values(HEALTH_FLAG_KEYS).map((key) => [key, [] as string[]])),
  ...Object.fromEntries(Object.values(HEALTH_VERDICT_KEYS).map((spec) => [spec.key, spec.args])),
});

export interface ProblemDetails {
  field?: ProblemField;
  index?: number;
  entry?: string;
  args?: Record<string, string | number>;
  webhookMessage?: string;
  check?: FactKey[];
}

/** Builds a problem from its code; the key, severity and default field come from `MESSAGES`. */
export function problem(code: ProblemCode, details: ProblemDetails = {}): Problem {
  const spec = MESSAGES[code];
  const out: Problem = {
    code, severity: spec.severity, field: details.field ?? spec.field, key: spec.key, args: details.args ?? {}
  };

  if (details.index !== undefined) {
    out.index = details.index;
  }
  if (details.entry !== undefined) {
    out.entry = details.entry;
  }
  if (details.webhookMessage !== undefined) {
    out.webhookMessage = details.webhookMessage;
  }
  if (details.check) {
    out.check = details.check;
  }

  return out;
}
