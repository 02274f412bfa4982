import {
  computed, ComputedRef, onBeforeUnmount, ref, watch
} from 'vue';
import { Store } from 'vuex';
import { clusterDisplayName, clusterReachable, isHarvesterCluster, RancherCluster } from '../core/rancher-cluster';
import { FleetCluster } from '../api/cluster-summary';
import { FLEET_BATCH_MS, FleetEntry, fleetReader } from './fleet-reader';
import { MANAGEMENT_CLUSTER, shellPage } from './useShellPage';

export { FLEET_BATCH_MS } from './fleet-reader';
export type { FleetEntry } from './fleet-reader';

/** A management cluster as the shell's management store serves it: Rancher's record, and the shell's label of its state. */
type ManagementCluster = RancherCluster & { stateDisplay?: string };

function fleetCluster(c: ManagementCluster): FleetCluster {
  return {
    id: c.id, name: clusterDisplayName(c), connected: clusterReachable(c), rancherState: c.stateDisplay
  };
}

/**
 * The fleet overview's data: every Harvester cluster the user can see (the shell keeps the management cluster list
 * live), each summarised from a few small objects by the tab's fleet reader, on its budget (`core/fleet-schedule.ts`).
 * One slow or failing cluster never holds up the others.
 */
export function useFleet(store: Store<unknown>): {
  clusters: ComputedRef<FleetCluster[]>;
  entries: Record<string, FleetEntry>;
  loaded: ComputedRef<boolean>;
  listError: ComputedRef<string>;
  now: ComputedRef<number>;
  /** Rows the user can see (the rest are read less often). */
  setOnScreen: (ids: Set<string> | undefined) => void;
  /** Reads Rancher's cluster list again after it failed. */
  relist: () => Promise<void>;
} {
  const { management } = shellPage(store);
  const reader = fleetReader(store);
  const listed = ref(false);
  const error = ref('');
  const tick = ref(Date.now());
  const clusters = computed(() => management.all<ManagementCluster>(MANAGEMENT_CLUSTER).filter(isHarvesterCluster).map(fleetCluster));

  /** Reads Rancher's cluster list (again, after a failure: the overview's Try again). */
  function listClusters(): Promise<void> {
    error.value = '';

    return management.findAll(MANAGEMENT_CLUSTER).then(() => {
      // The reader has just asked every cluster; the table's first render (~250 ms for 50 rows in Chromium)
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
  const stop = reader.start();

  // A cluster that appears, changes state or connects is read at once; one that goes away is forgotten.
  watch(clusters, (now, before) => {
    const old = new Map((before ?? []).map((c) => [c.id, c]));

    reader.setListed(now);
    now.filter((c) => old.has(c.id) && JSON.stringify(old.get(c.id)) !== JSON.stringify(c)).forEach((c) => reader.readSoon(c.id));
  }, { immediate: true });

  // Ages are shown in seconds: the clock ticks on its own, between reads.
  const clock = setInterval(() => {
    tick.value = Date.now();
  }, 1000);

  onBeforeUnmount(() => {
    reader.setListed(undefined);
    reader.setOnScreen(undefined);
    stop();
    clearInterval(clock);
  });

  return {
    clusters,
    entries:     reader.entries,
    loaded:      computed(() => listed.value),
    listError:   computed(() => error.value),
    now:         computed(() => tick.value),
    setOnScreen: reader.setOnScreen,
    relist:      listClusters,
  };
}
