import {
  computed, ComputedRef, ref, shallowRef, watch
} from 'vue';
import {
  Cidr, HealthRow, MigrationBlocker, migrationBlockers, MigrationCandidates, migrationCandidates, targetNodes, VirtualMachineInstanceMigration
} from '../core';
import { listVmis, migratableNodes, readVmi, startMigration } from '../api/migration-client';
import { RequestError, RequestFn } from '../api/request';
import { useMigrationFollow } from './useMigrationFollow';

export type TestStep = 'closed' | 'loading' | 'choose' | 'starting' | 'following';

/** What the page knows that a test migration depends on. */
export interface TestMigrationFacts {
  clusterId: ComputedRef<string>;
  request: RequestFn;
  /** The cluster's VMIMs, live; undefined while they cannot be read (a test could then not be followed). */
  vmims: ComputedRef<VirtualMachineInstanceMigration[] | undefined>;
  rows: ComputedRef<HealthRow[]>;
  enabled: ComputedRef<boolean>;
  range: ComputedRef<Cidr | undefined>;
  clusterNetwork: ComputedRef<string | undefined>;
  /** The facts below are read (KubeVirt, the setting, the node rows): until then nothing is claimed about them. */
  known: ComputedRef<boolean>;
  kubeVirtReady: ComputedRef<boolean>;
  configured: ComputedRef<boolean>;
  rollingOut: ComputedRef<boolean>;
  /** Whether the user may migrate this VM (its update link); a VM they may not is never offered. */
  mayMigrate?: (vmId: string) => boolean;
}

/**
 * A test migration from choice to verdict: load the VMs that could move, choose one and a target (nodes that hold a
 * migration address and that Harvester itself would migrate to), see what blocks it, start it with Harvester's
 * action, then follow it (`useMigrationFollow`). `preset` fixes the VM (a VM's own page).
 */
export function useTestMigration(facts: TestMigrationFacts, preset?: string) {
  const step = ref<TestStep>('closed');
  const candidates = shallowRef<MigrationCandidates>({ offered: [], refused: [] });
  const loadError = ref<RequestError>();
  const refusal = ref<RequestError>();
  const vm = ref(preset ?? '');
  const target = ref('');
  /** Harvester's own answer for the chosen VM (`findMigratableNodes`); undefined when not asked or not answered. */
  const harvesterTargets = shallowRef<string[]>();

  const chosen = computed(() => candidates.value.offered.find((c) => c.id === vm.value));
  const targets = computed(() => {
    const withAddress = chosen.value ? targetNodes(facts.rows.value, chosen.value.node) : [];

    return harvesterTargets.value ? withAddress.filter((n) => harvesterTargets.value?.includes(n)) : withAddress;
  });
  const vmMigrating = computed(() => (facts.vmims.value ?? []).some((m) => `${ m.metadata?.namespace }/${ m.spec?.vmiName }` === vm.value && !['Succeeded', 'Failed'].includes(m.status?.phase ?? '') && !m.metadata?.deletionTimestamp));
  const blockers = computed((): MigrationBlocker[] => [
    ...(facts.vmims.value ? [] : ['migrationsUnreadable' as const]),
    ...migrationBlockers({
      enabled: facts.enabled.value, kubeVirtReady: facts.kubeVirtReady.value, configured: facts.configured.value, rollingOut: facts.rollingOut.value, vmMigrating: vmMigrating.value
    }),
  ]);
  const follow = useMigrationFollow({
    clusterId:      facts.clusterId,
    request:        facts.request,
    vmims:          facts.vmims,
    enabled:        facts.enabled,
    range:          facts.range,
    clusterNetwork: facts.clusterNetwork,
    memoryBytes:    computed(() => chosen.value?.memoryBytes),
  });

  // Harvester's own target check for the chosen VM (its UI asks the same): affinity, cordoned and tainted nodes.
  watch(() => (step.value === 'choose' ? chosen.value?.id : undefined), async(id) => {
    harvesterTargets.value = undefined;
    if (id) {
      const answer = await migratableNodes(facts.request, facts.clusterId.value, id);

      if (answer.ok && id === chosen.value?.id) {
        harvesterTargets.value = answer.value;
      }
    }
  });

  async function open(): Promise<void> {
    follow.end();
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
    const mine = facts.mayMigrate ? read.value.filter((v) => facts.mayMigrate?.(`${ v.metadata?.namespace }/${ v.metadata?.name }`)) : read.value;

    candidates.value = migrationCandidates(mine);
    if (!preset && !chosen.value) {
      vm.value = candidates.value.offered[0]?.id ?? '';
    }
    target.value = '';
    step.value = 'choose';
  }

  async function start(): Promise<void> {
    step.value = 'starting';
    refusal.value = undefined;
    follow.prepare(vm.value);
    const result = await startMigration(facts.request, facts.clusterId.value, vm.value, target.value);

    if (!result.ok) {
      refusal.value = result.error;
      step.value = 'choose';

      return;
    }
    step.value = 'following';
    follow.begin();
  }

  function close(): void {
    follow.end();
    step.value = 'closed';
  }

  return {
    step, candidates, loadError, refusal, vm, target, targets, chosen, blockers, known: facts.known, followed: follow.followed, lost: follow.lost, open, start, close
  };
}

export type TestMigration = ReturnType<typeof useTestMigration>;
