/**
 * One migration followed from start to end, and the network it took. KubeVirt copies the final migration state into
 * the VMIM only when the migration is over; while it runs, the VMI's `status.migrationState` (same migrationUid) is
 * where the target and its address appear. KubeVirt sends a migration to the first address of the target
 * virt-handler's `migration0` and, when there is none, to its pod address without any error: an address outside the
 * range is therefore a fallback to the management network, never a success.
 */
import { Cidr, cidrContains, parseIPv4 } from '../cidr';
import { CoreEvent, MigrationState, VirtualMachineInstanceMigration } from '../k8s-types';

/** What virt-handler on the target says it listens on (its `PreparingTarget` event): a second, independent witness. */
export interface ListeningAt {
  address: string;
  node?: string;
  /** It names the same address as KubeVirt's `targetNodeAddress` (undefined while that is not known). */
  agrees?: boolean;
}

const LISTENING = /Migration Target is listening at (\S+?),? on ports/;

/**
 * The address in the newest "listening" `PreparingTarget` event of the VMI at or after `since` (the migration's
 * creation): "Migration Target is listening at 192.168.1.3, on ports: 38373,41117,43573". virt-handler emits a second
 * `PreparingTarget` event ("…Migration Target Prepared."), often in the same second, which names no address.
 */
export function listeningAt(events: CoreEvent[], since?: string): ListeningAt | undefined {
  const when = (e: CoreEvent) => Date.parse(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;
  const from = since ? Date.parse(since) || 0 : 0;
  const heard = events
    .map((e) => ({ e, address: e.reason === 'PreparingTarget' && e.message ? LISTENING.exec(e.message)?.[1] : undefined }))
    .filter(({ e, address }) => address && when(e) >= from)
    .sort((a, b) => when(b.e) - when(a.e))[0];

  return heard?.address ? { address: heard.address, node: heard.e.source?.host } : undefined;
}

export type MigrationOutcome = 'running' | 'succeeded' | 'failed' | 'aborted';

/** Which network carried (or carries) the memory: known once KubeVirt names the target's address. */
export type MigrationPath =
  | { kind: 'network'; clusterNetwork: string; address: string }
  | { kind: 'fallback'; node?: string; address: string }
  /** The migration network is disabled: mgmt is the configured path. */
  | { kind: 'mgmt'; address: string }
  | { kind: 'unknown' };

export interface PhaseTime { phase: string; time?: string }

export interface FollowedMigration {
  vmim: string;
  vm: string;
  phase: string;
  phases: PhaseTime[];
  outcome: MigrationOutcome;
  sourceNode?: string;
  targetNode?: string;
  path: MigrationPath;
  failureReason?: string;
  /** virt-handler's own word on the target address, when its event was read. */
  listening?: ListeningAt;
  /** Seconds from the VMIM's first phase to its end. */
  durationSeconds?: number;
  /** Seconds of the memory transfer (KubeVirt's start to end timestamps). */
  transferSeconds?: number;
  /** Guest memory over transfer time: a floor, since KubeVirt's status does not report the bytes moved. */
  minBitsPerSecond?: number;
  /** Why no rate is given: KubeVirt's timestamps are whole seconds, it recorded no copy times, or the memory is unknown. */
  rateUnknown?: 'tooShort' | 'noTimes' | 'memoryUnknown';
}

export interface FollowInput {
  vmim: VirtualMachineInstanceMigration | undefined;
  /** The VMI's migrationState, read while the migration runs. */
  vmiState?: MigrationState;
  /** The VMIM was seen and is gone before it ended (Harvester aborts a migration by deleting it). */
  vanished?: boolean;
  enabled: boolean;
  range?: Cidr;
  clusterNetwork?: string;
  memoryBytes?: number;
  /** The VMI's events (its `PreparingTarget` event names the address virt-handler listens on). */
  events?: CoreEvent[];
}

const FINAL = new Set(['Succeeded', 'Failed']);

const seconds = (from?: string, to?: string) => (from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : undefined);

function pathOf(state: MigrationState, input: FollowInput): MigrationPath {
  const address = state.targetNodeAddress;

  if (!address) {
    return { kind: 'unknown' };
  }
  if (!input.enabled) {
    return { kind: 'mgmt', address };
  }
  const ip = parseIPv4(address);

  return input.range && ip !== undefined && cidrContains(input.range, ip) ? {
    kind: 'network', clusterNetwork: input.clusterNetwork ?? '', address
  } : {
    kind: 'fallback', node: state.targetNode, address
  };
}

/**
 * Aborted: KubeVirt's abort status on a handed-off migration; before hand-off, the `AbortRequested` condition on a
 * VMIM being deleted (it turns Failed and lingers for its finalizer); or a VMIM gone before it ended.
 */
function outcomeOf(vmim: VirtualMachineInstanceMigration, phase: string, state: MigrationState, vanished: boolean): MigrationOutcome {
  const abortRequested = (vmim.status?.conditions ?? []).some((c) => c.type === 'AbortRequested' && c.status === 'True');

  if (state.abortStatus === 'Succeeded' || abortRequested || (vanished && !FINAL.has(phase)) || (vmim.metadata?.deletionTimestamp && phase !== 'Succeeded')) {
    return 'aborted';
  }
  if (phase === 'Failed' || state.failed) {
    return 'failed';
  }

  return phase === 'Succeeded' ? 'succeeded' : 'running';
}

/** The state of the followed migration; `input.vmim` may be the last copy seen of a VMIM that is now gone. */
export function followMigration(input: FollowInput): FollowedMigration | undefined {
  const { vmim } = input;

  if (!vmim) {
    return undefined;
  }
  const uid = vmim.metadata?.uid;
  const live = input.vmiState && (!uid || input.vmiState.migrationUid === uid) ? input.vmiState : undefined;
  const state: MigrationState = { ...live, ...vmim.status?.migrationState };
  const phase = vmim.status?.phase || 'Pending';
  const phases = (vmim.status?.phaseTransitionTimestamps ?? []).map((p) => ({ phase: p.phase ?? '', time: p.phaseTransitionTimestamp }));
  const outcome = outcomeOf(vmim, phase, state, !!input.vanished);
  const out: FollowedMigration = {
    vmim:          `${ vmim.metadata?.namespace ?? '' }/${ vmim.metadata?.name ?? '' }`,
    vm:            `${ vmim.metadata?.namespace ?? '' }/${ vmim.spec?.vmiName ?? '' }`,
    phase,
    phases,
    outcome,
    sourceNode:    state.sourceNode,
    targetNode:    state.targetNode,
    path:          pathOf(state, input),
    failureReason: outcome === 'failed' ? state.failureReason : undefined,
  };
  const heard = input.events ? listeningAt(input.events, vmim.metadata?.creationTimestamp) : undefined;

  if (heard) {
    out.listening = { ...heard, agrees: state.targetNodeAddress === undefined ? undefined : heard.address === state.targetNodeAddress };
  }

  if (outcome !== 'succeeded') {
    return out;
  }
  out.durationSeconds = seconds(phases[0]?.time ?? vmim.metadata?.creationTimestamp, state.endTimestamp ?? phases[phases.length - 1]?.time);
  out.transferSeconds = seconds(state.startTimestamp, state.endTimestamp);
  if (!input.memoryBytes) {
    out.rateUnknown = 'memoryUnknown';
  } else if (out.transferSeconds === undefined || Number.isNaN(out.transferSeconds)) {
    out.rateUnknown = 'noTimes';
  } else if (out.transferSeconds < 1) {
    out.rateUnknown = 'tooShort';
  } else {
    out.minBitsPerSecond = (input.memoryBytes * 8) / out.transferSeconds;
  }

  return out;
}

/** The newest VMIM of `vm` (`namespace/name`) not among those `known` before the test started (uids or names): the one it started. */
export function startedMigration(vmims: VirtualMachineInstanceMigration[], vm: string, known: Set<string>): VirtualMachineInstanceMigration | undefined {
  const [namespace, name] = vm.split('/');

  return vmims.filter((m) => m.metadata?.namespace === namespace && m.spec?.vmiName === name && !known.has(m.metadata?.uid ?? m.metadata?.name ?? ''))
    .sort((a, b) => (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? ''))[0];
}
