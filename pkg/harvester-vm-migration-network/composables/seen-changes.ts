/**
 * When this tab saw each cluster's vm-migration-network value change: the editor's own save, or the health page's
 * watch while it was open. The rollout tracker dates the current change from it. Nothing in the cluster keeps that
 * time (wrangler moves the `configured` condition's time only when its status or message change), so a change made
 * before the tab saw it has no known start and the tracker says so. Kept in sessionStorage: a reload keeps it, and
 * it goes with the tab.
 */
import { ref, Ref, watch } from 'vue';

const STORAGE_KEY = 'vmmn-seen-changes';

interface SeenChange {
  /** The value the change set (the Setting's `value` string, `""` for a disable). */
  value: string;
  /** Epoch ms the tab saw it. */
  at: number;
}

function readAll(): Record<string, SeenChange> {
  try {
    return JSON.parse(globalThis.sessionStorage?.getItem(STORAGE_KEY) ?? '{}') ?? {};
  } catch {
    return {};
  }
}

/** Remembers that `clusterId`'s value became `value` now (or at `at`). */
export function recordChange(clusterId: string, value: string, at = Date.now()): void {
  const all = readAll();

  all[clusterId] = { value, at };
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(all));
  } catch {
    // A full or refused storage only costs the start time; the tracker then says the change began earlier.
  }
}

/** When the tab saw `clusterId`'s value become `value`; undefined when it did not see this change happen. */
export function changeStartOf(clusterId: string, value: string): number | undefined {
  const seen = readAll()[clusterId];

  return seen?.value === value ? seen.at : undefined;
}

/**
 * The start of the current change of `clusterId`'s value: recorded when the value read from the cluster changes
 * while the page is open (not on its first read, which is no change, nor when the page moves to another cluster,
 * whose value differs without any change), and what the tab remembers otherwise.
 */
export function useChangeStart(clusterId: () => string, value: () => string | undefined): Ref<number | undefined> {
  const start = ref<number | undefined>();

  watch(() => [clusterId(), value()] as const, ([cluster, now], before) => {
    if (now === undefined) {
      return;
    }
    if (before && before[0] === cluster && before[1] !== undefined && before[1] !== now) {
      recordChange(cluster, now);
    }
    start.value = changeStartOf(cluster, now);
  }, { immediate: true });

  return start;
}
