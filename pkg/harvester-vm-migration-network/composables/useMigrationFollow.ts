import {
  computed, ComputedRef, onBeforeUnmount, ref, shallowRef, watch
} from 'vue';
import {
  Cidr, CoreEvent, followMigration, MigrationState, startedMigration, VirtualMachineInstanceMigration
} from '../core';
import { readPreparingTarget, readVmi } from '../api/migration-client';
import { RequestFn } from '../api/request';

/** How often the VMI is read while a followed migration runs (its migrationState names the target's address). */
export const FOLLOW_POLL_MS = 2_000;
/** A migration Harvester accepted but that no VMIM shows by then is given up on, and the page says so. */
export const FOLLOW_DEADLINE_MS = 60_000;

export interface FollowFacts {
  clusterId: ComputedRef<string>;
  request: RequestFn;
  /** The cluster's (or the VM's) VMIMs, kept current by the caller; undefined while they cannot be read. */
  vmims: ComputedRef<VirtualMachineInstanceMigration[] | undefined>;
  enabled: ComputedRef<boolean>;
  range: ComputedRef<Cidr | undefined>;
  clusterNetwork: ComputedRef<string | undefined>;
  memoryBytes: ComputedRef<number | undefined>;
}

/**
 * One started migration followed to its verdict: the VM's new VMIM (from the caller's live list) and, while it runs,
 * its VMI read every FOLLOW_POLL_MS (KubeVirt names the target's address there first) with virt-handler's
 * `PreparingTarget` event. One poll at a time: each begin or end starts a new generation, and an older poll stops
 * after its await. Nothing is read while the tab is hidden.
 */
export function useMigrationFollow(facts: FollowFacts) {
  const vm = ref('');
  const known = shallowRef(new Set<string>());
  const seen = shallowRef<VirtualMachineInstanceMigration>();
  const vmiState = shallowRef<MigrationState>();
  const events = shallowRef<CoreEvent[]>();
  const active = ref(false);
  const lost = ref(false);
  let startedAt = 0;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let readsAfterEnd = 0;

  const current = computed(() => (active.value ? startedMigration(facts.vmims.value ?? [], vm.value, known.value) : undefined));

  // The last copy of the VMIM is kept: Harvester aborts a migration by deleting it, and the verdict then says so.
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
    memoryBytes:    facts.memoryBytes.value,
    events:         events.value,
  }));

  /** Whether to read again: while it runs, once more after it ended if virt-handler was not heard, not after the deadline. */
  function worthReading(): boolean {
    if (!followed.value) {
      lost.value = Date.now() - startedAt > FOLLOW_DEADLINE_MS;

      return !lost.value;
    }

    return followed.value.outcome === 'running' || (!followed.value.listening && readsAfterEnd++ < 1);
  }

  async function poll(mine: number): Promise<void> {
    timer = undefined;
    if (mine !== generation || !worthReading()) {
      return;
    }
    if (document.visibilityState !== 'hidden') {
      const read = await readVmi(facts.request, facts.clusterId.value, vm.value);
      const uid = read.ok ? read.value.metadata?.uid : undefined;

      if (mine !== generation) {
        return;
      }
      vmiState.value = read.ok ? read.value.status?.migrationState : vmiState.value;
      if (uid && !followed.value?.listening) {
        const heard = await readPreparingTarget(facts.request, facts.clusterId.value, vm.value.split('/')[0], uid);

        if (mine !== generation) {
          return;
        }
        events.value = heard.ok ? heard.value : events.value;
      }
    }
    timer = setTimeout(() => poll(mine), FOLLOW_POLL_MS);
  }

  function end(): void {
    generation++;
    clearTimeout(timer);
    timer = undefined;
    active.value = false;
  }

  /** Marks the VMIMs that exist now (before the action), so the one it creates is told apart. */
  function prepare(vmId: string): void {
    end();
    vm.value = vmId;
    known.value = new Set((facts.vmims.value ?? []).map((m) => m.metadata?.uid ?? m.metadata?.name ?? ''));
    seen.value = undefined;
    vmiState.value = undefined;
    events.value = undefined;
    lost.value = false;
    readsAfterEnd = 0;
  }

  /** Harvester accepted the migration: follow it. */
  function begin(): void {
    startedAt = Date.now();
    active.value = true;
    const mine = ++generation;

    timer = setTimeout(() => poll(mine), FOLLOW_POLL_MS / 2);
  }

  onBeforeUnmount(end);

  return {
    followed, lost, prepare, begin, end
  };
}
