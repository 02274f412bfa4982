import { randomBytes } from 'node:crypto';
import { K8sObject, Obj } from '../types';
import {
  HARVESTER_SYSTEM, INSTALL_STRATEGY_ID, NETWORK_STATUS_ANNOTATION, NETWORKS_ANNOTATION, rfc3339, TEMPLATE_GENERATION
} from './constants';
import { randomSuffix } from '../store';

/** Multus' `k8s.v1.cni.cncf.io/network-status` element (network-attachment-definition-client NetworkStatus). */
export interface NetworkStatus {
  name: string;
  interface?: string;
  ips?: string[];
  mac?: string;
  default?: boolean;
  dns: Obj;
}

/** Multus writes each element with Go's MarshalIndent (4 spaces), joined as `[{…},{…}]`. */
export function formatNetworkStatus(entries: NetworkStatus[]): string {
  return `[${ entries.map((e) => JSON.stringify(e, null, 4)).join(',') }]`;
}

export function parseNetworkStatus(pod: K8sObject): NetworkStatus[] {
  try {
    return JSON.parse(pod.metadata.annotations?.[NETWORK_STATUS_ANNOTATION] ?? '[]') as NetworkStatus[];
  } catch {
    return [];
  }
}

/** A locally administered unicast MAC, as the bridge CNI's veth gets. */
export function randomMac(): string {
  const bytes = randomBytes(6);

  bytes[0] = (bytes[0] & 0xfe) | 0x02;

  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * A new virt-handler pod from the DaemonSet template (the shape of a real one), just scheduled:
 * Pending with its sandbox not yet created.
 */
export function newVirtHandlerPod(ds: K8sObject, nodeName: string, hostIP: string, now: Date): K8sObject {
  const template = ((ds.spec as Obj).template ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Obj };
  const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION] ?? String(ds.metadata.generation ?? 1);
  const annotations = { ...template.metadata?.annotations };
  const spec = structuredClone(template.spec ?? {});

  delete spec.tolerations;

  return {
    apiVersion: 'v1',
    kind:       'Pod',
    metadata:   {
      name:              `virt-handler-${ randomSuffix() }`,
      generateName:      'virt-handler-',
      namespace:         HARVESTER_SYSTEM,
      creationTimestamp: rfc3339(now),
      labels:            {
        ...template.metadata?.labels, 'controller-revision-hash': hex(5).slice(0, 9), 'pod-template-generation': generation
      },
      annotations,
      ownerReferences: [{
        apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true
      }],
    },
    spec:   { nodeName, ...spec },
    status: pendingStatus(hostIP, now),
  };
}

function pendingStatus(hostIP: string, now: Date): Obj {
  const ts = rfc3339(now);
  const image = 'registry.suse.com/suse/sles/16.0';

  return {
    phase:      'Pending',
    hostIP,
    hostIPs:    [{ ip: hostIP }],
    startTime:  ts,
    qosClass:   'Burstable',
    conditions: [
      {
        type: 'PodReadyToStartContainers', status: 'False', lastTransitionTime: ts
      },
      {
        type: 'Initialized', status: 'False', lastTransitionTime: ts, reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [virt-launcher]'
      },
      {
        type: 'Ready', status: 'False', lastTransitionTime: ts, reason: 'ContainersNotReady', message: 'containers with unready status: [virt-handler]'
      },
      {
        type: 'ContainersReady', status: 'False', lastTransitionTime: ts, reason: 'ContainersNotReady', message: 'containers with unready status: [virt-handler]'
      },
      {
        type: 'PodScheduled', status: 'True', lastTransitionTime: ts
      },
    ],
    initContainerStatuses: [{
      name: 'virt-launcher', ready: false, restartCount: 0, image: `${ image }/virt-launcher:1.8.4-5.2`, state: { waiting: { reason: 'PodInitializing' } }
    }],
    containerStatuses: [{
      name: 'virt-handler', ready: false, started: false, restartCount: 0, image: `${ image }/virt-handler:1.8.4-5.2`, state: { waiting: { reason: 'PodInitializing' } }
    }],
  };
}

function setCondition(status: Obj, type: string, value: string, ts: string): void {
  const conditions = status.conditions as Obj[];
  const cond = conditions.find((c) => c.type === type) as Obj;

  if (cond.status !== value) {
    cond.lastTransitionTime = ts;
  }
  cond.status = value;
  delete cond.reason;
  delete cond.message;
}

/** Sandbox created: pod IP and network-status set, init container done, virt-handler started but not ready. */
export function markStarted(pod: K8sObject, podIP: string, networkStatus: NetworkStatus[], now: Date): void {
  const ts = rfc3339(now);
  const status = pod.status as Obj;

  pod.metadata.annotations = { ...pod.metadata.annotations, [NETWORK_STATUS_ANNOTATION]: formatNetworkStatus(networkStatus) };
  Object.assign(status, {
    phase: 'Running', podIP, podIPs: [{ ip: podIP }]
  });
  setCondition(status, 'PodReadyToStartContainers', 'True', ts);
  setCondition(status, 'Initialized', 'True', ts);
  (status.initContainerStatuses as Obj[])[0] = {
    ...(status.initContainerStatuses as Obj[])[0],
    ready: true,
    state: {
      terminated: {
        exitCode: 0, reason: 'Completed', startedAt: ts, finishedAt: ts
      }
    }
  };
  (status.containerStatuses as Obj[])[0] = {
    ...(status.containerStatuses as Obj[])[0], started: true, state: { running: { startedAt: ts } }
  };
}

/** Readiness probe passed. */
export function markReady(pod: K8sObject, now: Date): void {
  const ts = rfc3339(now);
  const status = pod.status as Obj;

  setCondition(status, 'Ready', 'True', ts);
  setCondition(status, 'ContainersReady', 'True', ts);
  (status.containerStatuses as Obj[])[0].ready = true;
}

export const isPodReady = (pod: K8sObject) => ((pod.status as { conditions?: Obj[] } | undefined)?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/** `<nad>@migration0` from the pod's networks annotation. */
export function requestedNetwork(pod: K8sObject): { nad: string; iface: string } | undefined {
  const value = pod.metadata.annotations?.[NETWORKS_ANNOTATION];
  const match = value ? /^([^@]+)@(.+)$/.exec(value) : null;

  return match ? { nad: match[1], iface: match[2] } : undefined;
}

export const strategyOf = (obj: { metadata?: { annotations?: Record<string, string> } } | undefined) => obj?.metadata?.annotations?.[INSTALL_STRATEGY_ID];
