/** The addresses Multus reports for a virt-handler pod's `migration0`, read once per annotation text. */
import { DEPRECATED_NETWORK_STATUS_ANNOTATION, MIGRATION_INTERFACE, NETWORK_STATUS_ANNOTATION } from '../constants';
import { Pod } from '../k8s-types';

interface NetworkStatusEntry {
  name?: unknown;
  interface?: unknown;
  ips?: unknown;
}

const IP_MEMO_LIMIT = 4096;
const ipMemo = new Map<string, string[]>();

/** The addresses of the `migration0` entry of a network-status JSON text (one per family in dual stack). */
function readMigrationIps(text: string): string[] {
  let entries: unknown;

  try {
    entries = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) {
    return [];
  }
  const entry = entries.find((e: NetworkStatusEntry | null) => e?.interface === MIGRATION_INTERFACE) as NetworkStatusEntry | undefined;
  const ips = entry?.ips;

  return Array.isArray(ips) ? ips.filter((ip): ip is string => typeof ip === 'string') : [];
}

/**
 * The pod's migration IP: first address of the `migration0` entry of Multus' `network-status` annotation (the
 * deprecated `networks-status` when the current one is absent). Undefined when absent or unreadable. Memoized per
 * annotation text: the page rebuilds rows on every watch event while most pods are unchanged.
 */
export function migrationIpOf(pod: Pod): string | undefined {
  const ips = migrationIpsOf(pod);

  // KubeVirt migrates over the IPv4 address of migration0, also in dual stack: an IPv6 address alone is no migration IP.
  return ips.find((ip) => !ip.includes(':'));
}

/** Every address of the pod's `migration0` (both families in dual stack), as Multus reports them. */
export function migrationIpsOf(pod: Pod): string[] {
  const annotations = pod.metadata?.annotations ?? {};
  const text = annotations[NETWORK_STATUS_ANNOTATION] ?? annotations[DEPRECATED_NETWORK_STATUS_ANNOTATION];

  if (!text) {
    return [];
  }
  if (!ipMemo.has(text)) {
    if (ipMemo.size >= IP_MEMO_LIMIT) {
      ipMemo.clear();
    }
    ipMemo.set(text, readMigrationIps(text));
  }

  return ipMemo.get(text) as string[];
}

/** Forgets memoized network-status reads (benchmarks use it to measure cold runs). */
export function clearHealthMemo(): void {
  ipMemo.clear();
}
