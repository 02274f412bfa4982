/**
 * One row of the fleet overview: the migration network of one Harvester cluster, from a handful of objects (the
 * Setting, Harvester's `server-version` setting, the KubeVirt CR, the virt-handler DaemonSet, the virt-handler pods
 * and the range's Whereabouts IPPool), never the cluster's other pods, its nodes or its events. Its state is the
 * health page's verdict (`healthVerdict`) over the same facts, so a cluster reads the same word everywhere.
 */
import { parseValue } from './parse';
import { configuredCondition, controllerCaughtUp } from './setting-state';
import { kubeVirtSummary } from './health/summary';
import { buildHealth } from './health/report';
import { healthVerdict, HealthVerdict } from './health/verdict';
import { migrationNadRef } from './health/inputs';
import { nadConfig } from './nad-config';
import { kubeVirtProgress } from './kubevirt-progress';
import { smallestFittingRange } from './health/capacity';
import {
  DaemonSet, IPPool, KubeVirt, NetworkAttachmentDefinition, Node, Pod, Setting
} from './k8s-types';
import { MigrationNetworkValue } from './types';
import { L10N_ROOT } from './constants';

/** Why a cluster's objects could not be read: its agent is gone, the user may not read, or it did not answer. */
export type Unreachable = 'disconnected' | 'forbidden' | 'failed' | 'notHarvester';

export interface FleetClusterInputs {
  id: string;
  name: string;
  /** Rancher can reach the cluster (`core/rancher-cluster.ts`). */
  connected: boolean;
  unreachable?: { kind: Unreachable; message?: string };
  setting?: Setting;
  /** Value of Harvester's `server-version` setting. */
  version?: string;
  kubeVirt?: KubeVirt;
  daemonSet?: DaemonSet;
  /** The virt-handler pods (namespace harvester-system, label kubevirt.io=virt-handler). */
  pods?: Pod[];
  ipPool?: IPPool;
  /** Objects the user may not read or that are missing: their checks are not run. */
  unknown: { kubeVirt?: boolean; daemonSet?: boolean; pods?: boolean; ipPool?: boolean };
  /** Epoch ms (default: the clock). */
  now?: number;
}

export type FleetState = 'unreachable' | 'disabled' | 'healthy' | 'rollingOut' | 'stuck' | 'failed';
export type FleetSeverity = 'error' | 'warning' | 'info';

export interface FleetProblem {
  severity: FleetSeverity;
  /** l10n key under `vmMigrationNetwork.fleet.problem`. */
  key: string;
  args: Record<string, string | number>;
  /** The editor's field that fixes it, for a link that lands there. */
  fixField?: 'range';
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
  /** The health page's verdict over the row's objects (undefined when a list it rests on could not be read). */
  verdict?: HealthVerdict;
  /** Worst first. */
  problems: FleetProblem[];
}

const SEVERITY_ORDER: Record<FleetSeverity, number> = {
  error: 0, warning: 1, info: 2
};
const problemKey = (name: string) => `${ L10N_ROOT }.fleet.problem.${ name }`;

/** `<namespace>/<name>` of the Whereabouts IPPool for a range: Harvester's NAD names no network, so it is the range with `/` as `-`. */
export function ipPoolId(range: string): string {
  return `kube-system/${ range.replace('/', '-') }`;
}

/**
 * The health page's verdict over what a row reads. Nodes are those the virt-handler pods run on (the DaemonSet's
 * counts stand for nodes without their pod), and the NAD is the one the controller writes for the value once it says
 * `configured` True for it (Harvester's controller creates the NAD before it sets the condition); events are not
 * read, so a pod that cannot start is found by its IPPool being full rather than by its event.
 */
function verdictOf(input: FleetClusterInputs, setting: Setting, value: MigrationNetworkValue | undefined) {
  const pods = input.pods ?? [];
  const nodes: Node[] = [...new Set(pods.map((p) => p.spec?.nodeName ?? ''))].filter(Boolean).map((name) => ({ metadata: { name } }));
  const nadRef = migrationNadRef(setting, input.kubeVirt);
  const applied = configuredCondition(setting)?.status === 'True' && controllerCaughtUp(setting) === true;
  const [namespace, name] = nadRef?.split('/') ?? [];
  const nad: NetworkAttachmentDefinition | undefined = value && applied && nadRef ? {
    id: nadRef, metadata: { name, namespace }, spec: { config: nadConfig(value) }
  } : undefined;
  const report = buildHealth({
    setting, kubeVirt: input.kubeVirt, daemonSet: input.daemonSet, pods, nodes, nad, ipPools: input.ipPool ? [input.ipPool] : undefined
  });
  const verdict = healthVerdict({
    report,
    kubeVirt: kubeVirtSummary(input.kubeVirt),
    nadName:  report.enabled ? name : undefined,
    failures: [],
    unknown:  {
      kubeVirt: input.unknown.kubeVirt || !input.kubeVirt, pods: input.unknown.pods, nodes: input.unknown.pods
    },
    now: input.now,
  });

  return { report, verdict };
}

/** The row's state: the verdict's kind; without a verdict (a list that could not be read), what the objects say. */
function stateOf(verdict: HealthVerdict | undefined, enabled: boolean, problems: FleetProblem[], moving: boolean): FleetState {
  if (verdict) {
    return verdict.kind;
  }
  if (problems.some((p) => p.severity === 'error')) {
    return 'stuck';
  }

  return moving ? 'rollingOut' : enabled ? 'healthy' : 'disabled';
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
  const { report, verdict } = verdictOf(input, setting, parsed.value);
  // Live virt-handler pods holding an address in the range: allocations left by deleted pods never count as nodes.
  const withIp = report.rows.filter((r) => r.pod && r.migrationIp && !r.flags.includes('ipOutsideRange')).length;
  const nodesWithIp = enabled && !input.unknown.pods ? withIp : undefined;
  const problems: FleetProblem[] = [];
  const add = (severity: FleetSeverity, name: string, args: Record<string, string | number> = {}, fixField?: FleetProblem['fixField']) => problems.push({
    severity, key: problemKey(name), args, ...(fixField ? { fixField } : {})
  });

  if (condition?.status === 'False') {
    add('error', 'configuredFailed', { message: condition.message ?? condition.reason ?? '' });
  }
  if (enabled && !parsed.value) {
    add('error', 'valueUnreadable');
  }
  const progress = kubeVirt ? kubeVirtProgress(kubeVirt, !rolling, input.now ?? Date.now()) : undefined;

  if (progress?.state === 'stuck') {
    add('error', 'kubeVirtNotReady', { reason: progress.reason || progress.message });
  } else if (progress?.state === 'updating') {
    add('info', 'kubeVirtUpdating');
  }
  const needing = desired ?? report.rows.filter((r) => r.expected).length;

  if (enabled && parsed.value && nodesWithIp !== undefined && nodesWithIp < needing) {
    const full = report.rollout.rangeFull;

    if (full) {
      const fits = smallestFittingRange(parsed.value, needing);

      // What to do, with the numbers: the range that would hold every node, when widening can fix it.
      add('error', fits ? 'rangeExhaustedWiden' : 'rangeExhausted', {
        usable: full.usable, missing: needing - nodesWithIp, ...(fits ? { fits } : {})
      }, 'range');
    } else {
      add(verdict?.kind === 'stuck' ? 'error' : 'info', 'nodesWithoutIp', { missing: needing - nodesWithIp, total: needing });
    }
  }
  if (enabled && report.leaks.length) {
    add('warning', 'leakedAllocations', { count: report.leaks.length });
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
    state:      stateOf(verdict, enabled, problems, rolling || caughtUp === false || progress?.state === 'updating'),
    verdict,
    enabled,
    value:      parsed.value,
    configured: condition ? {
      status: condition.status, reason: condition.reason, message: condition.message
    } : undefined,
    caughtUp,
    kubeVirtReady: kubeVirt?.ready,
    nodesWithIp,
    nodesNeeding:  enabled ? needing : undefined,
    problems,
  };
}
