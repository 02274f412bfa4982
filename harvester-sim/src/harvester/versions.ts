import { ClusterReader } from '../types';
import { T } from './constants';

/**
 * What the setting webhook of one Harvester release does differently (harvester/harvester
 * pkg/webhook/resources/setting/validator.go on the v1.6, v1.7, v1.8 branches and master for v1.9; v1.10 from its
 * dual-stack pull requests). The controller is the same in every release but for v1.10's dual-stack NAD.
 */
export interface WebhookRules {
  /** Minor release: 6 to 10. */
  minor: number;
  /** v1.9: `IPv6 ranges are not supported for network settings`; before, ip.go never ends on an IPv6 range. */
  refusesIPv6Range: boolean;
  /** v1.9: a VlanConfig whose matched-nodes annotation is absent or `[]` is skipped instead of failing. */
  skipsUnmatchedVlanConfig: boolean;
  /** v1.8: the rwx-network setting exists and is a peer of the overlap check. */
  rwxPeer: boolean;
  /** v1.10: `rangeV6`, `rangeV6Start`, `rangeV6End` are fields of the value. */
  dualStack: boolean;
  /** v1.9: `exclusiveVlan` is a field of the shared struct (before, a key Go ignores). */
  exclusiveVlan: boolean;
  /** Before v1.8 W21 says `< <all nodes>,allocate sufficient range` (witnesses counted in the text, no space). */
  legacyCountText: boolean;
}

const FIRST = 6;
const LAST = 10;

/**
 * The minor release of a `server-version` text (`v1.8.0`, `v1.10.0-rc1`), as the editor reads it: a later major is
 * the newest modelled release, an earlier one the oldest; undefined when it is no `<major>.<minor>` version.
 */
export function harvesterMinor(version: string | undefined): number | undefined {
  const match = /^v?(\d+)\.(\d+)(?:[.-]|$)/.exec(version ?? '');

  if (!match) {
    return undefined;
  }
  const major = Number(match[1]);

  return major > 1 ? LAST : major < 1 ? FIRST : Number(match[2]);
}

export function rulesOf(minor: number): WebhookRules {
  const m = Math.min(LAST, Math.max(FIRST, minor));

  return {
    minor: m, refusesIPv6Range: m >= 9, skipsUnmatchedVlanConfig: m >= 9, rwxPeer: m >= 8, dualStack: m >= 10, exclusiveVlan: m >= 9, legacyCountText: m < 8
  };
}

/** The rules of the cluster's release, from its `server-version` setting; v1.8 when the setting says nothing usable. */
export function webhookRules(reader: ClusterReader): WebhookRules {
  const value = reader.get(T.setting, 'server-version')?.value;

  return rulesOf(harvesterMinor(typeof value === 'string' ? value : undefined) ?? 8);
}
