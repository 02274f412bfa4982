import {
  computed, onBeforeUnmount, ref, shallowRef, watch
} from 'vue';
import { Store } from 'vuex';
import { followMigration, FollowedMigration, parseCidr, VirtualMachineInstanceMigration } from '../core';
import { fetchVmMigrations } from '../api/vm-migrations';
import { RequestError } from '../api/request';
import { shellPage } from './useShellPage';
import { useClusterSummary } from './useClusterSummary';
import { useNodeMigrationRows } from './useNodeMigrationRows';
import { useTestMigration } from './useTestMigration';

/** How often a VM's migrations are read while one runs, and while none does (and the tab is visible). */
export const VM_MIGRATIONS_BUSY_MS = 2_000;
export const VM_MIGRATIONS_QUIET_MS = 15_000;

/**
 * Harvester's VM page, our Migrations tab: this VM's migrations with the network each took (the health page's
 * verdict), and a test migration of this VM. The cluster's state comes from the tab's shared fleet reader, its
 * node rows from the shared node reader; the VM's migrations are read here, more often while one runs.
 */
export function useVmMigrations(store: Store<unknown>, clusterId: () => string, vmId: () => string) {
  const { managementRequest } = shellPage(store);
  const summary = useClusterSummary(store, clusterId);
  const nodes = useNodeMigrationRows(store, clusterId);
  const vmims = shallowRef<VirtualMachineInstanceMigration[]>();
  const error = ref<RequestError>();
  const mayMigrate = ref(false);
  const cluster = computed(() => summary.row.value);
  const range = computed(() => parseCidr(cluster.value?.value?.range ?? ''));
  const test = useTestMigration({
    clusterId:      computed(clusterId),
    request:        managementRequest,
    vmims:          computed(() => vmims.value),
    rows:           computed(() => nodes.rows.value ?? []),
    enabled:        computed(() => !!cluster.value?.enabled),
    range,
    clusterNetwork: computed(() => cluster.value?.value?.clusterNetwork),
    known:          computed(() => !!cluster.value && !cluster.value.unreachable && !!nodes.rows.value),
    kubeVirtReady:  computed(() => !!cluster.value?.kubeVirtReady),
    configured:     computed(() => cluster.value?.caughtUp !== false && cluster.value?.configured?.status === 'True'),
    rollingOut:     computed(() => cluster.value?.verdict?.kind === 'rollingOut'),
  }, vmId());
  const migrations = computed((): FollowedMigration[] => (vmims.value ?? [])
    .map((vmim) => followMigration({
      vmim, enabled: !!cluster.value?.enabled, range: range.value, clusterNetwork: cluster.value?.value?.clusterNetwork
    }) as FollowedMigration)
    .sort((a, b) => (b.phases[0]?.time ?? '').localeCompare(a.phases[0]?.time ?? '')));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  async function read(): Promise<void> {
    timer = undefined;
    if (document.visibilityState !== 'hidden') {
      const answer = await fetchVmMigrations(managementRequest, clusterId(), vmId());

      if (answer.ok) {
        vmims.value = answer.vmims;
        mayMigrate.value = !!answer.vm?.links?.update;
        error.value = undefined;
      } else {
        error.value = answer.error;
      }
    }
    if (!stopped) {
      const busy = test.step.value === 'following' || migrations.value.some((m) => m.outcome === 'running');

      timer = setTimeout(read, busy ? VM_MIGRATIONS_BUSY_MS : VM_MIGRATIONS_QUIET_MS);
    }
  }

  // A test just started: read its migration soon, not at the next quiet read.
  watch(test.step, (step) => {
    if (step === 'following' && timer) {
      clearTimeout(timer);
      timer = setTimeout(read, VM_MIGRATIONS_BUSY_MS / 2);
    }
  });
  read();
  onBeforeUnmount(() => {
    stopped = true;
    clearTimeout(timer);
  });

  return {
    test, migrations, error, mayMigrate, loading: computed(() => vmims.value === undefined && !error.value)
  };
}
