/**
 * One row of the fleet overview: the migration network of one Harvester cluster, from a handful of small objects
 * (the Setting, Harvester's `server-version` setting, the KubeVirt CR, the virt-handler DaemonSet and the range's
 * Whereabouts IPPool), never from pods or nodes, so that a row costs the same on a 3-node and a 1,000-node cluster.
 */
import { cidrSize, countUsable } from './ip-intervals';
import { parseCidr, Cidr } from './cidr';
import { parseValue } from './parse';
import { configuredCondition, controllerCaughtUp } from './setting-state';
import { kubeVirtSummary } from './health/summary';
import { DaemonSet, IPPool, KubeVirt, Setting } from './k8s-types';
import { MigrationNetworkValue } from './types';
import { HARVESTER_SYSTEM_NAMESPACE, L10N_ROOT, VIRT_HANDLER_LABEL_VALUE } from './constants';

/** Why a cluster's objects could not be read: its agent is gone, the user may not read, or it did not answer. */
export type Unreachable = 'disconnected' | 'forbidden' | 'failed' | 'notHarvester';

export interface FleetClusterInputs {
  id: string;
  name: string;
  /** Rancher's view of the cluster (`Connected`/`Ready` conditions of the management cluster). */
  connected: boolean;
  unreachable?: { kind: Unreachable; message?: string };
  setting?: Setting;
  /** Value of Harvester's `server-version` setting. */
  version?: string;
  kubeVirt?: KubeVirt;
  daemonSet?: DaemonSet;
  ipPool?: IPPool;
  /** Objects the user may not read or that are missing: their checks are not run. */
  unknown: { kubeVirt?: boolean; daemonSet?: boolean; ipPool?: boolean };
}

export type FleetState = 'unreachable' | 'disabled' | 'healthy' | 'rollingOut' | 'stuck' | 'failed';
export type FleetSeverity = 'error' | 'warning' | 'info';

export interface FleetProblem {
  severity: FleetSeverity;
  /** l10n key under `vmMigrationNetwork.fleet.problem`. */
  key: string;
  args: Record<string, string | number>;
}

export interface FleetRow {
  id: string;
  name: string;
  state: FleetState;
  unreachable?: { kind: Unreachable; message?: string };
  version?: string;
  enabled?: boolean;
  value?: MigrationNetworkValue;
  configured?: { status?: string; reason?: string; message?: string };
  caughtUp?: boolean;
  kubeVirtReady?: boolean;
  nodesWithIp?: number;
  nodesNeeding?: number;
  /** Worst first. */
  problems: FleetProblem[];
}

const SEVERITY_ORDER: Record<FleetSeverity, number> = {
  error: 0, warning: 1, info: 2
};
const problemKey = (name: string) => `${ L10N_ROOT }.fleet.problem.${ name }`;
const VIRT_HANDLER_PODREF = `${ HARVESTER_SYSTEM_NAMESPACE }/${ VIRT_HANDLER_LABEL_VALUE }-`;

/** `<namespace>/<name>` of the Whereabouts IPPool for a range: Harvester's NAD names no network, so it is the range with `/` as `-`. */
export function ipPoolId(range: string): string {
  return `kube-system/${ range.replace('/', '-') }`;
}

/** Distinct virt-handler pods holding an address in the pool (the IPs of the `migration0` interfaces). */
export function virtHandlerAllocations(pool: IPPool | undefined): number {
  const pods = new Set(Object.values(pool?.spec?.allocations ?? {}).map((a) => a.podref ?? '').filter((ref) => ref.startsWith(VIRT_HANDLER_PODREF)));

  return pods.size;
}

function usableOf(value: MigrationNetworkValue): number | undefined {
  const range = parseCidr(value.range);

  if (!range) {
    return undefined;
  }
  const excludes = value.exclude.map(parseCidr).filter((c): c is Cidr => !!c);

  return Math.min(countUsable(range, excludes, 'whereabouts'), cidrSize(range));
}

/** The row of one cluster; a cluster that cannot be read says why and nothing else. */
export function summarizeFleetCluster(input: FleetClusterInputs): FleetRow {
  const base = {
    id: input.id, name: input.name, version: input.version
  };
  const unreachable = !input.connected ? { kind: 'disconnected' as const } : input.unreachable;

  if (unreachable || !input.setting) {
    const why = unreachable ?? { kind: 'failed' as const };

    return {
      ...base,
      state:       'unreachable',
      unreachable: why,
      problems:    [{
        severity: 'error', key: problemKey(why.kind), args: { message: why.message ?? '' }
      }]
    };
  }
  const setting = input.setting;
  const parsed = parseValue(setting.value);
  const enabled = parsed.form.enabled;
  const condition = configuredCondition(setting);
  const caughtUp = controllerCaughtUp(setting);
  const kubeVirt = kubeVirtSummary(input.kubeVirt);
  const ds = input.daemonSet?.status;
  const desired = ds?.desiredNumberScheduled;
  const rolling = !!ds && ((ds.updatedNumberScheduled ?? 0) < (desired ?? 0) || (ds.numberReady ?? 0) < (desired ?? 0));
  const nodesWithIp = enabled && input.ipPool ? Math.min(virtHandlerAllocations(input.ipPool), desired ?? Infinity) : undefined;
  const problems: FleetProblem[] = [];
  const add = (severity: FleetSeverity, name: string, args: Record<string, string | number> = {}) => problems.push({
    severity, key: problemKey(name), args
  });

  if (condition?.status === 'False') {
    add('error', 'configuredFailed', { message: condition.message ?? condition.reason ?? '' });
  }
  if (enabled && !parsed.value) {
    add('error', 'valueUnreadable');
  }
  if (kubeVirt && !kubeVirt.ready) {
    add(rolling ? 'warning' : 'error', 'kubeVirtNotReady', { reason: kubeVirt.conditions.find((c) => c.type === 'Available')?.reason ?? kubeVirt.phase ?? '' });
  }
  if (enabled && parsed.value && nodesWithIp !== undefined && desired !== undefined && nodesWithIp < desired) {
    const usable = usableOf(parsed.value);
    const exhausted = usable !== undefined && virtHandlerAllocations(input.ipPool) >= usable;

    if (exhausted) {
      add('error', 'rangeExhausted', { usable: usable ?? 0, missing: desired - nodesWithIp });
    } else {
      add(rolling ? 'info' : 'error', 'nodesWithoutIp', { missing: desired - nodesWithIp, total: desired });
    }
  }
  if (caughtUp === false) {
    add('warning', 'controllerPending');
  }
  if (rolling) {
    add('info', 'rollingOut', { updated: ds?.updatedNumberScheduled ?? 0, total: desired ?? 0 });
  }
  const unknown = Object.entries(input.unknown).filter(([, missing]) => missing).map(([what]) => what);

  if (unknown.length) {
    add('info', 'notChecked', { what: unknown.join(', ') });
  }
  problems.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  return {
    ...base,
    state:      fleetState(enabled, problems, rolling || caughtUp === false, condition?.status === 'False'),
    enabled,
    value:      parsed.value,
    configured: condition ? {
      status: condition.status, reason: condition.reason, message: condition.message
    } : undefined,
    caughtUp,
    kubeVirtReady: kubeVirt?.ready,
    nodesWithIp,
    nodesNeeding:  enabled ? desired : undefined,
    problems,
  };
}

function fleetState(enabled: boolean, problems: FleetProblem[], moving: boolean, failed: boolean): FleetState {
  if (failed) {
    return 'failed';
  }
  if (problems.some((p) => p.severity === 'error')) {
    return 'stuck';
  }
  if (moving) {
    return 'rollingOut';
  }

  return enabled ? 'healthy' : 'disabled';
}
