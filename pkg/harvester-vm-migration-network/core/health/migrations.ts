/**
 * Migrations on the health page: which VMs are migrating now, which migrated recently and whether each used the
 * migration network (its target address lay in the range) or fell back to mgmt, and the share that used it.
 */
import { Cidr, cidrContains, parseIPv4 } from '../cidr';
import { migrationInProgress } from '../facts';
import { MigrationState, VirtualMachineInstanceMigration } from '../k8s-types';
import { HealthInput, objectId } from './inputs';

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
 * Recent migrations (from VMIMs' `status.migrationState`, one per migrationUid, newest first) and whether each target
 * address lay in the migration range. KubeVirt's migration controller copies the VMI's final migrationState into the
 * VMIM, so the VMIs (every running VM, the largest list a busy cluster has) are not read. `migrationNetworkType` is
 * not used: KubeVirt never sets it.
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

  for (const vmim of input.vmims ?? []) {
    add(`${ vmim.metadata?.namespace ?? '' }/${ vmim.spec?.vmiName ?? '' }`, vmim.status?.migrationState);
  }
  const when = (m: MigrationUse) => m.endTimestamp ?? m.startTimestamp ?? '';

  return [...byUid.values()].sort((a, b) => when(b).localeCompare(when(a))).slice(0, input.recentMigrations ?? 20);
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
    id:         objectId(m),
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
