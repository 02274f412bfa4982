import { onBeforeUnmount, ref, Ref } from 'vue';
import { Store } from 'vuex';
import { FleetRow, summarizeFleetCluster } from '../core';
import { fetchClusterSummary } from '../api/cluster-summary';
import { MANAGEMENT_CLUSTER, shellPage } from './useShellPage';
import { clusterDisplayName, clusterReachable, RancherCluster } from '../core/rancher-cluster';
import { FLEET_REFRESH_MS } from './useFleet';

/**
 * The fleet-overview summary of one cluster, read again every `FLEET_REFRESH_MS`: what the panels on Harvester's
 * pages show. It reads through the management store, so it works inside any product (Harvester's has its own store).
 */
export function useClusterSummary(store: Store<unknown>, clusterId: () => string, refreshMs = FLEET_REFRESH_MS): { row: Ref<FleetRow | undefined> } {
  const { managementRequest: request, management } = shellPage(store);
  const row = ref<FleetRow>();
  let busy = false;

  async function refresh() {
    const id = clusterId();

    if (busy || !id) {
      return;
    }
    busy = true;
    try {
      const rancher = management.byId<RancherCluster>(MANAGEMENT_CLUSTER, id);

      // The same reading as the overview's; a cluster Rancher's store does not hold (yet) is asked anyway.
      row.value = summarizeFleetCluster(await fetchClusterSummary(request, {
        id, name: rancher ? clusterDisplayName(rancher) : id, connected: rancher ? clusterReachable(rancher) : true
      }));
    } finally {
      busy = false;
    }
  }

  refresh();
  const timer = setInterval(refresh, refreshMs);

  onBeforeUnmount(() => clearInterval(timer));

  return { row };
}
