import { computed, onBeforeUnmount, ref } from 'vue';
import { Store } from 'vuex';
import {
  buildHealth, capacityView, healthVerdict, RolloutContext, ClusterNetwork, CoreEvent, DaemonSet, findNadMisuse, healthInputFrom, IPPool, KubeVirt, kubeVirtSummary,
  migrationNadRef, migrationNads, NetworkAttachmentDefinition, nadView, networkShare, Node, parseValue, Pod, rolloutSteps, runningMigrations,
  sandboxFailures, SANDBOX_FAILURE_REASON, HARVESTER_SYSTEM_NAMESPACE, VIRT_HANDLER_LABEL, VIRT_HANDLER_LABEL_VALUE, VIRT_HANDLER_POD_UNREAD, Setting, SETTING_ID, STEVE_TYPES, VirtualMachine, VirtualMachineInstanceMigration, VlanConfig, VlanStatus
} from '../core';
import { TypeState, useClusterObjects } from './useClusterObjects';
import { ListScope } from './useShellPage';
import { useChangeStart } from './seen-changes';

export const HEALTH_TYPES = [
  STEVE_TYPES.setting, STEVE_TYPES.node, STEVE_TYPES.pod, STEVE_TYPES.nad, STEVE_TYPES.kubeVirt, STEVE_TYPES.daemonSet, STEVE_TYPES.ipPool,
  STEVE_TYPES.vmim, STEVE_TYPES.clusterNetwork, STEVE_TYPES.vlanStatus, STEVE_TYPES.vlanConfig, STEVE_TYPES.event, STEVE_TYPES.vm,
] as const;

export type HealthType = typeof HEALTH_TYPES[number];

/** A VM's disks, devices, volumes and status: the page reads only its networks. */
const VM_UNREAD = ['spec.template.spec.domain', 'spec.template.spec.volumes', 'spec.template.spec.accessCredentials', 'spec.template.metadata', 'spec.dataVolumeTemplates', 'metadata.annotations', 'status'];

/**
 * What the page reads of the types a busy cluster is full of: the virt-handler pods, kubelet's sandbox failures in
 * their namespace (the only events the page shows), and of each VM its networks. Every other type is read whole.
 */
export const HEALTH_SCOPES: Partial<Record<HealthType, ListScope>> = {
  [STEVE_TYPES.pod]: {
    namespace: HARVESTER_SYSTEM_NAMESPACE, labels: { [VIRT_HANDLER_LABEL]: VIRT_HANDLER_LABEL_VALUE }, exclude: VIRT_HANDLER_POD_UNREAD
  },
  // Every VM, for its networks only (the misuse check) and its update link (who may test a migration).
  [STEVE_TYPES.vm]:    { exclude: VM_UNREAD },
  [STEVE_TYPES.event]: { namespace: HARVESTER_SYSTEM_NAMESPACE, fields: { reason: SANDBOX_FAILURE_REASON, 'involvedObject.kind': 'Pod' } },
};

/** How often the verdict is read again while nothing changes (for time-based states such as KubeVirt overdue). */
export const VERDICT_CLOCK_MS = 30_000;

/** Types each section needs; a section whose types cannot be read says so instead of showing wrong data. */
export const SECTION_TYPES = {
  summary:    [STEVE_TYPES.setting, STEVE_TYPES.kubeVirt, STEVE_TYPES.nad],
  rollout:    [STEVE_TYPES.setting, STEVE_TYPES.kubeVirt, STEVE_TYPES.node, STEVE_TYPES.pod],
  nodes:      [STEVE_TYPES.setting, STEVE_TYPES.node, STEVE_TYPES.pod],
  capacity:   [STEVE_TYPES.setting, STEVE_TYPES.node, STEVE_TYPES.pod, STEVE_TYPES.ipPool],
  migrations: [STEVE_TYPES.setting, STEVE_TYPES.vmim],
  misuse:     [STEVE_TYPES.setting, STEVE_TYPES.vm, STEVE_TYPES.nad],
} as const satisfies Record<string, readonly HealthType[]>;

export type HealthSection = keyof typeof SECTION_TYPES;

/**
 * Everything the health page shows, computed once per store change by the core module. Each list is its own
 * computed of plain objects, so an Event or VMI update does not rebuild the 1,000 node rows, and reading them
 * costs no proxy.
 */
export function useHealthData(store: Store<unknown>) {
  const {
    plainList, state, ready, retry
  } = useClusterObjects(store, HEALTH_TYPES, HEALTH_SCOPES);
  // Plain objects: every figure of the page is computed from them, 1,000 pods and nodes on a big cluster.
  const list = plainList;

  const settings = list<Setting>(STEVE_TYPES.setting);
  const nodes = list<Node>(STEVE_TYPES.node);
  const pods = list<Pod>(STEVE_TYPES.pod);
  const nads = list<NetworkAttachmentDefinition>(STEVE_TYPES.nad);
  const kubeVirts = list<KubeVirt>(STEVE_TYPES.kubeVirt);
  const daemonSets = list<DaemonSet>(STEVE_TYPES.daemonSet);
  const ipPools = list<IPPool>(STEVE_TYPES.ipPool);
  const vmims = list<VirtualMachineInstanceMigration>(STEVE_TYPES.vmim);
  const clusterNetworks = list<ClusterNetwork>(STEVE_TYPES.clusterNetwork);
  const vlanStatuses = list<VlanStatus>(STEVE_TYPES.vlanStatus);
  const vlanConfigs = list<VlanConfig>(STEVE_TYPES.vlanConfig);
  const events = list<CoreEvent>(STEVE_TYPES.event);
  const vms = list<VirtualMachine>(STEVE_TYPES.vm);

  const rawValue = computed(() => {
    const setting = settings.value?.find((s) => (s.id ?? s.metadata?.name) === SETTING_ID);

    return setting ? setting.value ?? '' : undefined;
  });
  const value = computed(() => parseValue(rawValue.value).value);
  const changeStart = useChangeStart(() => String(store.getters.clusterId ?? ''), () => rawValue.value);
  const input = computed(() => healthInputFrom({
    settings:        settings.value,
    nodes:           nodes.value,
    pods:            pods.value,
    nads:            nads.value,
    kubeVirts:       kubeVirts.value,
    daemonSets:      daemonSets.value,
    ipPools:         ipPools.value,
    vmims:           vmims.value,
    clusterNetworks: clusterNetworks.value,
    vlanStatuses:    vlanStatuses.value,
    vlanConfigs:     vlanConfigs.value,
  }, value.value));
  const report = computed(() => buildHealth(input.value));
  const nadRef = computed(() => migrationNadRef(input.value.setting, input.value.kubeVirt));
  const kubeVirt = computed(() => kubeVirtSummary(input.value.kubeVirt));
  const nad = computed(() => nadView(input.value.nad, report.value.rollout.nadMatches));
  const failures = computed(() => sandboxFailures(events.value ?? [], input.value.pods));
  // KubeVirt may stay not ready with nothing else changing: the steps are read again on this clock, so the
  // page turns to "stuck" once KUBEVIRT_READY_GRACE_MS has passed, not only at the next change of an object.
  const now = ref(Date.now());
  const clock = setInterval(() => {
    now.value = Date.now();
  }, VERDICT_CLOCK_MS);

  onBeforeUnmount(() => clearInterval(clock));
  const context = computed((): RolloutContext => ({
    now:          now.value,
    changeStart:  changeStart.value,
    leftoverNads: nads.value && !report.value.enabled ? migrationNads(nads.value) : undefined,
    report:       report.value,
    kubeVirt:     kubeVirt.value,
    nadName:      report.value.enabled ? nadRef.value?.split('/').pop() : undefined,
    failures:     failures.value,
    // Every list a step rests on: one that could not be read makes its step unknown, never done or blocked.
    unknown:      {
      setting: !settings.value, kubeVirt: !kubeVirts.value, pods: !pods.value, nads: !nads.value, nodes: !nodes.value
    },
  }));
  const steps = computed(() => rolloutSteps(context.value));
  /** The page's first line, read off the same steps the tracker shows. */
  const verdict = computed(() => healthVerdict(context.value, steps.value));
  const capacity = computed(() => capacityView(report.value, ipPools.value));
  const running = computed(() => runningMigrations(vmims.value ?? []));
  const share = computed(() => networkShare(report.value.migrations));
  const misuse = computed(() => findNadMisuse(vms.value ?? [], nads.value ?? [], nadRef.value));

  /** The states of a section's types. */
  const sectionStates = (section: HealthSection) => SECTION_TYPES[section].map((type): TypeState & { type: string } => ({ type, ...state[type] }));

  return {
    ready,
    retry,
    state,
    report,
    input,
    nadRef,
    kubeVirt,
    nad,
    failures,
    steps,
    changeStart,
    verdict,
    capacity,
    running,
    share,
    misuse,
    sectionStates,
    vms,
    vmims,
    eventsReadable: computed(() => !!events.value),
  };
}
