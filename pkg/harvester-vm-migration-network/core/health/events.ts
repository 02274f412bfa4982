/**
 * Event parsing for the health page: the `FailedCreatePodSandBox` events that say why a virt-handler pod cannot
 * start (most often Whereabouts having no address left), reduced to one failure per current pod.
 */
import { HARVESTER_SYSTEM_NAMESPACE } from '../constants';
import { CoreEvent, Pod } from '../k8s-types';

export interface SandboxFailure {
  pod: string;
  node?: string;
  /** From `Could not allocate IP in range` on when Whereabouts says so, else the whole event message. */
  message: string;
  time?: string;
  count: number;
}

/** kubelet's reason for a pod whose sandbox (and so its network) could not be set up. */
export const SANDBOX_FAILURE_REASON = 'FailedCreatePodSandBox';

/** What Whereabouts' IPAM error starts with; the CNI chain's prefix before it only repeats the pod's name. */
const WHEREABOUTS_TEXT = 'Could not allocate IP in range';

/**
 * `FailedCreatePodSandBox` events on current virt-handler pods (the newest per pod, newest first): why a pod
 * cannot start, e.g. Whereabouts has no address left. Events of pods that no longer exist, or that now run,
 * are ignored: events outlive the problem (the apiserver keeps them for an hour by default).
 */
export function sandboxFailures(events: CoreEvent[], pods: Pod[]): SandboxFailure[] {
  const nodeOf = new Map(pods.filter((p) => !p.metadata?.deletionTimestamp && p.status?.phase !== 'Running')
    .map((p) => [p.metadata?.name ?? '', p.spec?.nodeName]));
  const byPod = new Map<string, SandboxFailure>();

  for (const ev of events) {
    const obj = ev.involvedObject;
    const pod = obj?.name ?? '';

    if (ev.reason !== SANDBOX_FAILURE_REASON || obj?.kind !== 'Pod' || obj.namespace !== HARVESTER_SYSTEM_NAMESPACE || !nodeOf.has(pod)) {
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
