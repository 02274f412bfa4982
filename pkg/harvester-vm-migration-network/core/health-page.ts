/**
 * View data of the Migration Network health page beyond `buildHealth`: which objects to feed it, the summary
 * (NAD, KubeVirt), rollout steps with the blocking reason, capacity, running migrations, the share of recent
 * migrations that used the network, VMs attached to the migration NAD, and websocket staleness. Pure.
 */
import { Cidr, parseCidr } from './cidr';
import {
  HARVESTER_SYSTEM_NAMESPACE, KUBEVIRT_ID, MIGRATION_INTERFACE, SETTING_ID, VIRT_HANDLER_ID,
  VIRT_HANDLER_LABEL, VIRT_HANDLER_LABEL_VALUE, VMN_NAD_ANNOTATION, VMN_PREFIX
} from './constants';
import { buildClusterFacts, migrationInProgress } from './facts';
import { HealthInput, HealthReport, MigrationUse } from './health-cluster';
import { countUsable } from './ip-intervals';
import {
  ClusterNetwork, Condition, DaemonSet, IPPool, KubeVirt, NetworkAttachmentDefinition, Node, ObjectMeta, Pod, Setting,
  VirtualMachineInstance, VirtualMachineInstanceMigration, VlanConfig, VlanStatus
} from './k8s-types';
import { ipPoolName, readNadConfig } from './nad-config';
import { HealthRow, MigrationNetworkValue } from './types';

/** core/v1 Event, as far as the page reads it. */
export interface CoreEvent {
  metadata?: ObjectMeta;
  involvedObject?: { kind?: string; namespace?: string; name?: string };
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { host?: string };
}

/** `kubevirt.io/v1` VirtualMachine: only its networks. */
export interface VirtualMachine {
  metadata?: ObjectMeta;
  spec?: { template?: { spec?: { networks?: { name?: string; multus?: { networkName?: string } }[] } } };
}

/** Lists as the shell store holds them; a list is undefined when it could not be read. */
export interface HealthSources {
  settings?: Setting[];
  nodes?: Node[];
  pods?: Pod[];
  nads?: NetworkAttachmentDefinition[];
  kubeVirts?: KubeVirt[];
  daemonSets?: DaemonSet[];
  ipPools?: IPPool[];
  vmis?: VirtualMachineInstance[];
  vmims?: VirtualMachineInstanceMigration[];
  clusterNetworks?: ClusterNetwork[];
  vlanStatuses?: VlanStatus[];
  vlanConfigs?: VlanConfig[];
}

function idOf(obj: { id?: string; metadata?: ObjectMeta } | undefined): string {
  const m = obj?.metadata;

  return obj?.id ?? (m?.namespace ? `${ m.namespace }/${ m.name ?? '' }` : m?.name ?? '');
}

/** A virt-handler pod: label `kubevirt.io=virt-handler` in harvester-system. */
export function isVirtHandlerPod(pod: Pod): boolean {
  return pod.metadata?.namespace === HARVESTER_SYSTEM_NAMESPACE && pod.metadata?.labels?.[VIRT_HANDLER_LABEL] === VIRT_HANDLER_LABEL_VALUE;
}

/**
 * `<namespace>/<name>` of the migration NAD: the setting's net-attach-def annotation, else KubeVirt's
 * `migrations.network` (a name in harvester-system). Undefined when neither names one (disabled or unknown).
 */
export function migrationNadRef(setting: Setting | undefined, kubeVirt: KubeVirt | undefined): string | undefined {
  const fromSetting = setting?.metadata?.annotations?.[VMN_NAD_ANNOTATION];
  const fromKubeVirt = kubeVirt?.spec?.configuration?.migrations?.network;

  if (fromSetting) {
    return fromSetting.includes('/') ? fromSetting : `${ HARVESTER_SYSTEM_NAMESPACE }/${ fromSetting }`;
  }

  return fromKubeVirt ? `${ HARVESTER_SYSTEM_NAMESPACE }/${ fromKubeVirt }` : undefined;
}

/**
 * The `buildHealth` input from raw lists: the setting by id, virt-handler pods only, the migration NAD, KubeVirt
 * and the virt-handler DaemonSet by id, and only the IPPool of the current range (other pools, e.g. the storage
 * network's, belong to other pods and would all look leaked).
 */
export function healthInputFrom(src: HealthSources, value?: MigrationNetworkValue): HealthInput {
  const setting = src.settings?.find((s) => idOf(s) === SETTING_ID);
  const kubeVirt = src.kubeVirts?.find((k) => idOf(k) === KUBEVIRT_ID);
  const ref = migrationNadRef(setting, kubeVirt);
  const pool = value ? ipPoolName(value.range) : undefined;

  return {
    setting,
    kubeVirt,
    nodes:        src.nodes ?? [],
    pods:         (src.pods ?? []).filter(isVirtHandlerPod),
    nad:          ref ? src.nads?.find((n) => idOf(n) === ref) : undefined,
    daemonSet:    src.daemonSets?.find((d) => idOf(d) === VIRT_HANDLER_ID),
    ipPools:      src.ipPools?.filter((p) => pool !== undefined && p.metadata?.name === pool),
    vmis:         src.vmis,
    vmims:        src.vmims,
    clusterFacts: buildClusterFacts({
      clusterNetworks: src.clusterNetworks, vlanStatuses: src.vlanStatuses, vlanConfigs: src.vlanConfigs
    }),
  };
}

export interface ConditionView {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
  time?: string;
}

export interface KubeVirtSummary {
  /** `spec.configuration.migrations.network`; undefined when migrations use mgmt. */
  network?: string;
  phase?: string;
  /** Available, Progressing and Degraded, in that order, when present. */
  conditions: ConditionView[];
  /** Available True with reason AllComponentsReady: Harvester's migrate action accepts migrations. */
  ready: boolean;
}

function conditionView(c: Condition | undefined, type: string): ConditionView | undefined {
  return c ? {
    type, status: c.status, reason: c.reason, message: c.message, time: c.lastTransitionTime ?? c.lastUpdateTime
  } : undefined;
}

/** KubeVirt's migration network and conditions; `ready` is the exact test of Harvester's migrate action. */
export function kubeVirtSummary(kv: KubeVirt | undefined): KubeVirtSummary | undefined {
  if (!kv) {
    return undefined;
  }
  const find = (type: string) => conditionView(kv.status?.conditions?.find((c) => c.type === type), type);
  const available = find('Available');

  return {
    network:    kv.spec?.configuration?.migrations?.network || undefined,
    phase:      kv.status?.phase,
    conditions: ['Available', 'Progressing', 'Degraded'].map(find).filter((c): c is ConditionView => !!c),
    ready:      available?.status === 'True' && available.reason === 'AllComponentsReady',
  };
}

export interface NadView {
  id: string;
  bridge?: string;
  vlan?: number;
  range?: string;
  exclude: string[];
  /** The config implements the setting value; undefined when the setting is disabled or unreadable. */
  matches?: boolean;
}

/** What the migration NAD's config says, and whether it matches the setting (`RolloutFacts.nadMatches`). */
export function nadView(nad: NetworkAttachmentDefinition | undefined, nadMatches: boolean | undefined): NadView | undefined {
  if (!nad) {
    return undefined;
  }
  const config = readNadConfig(nad.spec?.config);

  return {
    id: idOf(nad), bridge: config?.bridge, vlan: config?.vlan, range: config?.range, exclude: config?.exclude ?? [], matches: nadMatches
  };
}

export interface SandboxFailure {
  pod: string;
  node?: string;
  /** From `Could not allocate IP in range` on when Whereabouts says so, else the whole event message. */
  message: string;
  time?: string;
  count: number;
}

const WHEREABOUTS_TEXT = 'Could not allocate IP in range';

/**
 * `FailedCreatePodSandBox` events on current virt-handler pods (the newest per pod, newest first): why a pod
 * cannot start, e.g. Whereabouts has no address left. Events of pods that no longer exist are ignored.
 */
export function sandboxFailures(events: CoreEvent[], pods: Pod[]): SandboxFailure[] {
  const nodeOf = new Map(pods.filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Running')
    .map((p) => [p.metadata?.name ?? '', p.spec?.nodeName]));
  const byPod = new Map<string, SandboxFailure>();

  for (const ev of events) {
    const obj = ev.involvedObject;
    const pod = obj?.name ?? '';

    if (ev.reason !== 'FailedCreatePodSandBox' || obj?.kind !== 'Pod' || obj.namespace !== HARVESTER_SYSTEM_NAMESPACE || !nodeOf.has(pod)) {
      continue;
    }
    const text = ev.message ?? '';
    const at = text.indexOf(WHEREABOUTS_TEXT);
    const failure: SandboxFailure = {
      pod,
      node:    nodeOf.get(pod) ?? ev.source?.host,
      message: at >= 0 ? text.slice(at) : text,
      time:    ev.lastTimestamp ?? ev.eventTime ?? ev.firstTimestamp,
      count:   ev.count ?? 1,
    };
    const seen = byPod.get(pod);

    if (!seen || (failure.time ?? '') > (seen.time ?? '')) {
      byPod.set(pod, failure);
    }
  }

  return [...byPod.values()].sort((a, b) => (b.time ?? '').localeCompare(a.time ?? ''));
}

export type StepId = 'configured' | 'nad' | 'kubeVirt' | 'pods' | 'ready';
export type StepState = 'done' | 'inProgress' | 'blocked' | 'pending' | 'unknown';

export interface RolloutStep {
  id: StepId;
  state: StepState;
  time?: string;
  /** Why the step is blocked or waiting: key under `vmMigrationNetwork.health.rollout.reasons.`. */
  reason?: { key: string; args: Record<string, string | number> };
  /** Counts for the pods step. */
  done?: number;
  total?: number;
}

export interface RolloutContext {
  report: HealthReport;
  kubeVirt?: KubeVirtSummary;
  /** The NAD name KubeVirt must use (no namespace); undefined when disabled. */
  nadName?: string;
  failures: SandboxFailure[];
  /** Lists that could not be read. */
  unknown: { setting?: boolean; kubeVirt?: boolean; pods?: boolean };
}

function configuredStep(ctx: RolloutContext): RolloutStep {
  const { rollout } = ctx.report;
  const c = rollout.configured;
  const step: RolloutStep = {
    id: 'configured', state: 'unknown', time: c?.lastUpdateTime
  };

  if (ctx.unknown.setting) {
    return step;
  }
  if (rollout.reconcilePending) {
    return {
      ...step, state: 'inProgress', reason: { key: 'controllerPending', args: {} }
    };
  }
  if (c?.status === 'False') {
    return {
      ...step, state: 'blocked', reason: { key: 'configuredFailed', args: { reason: c.reason ?? '', message: c.message ?? '' } }
    };
  }

  return { ...step, state: 'done' };
}

function nadStep(ctx: RolloutContext): RolloutStep {
  const { report } = ctx;

  if (!report.enabled) {
    return { id: 'nad', state: 'done' };
  }
  if (report.rollout.nadMatches === true) {
    return { id: 'nad', state: 'done' };
  }

  return {
    id: 'nad', state: report.rollout.reconcilePending ? 'inProgress' : 'blocked', reason: { key: report.rollout.nadMatches === false ? 'nadMismatch' : 'nadMissing', args: {} }
  };
}

function kubeVirtStep(ctx: RolloutContext): RolloutStep {
  const kv = ctx.kubeVirt;

  if (!kv || ctx.unknown.kubeVirt) {
    return { id: 'kubeVirt', state: 'unknown' };
  }
  const progressing = kv.conditions.find((c) => c.type === 'Progressing');
  const degraded = kv.conditions.find((c) => c.type === 'Degraded' && c.status === 'True');
  const step: RolloutStep = {
    id: 'kubeVirt', state: 'done', time: progressing?.time
  };

  if (kv.network !== ctx.nadName) {
    return {
      ...step, state: 'inProgress', reason: { key: 'kubeVirtNetwork', args: { network: kv.network ?? '' } }
    };
  }
  if (ctx.report.rollout.kubeVirtDeploying || progressing?.status === 'True') {
    return degraded ? {
      ...step, state: 'blocked', reason: { key: 'degraded', args: { reason: degraded.reason ?? '', message: degraded.message ?? '' } }
    } : { ...step, state: 'inProgress' };
  }

  return step;
}

function podsStep(ctx: RolloutContext): RolloutStep {
  const r = ctx.report.rollout;
  const step: RolloutStep = {
    id: 'pods', state: 'done', done: Math.min(r.podsOnNewConfig, r.healthyPods), total: r.expectedPods
  };
  const failure = ctx.failures[0];

  if (ctx.unknown.pods) {
    return { id: 'pods', state: 'unknown' };
  }
  if (failure) {
    return {
      ...step,
      state:  'blocked',
      time:   failure.time,
      reason: {
        key:  'sandbox',
        args: {
          pod: failure.pod, node: failure.node ?? '', message: failure.message
        }
      }
    };
  }
  const crashing = ctx.report.rows.find((row) => row.expected && row.pod && row.restarts > 0 && !row.ready);

  if (r.healthyPods === r.expectedPods && r.podsOnNewConfig === r.expectedPods) {
    return step;
  }
  if (crashing) {
    return {
      ...step,
      state:  'blocked',
      reason: {
        key:  'podCrashing',
        args: {
          pod: crashing.pod ?? '', node: crashing.node, restarts: crashing.restarts
        }
      }
    };
  }

  return { ...step, state: 'inProgress' };
}

function readyStep(ctx: RolloutContext): RolloutStep {
  const kv = ctx.kubeVirt;

  if (!kv || ctx.unknown.kubeVirt) {
    return { id: 'ready', state: 'unknown' };
  }
  const available = kv.conditions.find((c) => c.type === 'Available');

  return kv.ready ? {
    id: 'ready', state: 'done', time: available?.time
  } : {
    id: 'ready', state: 'inProgress', time: available?.time, reason: { key: 'notReady', args: { reason: available?.reason ?? '', message: available?.message ?? '' } }
  };
}

/**
 * The rollout after a change: setting configured → NAD present → KubeVirt rolled out → virt-handler pods
 * updated and ready (n of N) → AllComponentsReady. A step that looks done while an earlier one is not is
 * `pending` (old pods look "ready" until the controller acts); blocked steps keep their reason.
 */
export function rolloutSteps(ctx: RolloutContext): RolloutStep[] {
  const steps = [configuredStep(ctx), nadStep(ctx), kubeVirtStep(ctx), podsStep(ctx), readyStep(ctx)];
  let earlierOpen = false;

  return steps.map((step) => {
    const out = earlierOpen && step.state === 'done' ? { ...step, state: 'pending' as const } : step;

    earlierOpen = earlierOpen || step.state !== 'done';

    return out;
  });
}

export interface CapacityView {
  /** Addresses Whereabouts can hand out. */
  usable: number;
  /** Allocations in the range's IPPool; undefined when the pool could not be read. */
  allocated?: number;
  free?: number;
  /** Nodes that need an address (non-witness). */
  nodes: number;
  /** Addresses left for new nodes once every current node has one. */
  headroom: number;
}

/** Capacity of the current range: usable (as Whereabouts allocates), allocated in its pool, free, headroom. */
export function capacityView(report: HealthReport, ipPools: IPPool[] | undefined): CapacityView | undefined {
  const range = report.value ? parseCidr(report.value.range) : undefined;

  if (!report.value || range?.family !== 4) {
    return undefined;
  }
  const excludes = report.value.exclude.map((e) => parseCidr(e)).filter((c): c is Cidr => c?.family === 4);
  const usable = countUsable(range, excludes, 'whereabouts');
  const nodes = report.rows.filter((r) => r.expected).length;
  const pool = ipPools?.find((p) => p.metadata?.name === ipPoolName(report.value?.range ?? ''));
  const out: CapacityView = {
    usable, nodes, headroom: usable - nodes
  };

  if (ipPools) {
    out.allocated = Object.values(pool?.spec?.allocations ?? {}).filter((a) => !a.ifname || a.ifname === MIGRATION_INTERFACE).length;
    out.free = usable - out.allocated;
  }

  return out;
}

export interface RunningMigration {
  id: string;
  vm: string;
  sourceNode?: string;
  targetNode?: string;
  phase: string;
}

/** VMIMs still running (phase not final, not being deleted), by VM name. */
export function runningMigrations(vmims: VirtualMachineInstanceMigration[]): RunningMigration[] {
  return vmims.filter(migrationInProgress).map((m) => ({
    id:         idOf(m),
    vm:         `${ m.metadata?.namespace ?? '' }/${ m.spec?.vmiName ?? '' }`,
    sourceNode: m.status?.migrationState?.sourceNode,
    targetNode: m.status?.migrationState?.targetNode,
    phase:      m.status?.phase || 'Pending',
  })).sort((a, b) => a.vm.localeCompare(b.vm));
}

export interface NetworkShare {
  /** Recent migrations whose target address is known. */
  known: number;
  viaNetwork: number;
  /** Rounded percentage; undefined when none is known. */
  percent?: number;
}

/** Share of recent migrations whose `targetNodeAddress` lay in the migration range. */
export function networkShare(uses: MigrationUse[]): NetworkShare {
  const known = uses.filter((u) => u.usedNetwork !== undefined);
  const viaNetwork = known.filter((u) => u.usedNetwork).length;

  return {
    known: known.length, viaNetwork, percent: known.length ? Math.round(100 * viaNetwork / known.length) : undefined
  };
}

export interface NadMisuse {
  vm: string;
  nic: string;
  nad: string;
}

/**
 * VM NICs attached to a migration NAD (Harvester #9027/#9602: a VM on it takes addresses from the migration
 * pool). Migration NADs: `nadRef` and every NAD carrying the controller's `vm-migration-network…: "true"` annotation.
 * A `multus.networkName` without a namespace is resolved in the VM's namespace.
 */
export function findNadMisuse(vms: VirtualMachine[], nads: NetworkAttachmentDefinition[], nadRef: string | undefined): NadMisuse[] {
  const refs = new Set(nads.filter((n) => n.metadata?.annotations?.[VMN_PREFIX] === 'true').map((n) => idOf(n)));

  if (nadRef) {
    refs.add(nadRef);
  }
  const out: NadMisuse[] = [];

  for (const vm of vms) {
    const ns = vm.metadata?.namespace ?? '';

    for (const net of vm.spec?.template?.spec?.networks ?? []) {
      const name = net.multus?.networkName;
      const ref = name && (name.includes('/') ? name : `${ ns }/${ name }`);

      if (ref && refs.has(ref)) {
        out.push({
          vm: `${ ns }/${ vm.metadata?.name ?? '' }`, nic: net.name ?? '', nad: ref
        });
      }
    }
  }

  return out;
}

/** Rows with at least one flag when `onlyProblems`, else all rows (same array). */
export function problemRows(rows: HealthRow[], onlyProblems: boolean): HealthRow[] {
  return onlyProblems ? rows.filter((r) => r.flags.length > 0) : rows;
}

/**
 * The shell's socket states (`@shell/utils/socket`): the store's data may be stale once a socket that was
 * connected is `reconnecting`, `closing` or `disconnected`. Unknown (no socket, advanced worker): not stale.
 */
export function socketStale(state: string | undefined, hasBeenOpen: boolean): boolean {
  return hasBeenOpen && state !== undefined && state !== 'connected';
}
