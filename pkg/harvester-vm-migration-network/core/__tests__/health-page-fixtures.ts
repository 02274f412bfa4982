/** The lists the health page reads, for a healthy enabled cluster, and the context it builds for the rollout. */
import {
  buildHealth, healthInputFrom, kubeVirtSummary, parseValue, sandboxFailures
} from '../index';
import type { CoreEvent, HealthSources, RolloutContext } from '../index';
import {
  createKubeVirt, createNode, createPod, createPool, createSetting, NAD, NAD_CONFIG, VALUE
} from './k8s-factories';

export const value = parseValue(VALUE).value;

export function sources(overrides: Partial<HealthSources> = {}): HealthSources {
  return {
    settings: [createSetting(VALUE)],
    nodes:    [createNode('node-1'), createNode('node-2')],
    pods:     [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.3'), { metadata: { name: 'other', namespace: 'default' } }],
    nads:     [{
      id: `harvester-system/${ NAD }`, metadata: { name: NAD, namespace: 'harvester-system' }, spec: { config: NAD_CONFIG }
    }],
    kubeVirts: [{ ...createKubeVirt(), id: 'harvester-system/kubevirt' }],
    ipPools:   [createPool('192.168.1.0/24', { 2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-b' }), createPool('10.0.0.0/24', { 2: 'longhorn-system/x' })],
    ...overrides,
  };
}

export function sandboxEvent(pod: string, time: string, message = 'failed: Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.3 / range: 192.168.1.0/30'): CoreEvent {
  return {
    reason:         'FailedCreatePodSandBox',
    involvedObject: {
      kind: 'Pod', namespace: 'harvester-system', name: pod
    },
    message,
    lastTimestamp: time,
    count:         3
  };
}

export function context(src: HealthSources, failures = sandboxFailures([], [])): RolloutContext {
  const input = healthInputFrom(src, value);
  const report = buildHealth(input);

  return {
    report, kubeVirt: kubeVirtSummary(input.kubeVirt), nadName: report.enabled ? NAD : undefined, failures, unknown: {}
  };
}
