/**
 * What the vm-migration-network setting can hold and what Harvester's webhook refuses, by release
 * (docs/harvester-behaviour.md, "Releases"). The editor, the health page and the overview read the cluster's
 * `server-version` and apply its rules; a release the code does not know is treated as the nearest one below it.
 */
export interface ReleaseRules {
  /** The modelled release whose rules apply, e.g. `v1.10`; undefined when the version is not known yet. */
  release?: string;
  /** The cluster's own version text, when it is not a modelled release (shown in one line). */
  unknownVersion?: string;
  /** v1.9: an IPv6 `range` is refused; before, Harvester's address count never ends on one and the save times out. */
  refusesIPv6Range: boolean;
  /** v1.9: a VlanConfig whose matched-nodes annotation is absent or `[]` is skipped by the coverage check. */
  skipsUnmatchedVlanConfig: boolean;
  /** v1.8: rwx-network exists and must not overlap. */
  rwxPeer: boolean;
  /** v1.10: `rangeV6`, `rangeV6Start`, `rangeV6End` are fields of the value (dual stack). */
  dualStack: boolean;
  /** v1.9: `exclusiveVlan` is a field (a bool); before, a key Harvester ignores. */
  exclusiveVlan: boolean;
  /** Before v1.8 the count's message names every node, witnesses too, without a space after the comma. */
  legacyCountText: boolean;
}

const MODELLED = [6, 7, 8, 9, 10];

/**
 * The rules of a `server-version` text. Unknown (undefined) keeps the strictest reading of every rule that
 * differs (IPv6 refused, a VlanConfig without matched nodes refused, rwx-network checked) and no dual stack.
 */
export function releaseRules(serverVersion: string | undefined): ReleaseRules {
  const match = /^v?(\d+)\.(\d+)(?:[.-]|$)/.exec(serverVersion ?? '');

  if (!match) {
    return {
      unknownVersion:           serverVersion || undefined,
      refusesIPv6Range:         true,
      skipsUnmatchedVlanConfig: false,
      rwxPeer:                  true,
      dualStack:                false,
      exclusiveVlan:            true,
      legacyCountText:          false,
    };
  }
  const major = Number(match[1]);
  const minor = major > 1 ? Infinity : (major < 1 ? 0 : Number(match[2]));
  const nearest = [...MODELLED].reverse().find((m) => m <= minor) ?? MODELLED[0];
  const exact = major === 1 && MODELLED.includes(minor);

  return {
    release:                  `v1.${ nearest }`,
    unknownVersion:           exact ? undefined : serverVersion,
    refusesIPv6Range:         nearest >= 9,
    skipsUnmatchedVlanConfig: nearest >= 9,
    rwxPeer:                  nearest >= 8,
    dualStack:                nearest >= 10,
    exclusiveVlan:            nearest >= 9,
    legacyCountText:          nearest < 8,
  };
}
