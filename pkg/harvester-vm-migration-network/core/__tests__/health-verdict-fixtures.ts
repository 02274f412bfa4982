/** Factories for the health verdict cases: a healthy, enabled cluster and the ways its parts go wrong. */
import {
  buildHealth, HEALTH_VERDICT_KEYS, healthInputFrom, kubeVirtSummary, migrationNadRef, parseValue, sandboxFailures, SETTING_ID
} from '../index';
import type {
  CoreEvent, HealthSources, HealthVerdict, KubeVirt, Pod, RolloutContext, Setting
} from '../index';
import {
  createKubeVirt, createNode, createPod, createPool, createSetting, NAD, NAD_CONFIG, VALUE
} from './k8s-factories';

const EMPTY_SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';

/** The migration NAD with this config (as Harvester's controller writes it: see NAD_CONFIG). */
export const nadOf = (config: string) => ({
  id: `harvester-system/${ NAD }`, metadata: { name: NAD, namespace: 'harvester-system' }, spec: { config }
});
export const kubeVirt = (kv: KubeVirt) => ({ ...kv, id: 'harvester-system/kubevirt' });
export const podsOn = (networks?: string): Pod[] => [
  createPod('virt-handler-a', 'node-1', networks === '' ? undefined : '192.168.1.2', { networks }),
  createPod('virt-handler-b', 'node-2', networks === '' ? undefined : '192.168.1.3', { networks }),
];

/** A healthy, enabled cluster; each case changes one thing. */
export function sources(overrides: Partial<HealthSources> = {}): HealthSources {
  return {
    settings:  [createSetting(VALUE)],
    nodes:     [createNode('node-1'), createNode('node-2')],
    pods:      podsOn(),
    nads:      [nadOf(NAD_CONFIG)],
    kubeVirts: [kubeVirt(createKubeVirt())],
    ipPools:   [createPool('192.168.1.0/24', { 2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-b' })],
    ...overrides,
  };
}

/** The setting after the controller processed a disable: empty value, hash of "", no NAD. */
export const disabledSetting = (): Setting => createSetting('', EMPTY_SHA1, '');
/** A fresh install: empty value, no annotation, no condition (the controller never touched it). */
export const freshSetting = (): Setting => ({ metadata: { name: SETTING_ID }, value: '' });
export const failedSetting = (): Setting => ({
  ...createSetting(VALUE),
  status: {
    conditions: [{
      type: 'configured', status: 'False', reason: 'CreateNadError', message: 'boom'
    }]
  },
});
export const notReadyKubeVirt = (): KubeVirt => {
  const kv = createKubeVirt();

  kv.status = {
    ...kv.status,
    conditions: [{
      type: 'Available', status: 'False', reason: 'UpdateInProgress'
    }]
  };

  return kv;
};
export const degradedKubeVirt = (): KubeVirt => {
  const kv = createKubeVirt();

  kv.status?.conditions?.push({ type: 'Progressing', status: 'True' }, {
    type: 'Degraded', status: 'True', reason: 'Crash', message: 'virt-handler down'
  });

  return kv;
};
export const sandboxEvent: CoreEvent = {
  reason:         'FailedCreatePodSandBox',
  involvedObject: {
    kind: 'Pod', namespace: 'harvester-system', name: 'virt-handler-x'
  },
  message:       'plugin type="multus" failed: Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.3 / range: 192.168.1.0/30',
  lastTimestamp: '2026-03-10T09:03:00Z',
};

export interface Case {
  name: string;
  src: HealthSources;
  events?: CoreEvent[];
  unknown?: RolloutContext['unknown'];
  expected: HealthVerdict | undefined;
}

export const key = (k: keyof typeof HEALTH_VERDICT_KEYS) => HEALTH_VERDICT_KEYS[k].key;

/** The context the page builds for `rolloutSteps`, from the same lists. */
export function context(c: Case): RolloutContext {
  const setting = c.src.settings?.[0];
  const input = healthInputFrom(c.src, parseValue(setting?.value).value);
  const report = buildHealth(input);

  return {
    report,
    kubeVirt: kubeVirtSummary(input.kubeVirt),
    nadName:  report.enabled ? migrationNadRef(input.setting, input.kubeVirt)?.split('/').pop() : undefined,
    failures: sandboxFailures(c.events ?? [], input.pods),
    unknown:  c.unknown ?? {},
  };
}
