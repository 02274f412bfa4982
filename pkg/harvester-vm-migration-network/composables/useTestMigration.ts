import {
  computed, ComputedRef, onBeforeUnmount, ref, shallowRef, watch
} from 'vue';
import {
  Cidr, CoreEvent, followMigration, HealthRow, MigrationBlocker, migrationBlockers, MigrationCandidates, migrationCandidates, MigrationState, startedMigration,
  targetNodes, VirtualMachineInstanceMigration
} from '../core';
import { listVmis, readPreparingTarget, readVmi, startMigration } from '../api/migration-client';
import { RequestError, RequestFn } from '../api/request';

/** How often the VMI is read while a followed migration runs (its migrationState names the target's address). */
export const FOLLOW_POLL_MS = 2_000;

export type TestStep = 'closed' | 'loading' | 'choose' | 'starting' | 'following';

/** What the health page knows that a test migration depends on. */
export interface TestMigrationFacts {
  clusterId: ComputedRef<string>;
  request: RequestFn;
  /** The cluster's VMIMs, live from the store; undefined while they cannot be read. */
  vmims: ComputedRef<VirtualMachineInstanceMigration[] | undefined>;
  rows: ComputedRef<HealthRow[]>;
  enabled: ComputedRef<boolean>;
  range: ComputedRef<Cidr | undefined>;
  clusterNetwork: ComputedRef<string | undefined>;
  kubeVirtReady: ComputedRef<boolean>;
  configured: ComputedRef<boolean>;
  rollingOut: ComputedRef<boolean>;
}

/**
 * A test migration from choice to verdict: load the VMs that could move, choose one and a target, see what blocks it,
 * start it with Harvester's action, then follow the VMIM it created (live from the store) and its VMI (read every
 * FOLLOW_POLL_MS while it runs) to the network it took. `preset` fixes the VM (a VM's own page).
 */
export function useTestMigration(facts: TestMigrationFacts, preset?: string) {
  const step = ref<TestStep>('closed');
  const candidates = shallowRef<MigrationCandidates>({ offered: [], refused: [] });
  const loadError = ref<RequestError>();
  const refusal = ref<RequestError>();
  const vm = ref(preset ?? '');
  const target = ref('');
  const known = shallowRef(new Set<string>());
  const seen = shallowRef<VirtualMachineInstanceMigration>();
  const vmiState = shallowRef<MigrationState>();
  const events = shallowRef<CoreEvent[]>();
  const startedAt = ref<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let readsAfterEnd = 0;

  const chosen = computed(() => candidates.value.offered.find((c) => c.id === vm.value));
  const targets = computed(() => (chosen.value ? targetNodes(facts.rows.value, chosen.value.node) : []));
  const vmMigrating = computed(() => (facts.vmims.value ?? []).some((m) => `${ m.metadata?.namespace }/${ m.spec?.vmiName }` === vm.value && !['Succeeded', 'Failed'].includes(m.status?.phase ?? '') && !m.metadata?.deletionTimestamp));
  const blockers = computed((): MigrationBlocker[] => migrationBlockers({
    enabled: facts.enabled.value, kubeVirtReady: facts.kubeVirtReady.value, configured: facts.configured.value, rollingOut: facts.rollingOut.value, vmMigrating: vmMigrating.value
  }));
  const current = computed(() => (step.value === 'following' ? startedMigration(facts.vmims.value ?? [], vm.value, known.value) : undefined));

  // The last copy of the VMIM is kept: Harvester aborts a migration by deleting it, and the follow view then says so.
  watch(current, (m) => {
    if (m) {
      seen.value = m;
    }
  });
  const followed = computed(() => followMigration({
    vmim:           current.value ?? seen.value,
    vmiState:       vmiState.value,
    vanished:       !!seen.value && !current.value && !!facts.vmims.value,
    enabled:        facts.enabled.value,
    range:          facts.range.value,
    clusterNetwork: facts.clusterNetwork.value,
    memoryBytes:    chosen.value?.memoryBytes,
    events:         events.value,
  }));

  async function poll(): Promise<void> {
    timer = undefined;
    const over = !!followed.value && followed.value.outcome !== 'running';

    // Once it is over, one more read for virt-handler's event if it was not heard yet (a short migration ends first).
    if (step.value !== 'following' || (over && (followed.value?.listening || readsAfterEnd++ > 0))) {
      return;
    }
    const read = await readVmi(facts.request, facts.clusterId.value, vm.value);

    if (read.ok) {
      vmiState.value = read.value.status?.migrationState;
      const uid = read.value.metadata?.uid;

      // virt-handler's own word on the address, read until it is heard.
      if (uid && !followed.value?.listening) {
        const heard = await readPreparingTarget(facts.request, facts.clusterId.value, vm.value.split('/')[0], uid);

        events.value = heard.ok ? heard.value : events.value;
      }
    }
    if (step.value === 'following') {
      timer = setTimeout(poll, FOLLOW_POLL_MS);
    }
  }

  async function open(): Promise<void> {
    step.value = 'loading';
    loadError.value = undefined;
    refusal.value = undefined;
    // A VM's own page asks for that VMI alone; the health page for all of them.
    const read = preset ? await readVmi(facts.request, facts.clusterId.value, preset).then((r) => (r.ok ? { ok: true as const, value: [r.value] } : r)) : await listVmis(facts.request, facts.clusterId.value);

    if (!read.ok) {
      loadError.value = read.error;
      step.value = 'choose';

      return;
    }
    candidates.value = migrationCandidates(read.value);
    if (!preset && !chosen.value) {
      vm.value = candidates.value.offered[0]?.id ?? '';
    }
    target.value = '';
    step.value = 'choose';
  }

  async function start(): Promise<void> {
    step.value = 'starting';
    refusal.value = undefined;
    known.value = new Set((facts.vmims.value ?? []).map((m) => m.metadata?.uid ?? m.metadata?.name ?? ''));
    seen.value = undefined;
    vmiState.value = undefined;
    events.value = undefined;
    readsAfterEnd = 0;
    const result = await startMigration(facts.request, facts.clusterId.value, vm.value, target.value);

    if (!result.ok) {
      refusal.value = result.error;
      step.value = 'choose';

      return;
    }
    startedAt.value = Date.now();
    step.value = 'following';
    timer = setTimeout(poll, FOLLOW_POLL_MS / 2);
  }

  function close(): void {
    clearTimeout(timer);
    timer = undefined;
    step.value = 'closed';
  }

  onBeforeUnmount(close);

  return {
    step, candidates, loadError, refusal, vm, target, targets, chosen, blockers, followed, startedAt, open, start, close
  };
}

export type TestMigration = ReturnType<typeof useTestMigration>;
