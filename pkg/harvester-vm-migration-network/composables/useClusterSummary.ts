import { computed, ComputedRef, onBeforeUnmount, watch } from 'vue';
import { Store } from 'vuex';
import { FleetRow } from '../core';
import { MANAGEMENT_CLUSTER, shellPage } from './useShellPage';
import { clusterDisplayName, clusterReachable, RancherCluster } from '../core/rancher-cluster';
import { fleetReader } from './fleet-reader';

/**
 * The fleet-overview summary of one cluster: what the panels on Harvester's pages show. It comes from the tab's
 * fleet reader, which the overview uses too, so a panel adds no reading loop of its own. It reads through the
 * management store, so it works inside any product (Harvester's has its own store).
 */
export function useClusterSummary(store: Store<unknown>, clusterId: () => string): { row: ComputedRef<FleetRow | undefined> } {
  const { management } = shellPage(store);
  const reader = fleetReader(store);
  const stop = reader.start();
  let release: () => void = () => undefined;

  watch(clusterId, (id) => {
    release();
    const rancher = id ? management.byId<RancherCluster>(MANAGEMENT_CLUSTER, id) : undefined;

    // A cluster Rancher's store does not hold (yet) is asked anyway.
    release = id ? reader.hold({
      id, name: rancher ? clusterDisplayName(rancher) : id, connected: rancher ? clusterReachable(rancher) : true
    }) : () => undefined;
  }, { immediate: true });

  onBeforeUnmount(() => {
    release();
    stop();
  });

  return { row: computed(() => reader.entries[clusterId()]?.row) };
}
