import {
  Cidr, cidrContains, ipv4Text, parseCidr, parseIPv4
} from './cidr';
import {
  DaemonSet, IPPool, KubeVirt, MigrationState, NetworkAttachmentDefinition, Node, Pod, Setting,
  VirtualMachineInstance, VirtualMachineInstanceMigration
} from './k8s-types';
import { nadMatchesValue } from './nad-config';
import { configuredCondition, controllerCaughtUp } from './setting-state';
import { ClusterFacts, HealthRow, MigrationNetworkValue } from './types';

/** Raw objects the health page reads; leave out what could not be read. */
export interface HealthInput {
  setting?: Setting;
  nodes: Node[];
  /** virt-handler pods (`kubevirt.io=virt-handler` in harvester-system). */
  pods: Pod[];
  nad?: NetworkAttachmentDefinition;
  kubeVirt?: KubeVirt;
  daemonSet?: DaemonSet;
  ipPools?: IPPool[];
  vmis?: VirtualMachineInstance[];
  vmims?: VirtualMachineInstanceMigration[];
  /** For the "node not covered by the cluster network" flag (see `buildClusterFacts`). */
  clusterFacts?: ClusterFacts;
  /** How many recent migrations to report (default 20). */
  recentMigrations?: number;
}

export interface RolloutFacts {
  /** sha1(value) differs from the hash annotation: the controller has not processed the current value. */
  reconcilePending?: boolean;
  configured?: { status?: string; reason?: string; message?: string; lastUpdateTime?: string };
  /** The NAD config implements the current value. */
  nadMatches?: boolean;
  /** KubeVirt `Available` True with reason `AllComponentsReady` (the test Harvester's migrate action uses). */
  kubeVirtReady?: boolean;
  /** observedDeploymentID differs from targetDeploymentID. */
  kubeVirtDeploying?: boolean;
  desired: number;
  updated: number;
  ready: number;
  available: number;
  /** Rows that expect a virt-handler, those on the new config, and those with no flag. */
  expectedPods: number;
  podsOnNewConfig: number;
  healthyPods: number;
  /** Everything above says done. */
  complete: boolean;
}

export interface PoolLeak {
  pool: string;
  range: string;
  offset: string;
  ip?: string;
  podref: string;
}

export interface MigrationUse {
  vmi: string;
  migrationUid?: string;
  sourceNode?: string;
  targetNode?: string;
  targetNodeAddress?: string;
  startTimestamp?: string;
  endTimestamp?: string;
  completed: boolean;
  failed: boolean;
  /** targetNodeAddress lies in the current range (the migration used the network); undefined when unknown. */
  usedNetwork?: boolean;
}

export interface HealthReport {
  enabled: boolean;
  value?: MigrationNetworkValue;
  /** What virt-handler pods' `k8s.v1.cni.cncf.io/networks` must say; undefined when unknown. */
  expectedNetworks?: string;
  rows: HealthRow[];
  rollout: RolloutFacts;
  leaks: PoolLeak[];
  migrations: MigrationUse[];
}

/** Rollout progress from the Setting, NAD, KubeVirt and DaemonSet; counts fall back to the rows. */
export function buildRollout(input: HealthInput, rows: HealthRow[], value: MigrationNetworkValue | undefined): RolloutFacts {
  const expected = rows.filter((r) => r.expected);
  const ds = input.daemonSet?.status;
  const kv = input.kubeVirt?.status;
  const available = kv?.conditions?.find((c) => c.type === 'Available');
  const condition = configuredCondition(input.setting);
  const out: RolloutFacts = {
    desired:         ds?.desiredNumberScheduled ?? expected.length,
    updated:         ds?.updatedNumberScheduled ?? expected.filter((r) => !r.flags.includes('oldConfig') && r.pod).length,
    ready:           ds?.numberReady ?? expected.filter((r) => r.ready).length,
    available:       ds?.numberAvailable ?? expected.filter((r) => r.ready).length,
    expectedPods:    expected.length,
    podsOnNewConfig: expected.filter((r) => r.pod && !r.flags.includes('oldConfig')).length,
    healthyPods:     expected.filter((r) => r.flags.length === 0).length,
    complete:        false,
  };

  const caughtUp = input.setting && controllerCaughtUp(input.setting);

  if (caughtUp !== undefined) {
    out.reconcilePending = !caughtUp;
  }
  if (condition) {
    out.configured = {
      status: condition.status, reason: condition.reason, message: condition.message, lastUpdateTime: condition.lastUpdateTime
    };
  }
  if (input.nad && value) {
    out.nadMatches = nadMatchesValue(input.nad.spec?.config, value);
  }
  if (kv) {
    out.kubeVirtReady = available?.status === 'True' && available.reason === 'AllComponentsReady';
    out.kubeVirtDeploying = kv.observedDeploymentID !== kv.targetDeploymentID;
  }
  out.complete = out.reconcilePending !== true && condition?.status !== 'False' &&
    out.nadMatches !== false && out.kubeVirtReady !== false && out.kubeVirtDeploying !== true &&
    out.healthyPods === out.expectedPods && out.updated >= out.desired;

  return out;
}

/**
 * Whereabouts allocations whose `podref` matches no live pod (Running or Pending) in `input.pods`: addresses
 * held by pods that no longer exist. Keys are decimal offsets from the pool range's first address.
 */
export function findLeaks(input: HealthInput): PoolLeak[] {
  const live = new Set(input.pods.filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending')
    .map((p) => `${ p.metadata?.namespace ?? '' }/${ p.metadata?.name ?? '' }`));
  const leaks: PoolLeak[] = [];

  for (const pool of input.ipPools ?? []) {
    const range = pool.spec?.range ?? '';
    const cidr = parseCidr(range);

    for (const [offset, allocation] of Object.entries(pool.spec?.allocations ?? {})) {
      const podref = allocation.podref ?? '';

      if (live.has(podref)) {
        continue;
      }
      const leak: PoolLeak = {
        pool: `${ pool.metadata?.namespace ?? '' }/${ pool.metadata?.name ?? '' }`, range, offset, podref
      };

      if (cidr?.family === 4 && /^\d+$/.test(offset) && cidr.network + Number(offset) <= cidr.broadcast) {
        leak.ip = ipv4Text(cidr.network + Number(offset));
      }
      leaks.push(leak);
    }
  }

  return leaks;
}

function use(vmi: string, state: MigrationState, range: Cidr | undefined): MigrationUse {
  const address = state.targetNodeAddress;
  const ip = address === undefined ? undefined : parseIPv4(address);
  const out: MigrationUse = {
    vmi,
    migrationUid:      state.migrationUid,
    sourceNode:        state.sourceNode,
    targetNode:        state.targetNode,
    targetNodeAddress: address,
    startTimestamp:    state.startTimestamp,
    endTimestamp:      state.endTimestamp,
    completed:         state.completed === true,
    failed:            state.failed === true,
  };

  if (range && address !== undefined) {
    out.usedNetwork = ip !== undefined && cidrContains(range, ip);
  }

  return out;
}

/**
 * Recent migrations (from VMIs' and VMIMs' `status.migrationState`, one per migrationUid, newest first) and
 * whether each target address lay in the migration range. `migrationNetworkType` is not used: KubeVirt never sets it.
 */
export function buildMigrationUses(input: HealthInput, range: Cidr | undefined): MigrationUse[] {
  const byUid = new Map<string, MigrationUse>();
  const add = (vmi: string, state: MigrationState | undefined) => {
    if (state?.targetNodeAddress || state?.completed) {
      const key = state.migrationUid ?? `${ vmi }@${ state.startTimestamp ?? '' }`;

      if (!byUid.has(key)) {
        byUid.set(key, use(vmi, state, range));
      }
    }
  };

  for (const vmi of input.vmis ?? []) {
    add(`${ vmi.metadata?.namespace ?? '' }/${ vmi.metadata?.name ?? '' }`, vmi.status?.migrationState);
  }
  for (const vmim of input.vmims ?? []) {
    add(`${ vmim.metadata?.namespace ?? '' }/${ vmim.spec?.vmiName ?? '' }`, vmim.status?.migrationState);
  }
  const when = (m: MigrationUse) => m.endTimestamp ?? m.startTimestamp ?? '';

  return [...byUid.values()].sort((a, b) => when(b).localeCompare(when(a))).slice(0, input.recentMigrations ?? 20);
}
