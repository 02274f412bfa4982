/**
 * Which VMs a test migration may move, and what stops one now. The reasons are Harvester's own (its migrate action
 * refuses exactly these: ValidateVMMigratable, which ends with KubeVirt's `LiveMigratable` condition), so a VM is
 * never offered that the server would refuse for itself.
 */
import { HealthRow } from '../types';
import { VirtualMachineInstance } from '../k8s-types';

export type UnmigratableReason = 'condition' | 'nodeSelector' | 'hostDevices' | 'gpus' | 'migrating' | 'notReady';

export interface MigratableVm {
  /** `namespace/name` of the VM (and its VMI). */
  id: string;
  node: string;
  memoryBytes?: number;
}

export interface UnmigratableVm {
  id: string;
  node?: string;
  reason: UnmigratableReason;
  /** KubeVirt's condition reason and message, as it reported them (reason `condition`). */
  kubeVirtReason?: string;
  message?: string;
}

export interface MigrationCandidates {
  offered: MigratableVm[];
  refused: UnmigratableVm[];
}

const UNITS: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9, T: 1e12
};

/** A Kubernetes quantity in bytes (`3996Mi`, `4Gi`); undefined when unreadable. */
export function quantityBytes(text: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([KMGT]i?)?$/.exec(text ?? '');

  return match ? Number(match[1]) * (match[2] ? UNITS[match[2]] : 1) : undefined;
}

/** The guest memory a pre-copy migration moves at least once. */
export function guestMemory(vmi: VirtualMachineInstance): number | undefined {
  const domain = vmi.spec?.domain;

  return quantityBytes(domain?.memory?.guest) ?? quantityBytes(domain?.resources?.requests?.memory);
}

function refusal(vmi: VirtualMachineInstance): Omit<UnmigratableVm, 'id' | 'node'> | undefined {
  const conditions = vmi.status?.conditions ?? [];
  const devices = vmi.spec?.domain?.devices;
  const live = conditions.find((c) => c.type === 'LiveMigratable');

  if (!conditions.some((c) => c.type === 'Ready' && c.status === 'True')) {
    return { reason: 'notReady' };
  }
  if (vmi.metadata?.annotations?.['harvesterhci.io/migrationUID'] || vmi.metadata?.annotations?.['harvesterhci.io/migrationState']) {
    return { reason: 'migrating' };
  }
  if (vmi.spec?.nodeSelector?.['kubernetes.io/hostname']) {
    return { reason: 'nodeSelector' };
  }
  if (devices?.hostDevices?.length) {
    return { reason: 'hostDevices' };
  }
  if (devices?.gpus?.length) {
    return { reason: 'gpus' };
  }

  return live?.status === 'False' ? {
    reason: 'condition', kubeVirtReason: live.reason, message: live.message
  } : undefined;
}

/** Running VMIs split into those Harvester would migrate and those it would refuse (with why), by id. */
export function migrationCandidates(vmis: VirtualMachineInstance[]): MigrationCandidates {
  const out: MigrationCandidates = { offered: [], refused: [] };

  for (const vmi of vmis) {
    if (vmi.status?.phase !== 'Running' || vmi.metadata?.deletionTimestamp) {
      continue;
    }
    const id = `${ vmi.metadata?.namespace ?? '' }/${ vmi.metadata?.name ?? '' }`;
    const node = vmi.status?.nodeName ?? '';
    const refused = refusal(vmi);

    if (refused) {
      out.refused.push({
        id, node, ...refused
      });
    } else {
      out.offered.push({
        id, node, memoryBytes: guestMemory(vmi)
      });
    }
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

  out.offered.sort(byId);
  out.refused.sort(byId);

  return out;
}

/** Nodes a VM on `source` may be sent to: another node that holds a migration address (witness nodes run no VMs). */
export function targetNodes(rows: HealthRow[], source: string): string[] {
  return rows.filter((r) => r.expected && !r.witness && r.node !== source && !!r.migrationIp).map((r) => r.node);
}

export type MigrationBlocker = 'migrationsUnreadable' | 'kubeVirtNotReady' | 'notConfigured' | 'rollingOut' | 'vmMigrating';

/** A disabled network blocks nothing: a test then shows the migration going over mgmt, as configured. */
export interface BlockerFacts {
  enabled: boolean;
  kubeVirtReady: boolean;
  /** The setting's `configured` condition is True for the value it holds. */
  configured: boolean;
  /** The health verdict says the rollout is still going (or stuck). */
  rollingOut: boolean;
  /** The chosen VM has a migration running. */
  vmMigrating: boolean;
}

/** What stops a test migration now, in the order a user would fix it; empty when it may start. */
export function migrationBlockers(facts: BlockerFacts): MigrationBlocker[] {
  const out: MigrationBlocker[] = [];

  if (!facts.kubeVirtReady) {
    out.push('kubeVirtNotReady');
  }
  if (facts.enabled && !facts.configured) {
    out.push('notConfigured');
  }
  if (facts.rollingOut) {
    out.push('rollingOut');
  }
  if (facts.vmMigrating) {
    out.push('vmMigrating');
  }

  return out;
}
