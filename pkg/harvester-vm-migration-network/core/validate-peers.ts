import { Cidr, parseCidr } from './cidr';
import { RWX_NETWORK_SETTING_ID, SETTING_ID, STORAGE_NETWORK_SETTING_ID } from './constants';
import { Interval, intervalsIntersect, usableIntervals } from './ip-intervals';
import { problem } from './messages';
import { parseValue } from './parse';
import { ClusterFacts, FactKey, MigrationNetworkValue, Problem } from './types';
import { listNames } from './validate-cluster';
import { memoPerText } from './validate-memo';
import { ReleaseRules } from './versions';

/** The network part of a peer setting's effective value; `null` when it cannot be read (the webhook then fails). */
function peerConfig(setting: string, text: string | undefined, rules?: ReleaseRules): MigrationNetworkValue | undefined | null {
  if (!text) {
    return undefined;
  }
  let inner = text;

  if (setting === RWX_NETWORK_SETTING_ID) {
    let data: unknown;

    try {
      data = JSON.parse(text);
    } catch {
      return null;
    }
    const rwx = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;

    if (rwx['share-storage-network'] === true || !rwx.network) {
      return undefined;
    }
    inner = JSON.stringify(rwx.network);
  }
  // Decoded with the release's fields: on v1.10 a peer's `"rangeV6":7` fails the webhook too.
  const parsed = parseValue(inner, rules);

  if (!parsed.value) {
    return null;
  }

  return parsed.value.range || setting === STORAGE_NETWORK_SETTING_ID ? parsed.value : undefined;
}

/**
 * The webhook's 500 text for a storage-network value it cannot decode (`failed to unmarshal the storage-network
 * setting value <v>, <Go error>`); undefined where the text is not known (rwx-network's wrapper).
 */
function peerDecodeMessage(setting: string, text: string | undefined, rules?: ReleaseRules): string | undefined {
  const goError = setting === STORAGE_NETWORK_SETTING_ID ? parseValue(text, rules).problems.find((p) => p.webhookMessage)?.webhookMessage : undefined;

  return goError?.replace('failed to unmarshal the setting value', `failed to unmarshal the ${ setting } setting value`);
}

/** What a peer setting's value gives the overlap check: nothing to compare, a value the webhook fails on, or its addresses. */
type PeerAddresses = undefined | { invalid: true; webhookMessage?: string } | { invalid: false; range: Cidr; usable: Interval[] };

/** A peer setting's usable addresses (ip.go semantics), remembered per text: the peers rarely change, the form often. */
const peerAddresses = memoPerText(
  (setting: string, text: string | undefined, rules?: ReleaseRules) => `${ setting }\n${ JSON.stringify(rules ?? null) }\n${ text }`,
  (setting: string, text: string | undefined, rules?: ReleaseRules): PeerAddresses => {
    const config = peerConfig(setting, text, rules);

    if (config === undefined) {
      return undefined;
    }
    const range = config ? parseCidr(config.range) : undefined;
    const excludes = config ? config.exclude.map((e) => parseCidr(e)) : [];

    if (!config || !range || excludes.some((e) => !e)) {
      return { invalid: true, webhookMessage: config === null ? peerDecodeMessage(setting, text, rules) : undefined };
    }

    return {
      invalid: false, range, usable: usableIntervals(range, excludes as Cidr[], 'webhook')
    };
  }
);

/**
 * True when the range's usable addresses after `excludes` (ip.go semantics) meet `peer`'s. Those are listed only
 * when the peer's addresses reach into the range at all: a valid peer lies elsewhere, and the list is long.
 */
function meets(range: Cidr, excludes: Cidr[], peer: Interval[]): boolean {
  const reaches = peer.length > 0 && peer[0][0] <= range.broadcast && peer[peer.length - 1][1] >= range.network;

  return reaches && intervalsIntersect(usableIntervals(range, excludes, 'webhook'), peer);
}

/** W22: the range's usable addresses after `excludes` (ip.go semantics) must not meet those of storage-network and rwx-network. */
export function checkPeers(range: Cidr, excludes: Cidr[], facts: ClusterFacts, out: Problem[], skipped: Set<FactKey>, rules?: ReleaseRules): void {
  if (!facts.peers) {
    skipped.add('peers');

    return;
  }
  const check: FactKey[] = ['peers'];
  const peers: [string, string | undefined, 'W22_OVERLAP_STORAGE' | 'W22_OVERLAP_RWX'][] = [
    [STORAGE_NETWORK_SETTING_ID, facts.peers.storageNetwork, 'W22_OVERLAP_STORAGE'],
    // rwx-network exists from v1.8; an older webhook does not look at it.
    ...(rules?.rwxPeer ?? true ? [[RWX_NETWORK_SETTING_ID, facts.peers.rwxNetwork, 'W22_OVERLAP_RWX'] as [string, string | undefined, 'W22_OVERLAP_RWX']] : []),
  ];

  for (const [setting, text, code] of peers) {
    const peer = peerAddresses(setting, text, rules);

    if (peer?.invalid) {
      out.push(problem('W23_PEER_INVALID', {
        entry: setting, check, args: { setting }, webhookMessage: peer.webhookMessage
      }));
    } else if (peer && meets(range, excludes, peer.usable)) {
      out.push(problem(code, {
        entry: setting, check, args: { range: range.text, peerRange: peer.range.text }, webhookMessage: `${ SETTING_ID }: the network configuration is overlapped with ${ setting }`
      }));
    }
  }
}

/** Changing the value restarts every virt-handler; warn while live migrations run (Harvester only blocks on create). */
export function checkMigrations(changes: boolean, facts: ClusterFacts, out: Problem[], skipped: Set<FactKey>): void {
  if (!facts.migrationsInProgress) {
    skipped.add('migrations');

    return;
  }
  const running = facts.migrationsInProgress;

  if (changes && running.length > 0) {
    out.push(problem('MIGRATIONS_IN_PROGRESS', {
      entry: running[0], check: ['migrations'], args: { count: running.length, names: listNames(running) }
    }));
  }
}
