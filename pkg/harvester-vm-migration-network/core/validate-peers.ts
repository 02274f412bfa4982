import { Cidr, parseCidr } from './cidr';
import { RWX_NETWORK_SETTING_ID, SETTING_ID, STORAGE_NETWORK_SETTING_ID } from './constants';
import { Interval, intervalsIntersect, usableIntervals } from './ip-intervals';
import { problem } from './messages';
import { parseValue } from './parse';
import { ClusterFacts, FactKey, MigrationNetworkValue, Problem } from './types';
import { listNames } from './validate-cluster';
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

/** W22: the usable address sets (ip.go semantics, `mine`) must not meet those of storage-network and rwx-network. */
export function checkPeers(range: Cidr, mine: Interval[], facts: ClusterFacts, out: Problem[], skipped: Set<FactKey>, rules?: ReleaseRules): void {
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
    const config = peerConfig(setting, text, rules);

    if (config === undefined) {
      continue;
    }
    const peerRange = config ? parseCidr(config.range) : undefined;
    const peerExcludes = config ? config.exclude.map((e) => parseCidr(e)) : [];

    if (!config || !peerRange || peerExcludes.some((e) => !e)) {
      out.push(problem('W23_PEER_INVALID', {
        entry: setting, check, args: { setting }, webhookMessage: config === null ? peerDecodeMessage(setting, text, rules) : undefined
      }));
      continue;
    }
    if (intervalsIntersect(mine, usableIntervals(peerRange, peerExcludes as Cidr[], 'webhook'))) {
      out.push(problem(code, {
        entry: setting, check, args: { range: range.text, peerRange: peerRange.text }, webhookMessage: `${ SETTING_ID }: the network configuration is overlapped with ${ setting }`
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
