import {
  computed, ComputedRef, onBeforeUnmount, reactive, ref, watch
} from 'vue';
import { Store } from 'vuex';
import { FleetRow, summarizeFleetCluster } from '../core';
import { clusterDisplayName, clusterReachable, isHarvesterCluster, RancherCluster } from '../core/rancher-cluster';
import { fetchClusterSummary, FleetCluster } from '../api/cluster-summary';
import { MANAGEMENT_CLUSTER, shellPage } from './useShellPage';

/** How often each row is read again (the rows say how old they are). */
export const FLEET_REFRESH_MS = 5_000;

/** How long finished answers wait to be shown together. */
export const FLEET_BATCH_MS = 100;

/** A management cluster as the shell's management store serves it: Rancher's record, and the shell's label of its state. */
type ManagementCluster = RancherCluster & { stateDisplay?: string };

export interface FleetEntry {
  row?: FleetRow;
  /** Epoch ms of the last answer; undefined until the first. */
  fetchedAt?: number;
  loading: boolean;
}

function fleetCluster(c: ManagementCluster): FleetCluster {
  return {
    id: c.id, name: clusterDisplayName(c), connected: clusterReachable(c), rancherState: c.stateDisplay
  };
}

/**
 * The fleet overview's data: every Harvester cluster the user can see (the shell keeps the management cluster list
 * live), each summarised from a few small objects and read again every `FLEET_REFRESH_MS`. One slow or failing
 * cluster never holds up the others.
 */
export function useFleet(store: Store<unknown>, refreshMs = FLEET_REFRESH_MS): {
  clusters: ComputedRef<FleetCluster[]>;
  entries: Record<string, FleetEntry>;
  loaded: ComputedRef<boolean>;
  listError: ComputedRef<string>;
  now: ComputedRef<number>;
  refresh: () => Promise<void>;
  /** Reads Rancher's cluster list again after it failed. */
  relist: () => Promise<void>;
} {
  const { managementRequest: request, management } = shellPage(store);
  const entries = reactive<Record<string, FleetEntry>>({});
  const listed = ref(false);
  const error = ref('');
  const tick = ref(Date.now());
  const clusters = computed(() => management.all<ManagementCluster>(MANAGEMENT_CLUSTER).filter(isHarvesterCluster).map(fleetCluster));

  // Answers arrive one by one; each would re-render the whole table. They are applied together, at most every
  // FLEET_BATCH_MS, so 50 clusters cost a few renders rather than 50.
  let pending: (() => void)[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  function applySoon(change: () => void): void {
    pending.push(change);
    flushTimer ??= setTimeout(() => {
      const changes = pending;

      pending = [];
      flushTimer = undefined;
      changes.forEach((apply) => apply());
    }, FLEET_BATCH_MS);
  }

  async function refreshOne(cluster: FleetCluster): Promise<void> {
    const known = entries[cluster.id];

    if (known?.loading) {
      return; // still waiting for the last answer: never pile up requests on a slow cluster
    }
    if (!known) {
      entries[cluster.id] = { loading: true };
    }
    // Read back through the reactive map: the object assigned above is the plain one Vue does not watch.
    const entry = entries[cluster.id];

    entry.loading = true;
    const row = summarizeFleetCluster(await fetchClusterSummary(request, cluster));

    applySoon(() => {
      entry.row = row;
      entry.fetchedAt = Date.now();
      entry.loading = false;
    });
  }

  async function refresh(): Promise<void> {
    await Promise.all(clusters.value.map(refreshOne));
  }

  /** Reads Rancher's cluster list (again, after a failure: the overview's Try again). */
  function listClusters(): Promise<void> {
    error.value = '';

    return management.findAll(MANAGEMENT_CLUSTER).then(() => {
      // The watch below has just asked every cluster; the table's first render (~250 ms for 50 rows in Chromium)
      // would hold those requests back until it ends. Rendered one task later, the requests are on the wire first.
      setTimeout(() => {
        listed.value = true;
      }, FLEET_BATCH_MS);
    }, (err: { message?: string }) => {
      error.value = err?.message || String(err);
      listed.value = true;
    });
  }

  listClusters();

  // A cluster that appears, changes state or connects is read at once; one that goes away is forgotten.
  watch(clusters, (now, before) => {
    const old = new Map((before ?? []).map((c) => [c.id, c]));

    for (const id of Object.keys(entries)) {
      if (!now.some((c) => c.id === id)) {
        delete entries[id];
      }
    }
    now.filter((c) => JSON.stringify(old.get(c.id)) !== JSON.stringify(c)).forEach(refreshOne);
  }, { immediate: true });

  const timer = setInterval(refresh, refreshMs);
  // Ages are shown in seconds: the clock ticks on its own, between refreshes.
  const clock = setInterval(() => {
    tick.value = Date.now();
  }, 1000);

  onBeforeUnmount(() => {
    clearInterval(timer);
    clearInterval(clock);
    clearTimeout(flushTimer);
  });

  return {
    clusters,
    entries,
    loaded:    computed(() => listed.value),
    listError: computed(() => error.value),
    now:       computed(() => tick.value),
    refresh,
    relist:    listClusters,
  };
}
