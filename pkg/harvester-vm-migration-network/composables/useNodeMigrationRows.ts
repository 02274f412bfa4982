import { computed, ComputedRef, onBeforeUnmount, reactive } from 'vue';
import { Store } from 'vuex';
import { HealthRow } from '../core';
import { fetchNodeRows } from '../api/node-migration';
import { RequestError } from '../api/request';
import { shellPage } from './useShellPage';

/** How often a cluster's node rows are read again while a page shows them (and the tab is visible). */
export const NODE_ROWS_REFRESH_MS = 30_000;

interface ClusterRows {
  rows?: Map<string, HealthRow>;
  error?: RequestError;
  users: number;
  loading: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

const caches = new WeakMap<object, Record<string, ClusterRows>>();

/**
 * The health page's node rows of a cluster, for pages that are not ours (a cell of Harvester's Hosts list, the VM
 * page's Migrations tab): every user of a cluster shares one read of it (six lists), read again every NODE_ROWS_REFRESH_MS while a user is shown
 * and the tab is visible, and dropped with the last user.
 */
export function useNodeMigrationRows(store: Store<unknown>, clusterId: () => string): {
  rows: ComputedRef<HealthRow[] | undefined>;
  row: (node: string) => HealthRow | undefined;
  loading: ComputedRef<boolean>;
  error: ComputedRef<RequestError | undefined>;
} {
  const { managementRequest } = shellPage(store);
  const perStore = caches.get(store) ?? reactive<Record<string, ClusterRows>>({});

  caches.set(store, perStore);
  const id = clusterId();

  if (!perStore[id]) {
    perStore[id] = { users: 0, loading: false };
  }
  // Read back through the reactive map, so the cells see each answer.
  const entry = perStore[id];

  async function read(): Promise<void> {
    entry.timer = undefined;
    if (!entry.users) {
      return;
    }
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') {
      entry.loading = true;
      const answer = await fetchNodeRows(managementRequest, id);

      entry.loading = false;
      if (answer.ok) {
        entry.rows = new Map(answer.rows.map((r) => [r.node, r]));
        entry.error = undefined;
      } else {
        entry.error = answer.error;
      }
    }
    if (entry.users) {
      entry.timer = setTimeout(read, NODE_ROWS_REFRESH_MS);
    }
  }

  entry.users++;
  if (entry.users === 1 && !entry.loading && !entry.timer) {
    read();
  }
  onBeforeUnmount(() => {
    entry.users--;
    if (!entry.users) {
      clearTimeout(entry.timer);
      delete perStore[id];
    }
  });

  return {
    rows:    computed(() => (perStore[id]?.rows ? [...(perStore[id].rows as Map<string, HealthRow>).values()] : undefined)),
    row:     (node) => perStore[id]?.rows?.get(node),
    loading: computed(() => !perStore[id]?.rows && !perStore[id]?.error),
    error:   computed(() => perStore[id]?.error),
  };
}
