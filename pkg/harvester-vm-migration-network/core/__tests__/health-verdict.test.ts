import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildHealth, HEALTH_VERDICT_KEYS, healthInputFrom, healthVerdict, kubeVirtSummary, migrationNadRef, nadConfig, parseValue, rolloutSteps,
  sandboxFailures, SETTING_ID
} from '../index';
import type {
  CoreEvent, HealthSources, HealthVerdict, KubeVirt, Pod, RolloutContext, Setting, VerdictKind
} from '../index';
import {
  createKubeVirt, createNode, createPod, createPool, createSetting, NAD, VALUE
} from './k8s-factories';

const EMPTY_SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const nadOf = (raw: string) => {
  const value = parseValue(raw).value;

  return {
    id: `harvester-system/${ NAD }`, metadata: { name: NAD, namespace: 'harvester-system' }, spec: { config: value ? nadConfig(value) : '' }
  };
};
const kubeVirt = (kv: KubeVirt) => ({ ...kv, id: 'harvester-system/kubevirt' });
const podsOn = (networks?: string): Pod[] => [
  createPod('virt-handler-a', 'node-1', networks === '' ? undefined : '192.168.1.2', { networks }),
  createPod('virt-handler-b', 'node-2', networks === '' ? undefined : '192.168.1.3', { networks }),
];

/** A healthy, enabled cluster; each case changes one thing. */
function sources(overrides: Partial<HealthSources> = {}): HealthSources {
  return {
    settings:  [createSetting(VALUE)],
    nodes:     [createNode('node-1'), createNode('node-2')],
    pods:      podsOn(),
    nads:      [nadOf(VALUE)],
    kubeVirts: [kubeVirt(createKubeVirt())],
    ipPools:   [createPool('192.168.1.0/24', { 2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-b' })],
    ...overrides,
  };
}

/** The setting after the controller processed a disable: empty value, hash of "", no NAD. */
const disabledSetting = (): Setting => createSetting('', EMPTY_SHA1, '');
/** A fresh install: empty value, no annotation, no condition (the controller never touched it). */
const freshSetting = (): Setting => ({ metadata: { name: SETTING_ID }, value: '' });
const failedSetting = (): Setting => ({
  ...createSetting(VALUE),
  status: {
    conditions: [{
      type: 'configured', status: 'False', reason: 'CreateNadError', message: 'boom'
    }]
  },
});
const notReadyKubeVirt = (): KubeVirt => {
  const kv = createKubeVirt();

  kv.status = {
    ...kv.status,
    conditions: [{
      type: 'Available', status: 'False', reason: 'UpdateInProgress'
    }]
  };

  return kv;
};
const degradedKubeVirt = (): KubeVirt => {
  const kv = createKubeVirt();

  kv.status?.conditions?.push({ type: 'Progressing', status: 'True' }, {
    type: 'Degraded', status: 'True', reason: 'Crash', message: 'virt-handler down'
  });

  return kv;
};
const sandboxEvent: CoreEvent = {
  reason:         'FailedCreatePodSandBox',
  involvedObject: {
    kind: 'Pod', namespace: 'harvester-system', name: 'virt-handler-x'
  },
  message:       'plugin type="multus" failed: Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.3 / range: 192.168.1.0/30',
  lastTimestamp: '2026-03-10T09:03:00Z',
};

interface Case {
  name: string;
  src: HealthSources;
  events?: CoreEvent[];
  unknown?: RolloutContext['unknown'];
  expected: HealthVerdict | undefined;
}

const key = (k: keyof typeof HEALTH_VERDICT_KEYS) => HEALTH_VERDICT_KEYS[k].key;

/** The context the page builds for `rolloutSteps`, from the same lists. */
function context(c: Case): RolloutContext {
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

const CASES: Case[] = [
  {
    name:     'healthy: enabled and every step done',
    src:      sources(),
    expected: {
      kind:      'healthy',
      reasonKey: key('healthy'),
      args:      {
        clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', nodes: 2
      }
    },
  },
  {
    name: 'disabled: fresh install, even while KubeVirt is not ready and pods carry no network',
    src:  sources({
      settings: [freshSetting()], kubeVirts: [kubeVirt(notReadyKubeVirt())], nads: [], pods: podsOn('')
    }),
    expected: {
      kind: 'disabled', reasonKey: key('disabled'), args: {}
    },
  },
  {
    name:    'disabled: fresh install, nothing else readable',
    src:     { settings: [freshSetting()] },
    unknown: {
      kubeVirt: true, pods: true, nads: true, nodes: true
    },
    expected: {
      kind: 'disabled', reasonKey: key('disabled'), args: {}
    },
  },
  {
    name: 'disabled: the controller processed the disable and every pod dropped the network',
    src:  sources({
      settings: [disabledSetting()], kubeVirts: [kubeVirt(createKubeVirt(''))], nads: [], pods: podsOn('')
    }),
    expected: {
      kind: 'disabled', reasonKey: key('disabled'), args: {}
    },
  },
  {
    name: 'rollingOut: a disable still restarting pods',
    src:  sources({
      settings: [disabledSetting()], kubeVirts: [kubeVirt(createKubeVirt(''))], nads: []
    }),
    expected: {
      kind: 'rollingOut', reasonKey: key('rollingOutDisabling'), args: { done: 0, total: 2 }
    },
  },
  {
    name:     'rollingOut: a disable the controller has not processed yet',
    src:      sources({ settings: [createSetting('', '8c1ea792c2687e9c20718d6a2505514fb53e7d91')] }),
    expected: {
      kind: 'rollingOut', reasonKey: key('rollingOutController'), args: {}
    },
  },
  {
    name:     'rollingOut: the controller has not processed the new value',
    src:      sources({ settings: [createSetting(VALUE, 'old')] }),
    expected: {
      kind: 'rollingOut', reasonKey: key('rollingOutController'), args: {}
    },
  },
  {
    name:     'rollingOut: KubeVirt still on another migration network',
    src:      sources({ kubeVirts: [kubeVirt(createKubeVirt(''))] }),
    expected: {
      kind: 'rollingOut', reasonKey: key('rollingOutKubeVirt'), args: {}
    },
  },
  {
    name:     'rollingOut: KubeVirt deploying',
    src:      sources({ kubeVirts: [kubeVirt(createKubeVirt(NAD, false))] }),
    expected: {
      kind: 'rollingOut', reasonKey: key('rollingOutKubeVirt'), args: {}
    },
  },
  {
    name:     'rollingOut: one pod of two restarted with the network',
    src:      sources({ pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })] }),
    expected: {
      kind: 'rollingOut', reasonKey: key('rollingOutPods'), args: { done: 1, total: 2 }
    },
  },
  {
    name:     'rollingOut: pods done, KubeVirt not AllComponentsReady yet',
    src:      sources({ kubeVirts: [kubeVirt(notReadyKubeVirt())] }),
    expected: {
      kind: 'rollingOut', reasonKey: key('rollingOutReady'), args: {}
    },
  },
  {
    name:     'stuck: Whereabouts has no address for a new pod',
    src:      sources({ pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-x', 'node-2', undefined, { phase: 'Pending', ready: false })] }),
    events:   [sandboxEvent],
    expected: {
      kind:      'stuck',
      reasonKey: key('stuckSandbox'),
      args:      {
        pod: 'virt-handler-x', node: 'node-2', message: 'Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.3 / range: 192.168.1.0/30'
      }
    },
  },
  {
    name:     'stuck: a pod keeps crashing',
    src:      sources({ pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.3', { ready: false, restarts: 5 })] }),
    expected: {
      kind:      'stuck',
      reasonKey: key('stuckPodCrashing'),
      args:      {
        pod: 'virt-handler-b', node: 'node-2', restarts: 5
      }
    },
  },
  {
    name:     'stuck: KubeVirt degraded while rolling out',
    src:      sources({ kubeVirts: [kubeVirt(degradedKubeVirt())] }),
    expected: {
      kind: 'stuck', reasonKey: key('stuckDegraded'), args: { reason: 'Crash', message: 'virt-handler down' }
    },
  },
  {
    name:     'stuck: the controller caught up but the NAD does not exist',
    src:      sources({ nads: [] }),
    expected: {
      kind: 'stuck', reasonKey: key('stuckNadMissing'), args: {}
    },
  },
  {
    name:     'stuck: the NAD does not implement the value',
    src:      sources({ nads: [nadOf(VALUE.replace('100', '200'))] }),
    expected: {
      kind: 'stuck', reasonKey: key('stuckNadMismatch'), args: {}
    },
  },
  {
    name:     'stuck: every pod on the new config, one holds an excluded address',
    src:      sources({ pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.1')] }),
    expected: {
      kind: 'stuck', reasonKey: key('stuckNodes'), args: { count: 1, nodes: 'node-2' }
    },
  },
  {
    name:     'failed: configured False for the current value',
    src:      sources({ settings: [failedSetting()] }),
    expected: {
      kind: 'failed', reasonKey: key('failed'), args: { reason: 'CreateNadError', message: 'boom' }
    },
  },
  {
    name:     'none: the setting could not be read',
    src:      sources({ settings: undefined }),
    unknown:  { setting: true },
    expected: undefined,
  },
  {
    name:     'none: enabled, but KubeVirt and pods could not be read',
    src:      sources({ kubeVirts: undefined, pods: undefined }),
    unknown:  { kubeVirt: true, pods: true },
    expected: undefined,
  },
  {
    name:     'none: NADs could not be read (not stuck on a missing NAD)',
    src:      sources({ nads: undefined }),
    unknown:  { nads: true },
    expected: undefined,
  },
  {
    name:    'failed: known from the setting alone',
    src:     { settings: [failedSetting()] },
    unknown: {
      kubeVirt: true, pods: true, nads: true, nodes: true
    },
    expected: {
      kind: 'failed', reasonKey: key('failed'), args: { reason: 'CreateNadError', message: 'boom' }
    },
  },
];

describe('healthVerdict', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const ctx = context(c);

    expect(healthVerdict(ctx)).toStrictEqual(c.expected);
    // The page passes the steps it already shows; the verdict is the same.
    expect(healthVerdict(ctx, rolloutSteps(ctx))).toStrictEqual(c.expected);
  });

  it('covers every kind', () => {
    const kinds = new Set(CASES.map((c) => c.expected?.kind));

    expect([...kinds].filter((k): k is VerdictKind => !!k).sort()).toStrictEqual(['disabled', 'failed', 'healthy', 'rollingOut', 'stuck']);
  });

  it('names at most three nodes', () => {
    const nodes = ['n1', 'n2', 'n3', 'n4'];
    const src = sources({
      nodes: nodes.map((n) => createNode(n)),
      pods:  nodes.map((n) => createPod(`virt-handler-${ n }`, n, '192.168.1.1')),
    });

    expect(healthVerdict(context({
      name: '', src, expected: undefined
    }))?.args).toStrictEqual({ count: 4, nodes: 'n1, n2, n3, …' });
  });

  it('never says the controller applied anything when disabled', () => {
    const en = parse(readFileSync(resolve(__dirname, '..', '..', 'l10n', 'en-us.yaml'), 'utf8')).vmMigrationNetwork.health.verdict;

    expect(en.disabled).not.toMatch(/appl|caught up/i);
  });
});
