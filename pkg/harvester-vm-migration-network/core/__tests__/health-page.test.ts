import { describe, expect, it } from 'vitest';
import {
  buildHealth, capacityView, findNadMisuse, healthInputFrom, kubeVirtSummary, migrationNadRef, nadConfig, nadView, networkShare,
  parseValue, problemRows, rolloutSteps, runningMigrations, sandboxFailures, socketStale
} from '../index';
import type { CoreEvent, HealthSources, RolloutContext } from '../index';
import {
  createKubeVirt, createNode, createPod, createPool, createSetting, createVmim, NAD, VALUE
} from './k8s-factories';

const value = parseValue(VALUE).value;

function sources(overrides: Partial<HealthSources> = {}): HealthSources {
  return {
    settings: [createSetting(VALUE)],
    nodes:    [createNode('node-1'), createNode('node-2')],
    pods:     [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.3'), { metadata: { name: 'other', namespace: 'default' } }],
    nads:     [{
      id: `harvester-system/${ NAD }`, metadata: { name: NAD, namespace: 'harvester-system' }, spec: { config: value ? nadConfig(value) : '' }
    }],
    kubeVirts: [{ ...createKubeVirt(), id: 'harvester-system/kubevirt' }],
    ipPools:   [createPool('192.168.1.0/24', { 2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-b' }), createPool('10.0.0.0/24', { 2: 'longhorn-system/x' })],
    ...overrides,
  };
}

function sandboxEvent(pod: string, time: string, message = 'failed: Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.3 / range: 192.168.1.0/30'): CoreEvent {
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

function context(src: HealthSources, failures = sandboxFailures([], [])): RolloutContext {
  const input = healthInputFrom(src, value);
  const report = buildHealth(input);

  return {
    report, kubeVirt: kubeVirtSummary(input.kubeVirt), nadName: report.enabled ? NAD : undefined, failures, unknown: {}
  };
}

describe('healthInputFrom', () => {
  it('keeps virt-handler pods, the migration NAD, KubeVirt and only the pool of the range', () => {
    const input = healthInputFrom(sources(), value);

    expect(input.setting?.metadata?.name).toBe('vm-migration-network');
    expect(input.pods.map((p) => p.metadata?.name)).toStrictEqual(['virt-handler-a', 'virt-handler-b']);
    expect(input.nad?.metadata?.name).toBe(NAD);
    expect(input.kubeVirt).toBeDefined();
    expect(input.ipPools?.map((p) => p.metadata?.name)).toStrictEqual(['192.168.1.0-24']);
    expect(buildHealth(input).leaks).toStrictEqual([]);
  });

  it('leaves out what is unknown', () => {
    const input = healthInputFrom({}, undefined);

    expect(input.nodes).toStrictEqual([]);
    expect(input.ipPools).toBeUndefined();
  });
});

describe('migrationNadRef', () => {
  it.each([
    [createSetting(VALUE), undefined, `harvester-system/${ NAD }`],
    [createSetting('', undefined, ''), createKubeVirt(), `harvester-system/${ NAD }`],
    [createSetting('', undefined, ''), createKubeVirt(''), undefined],
  ])('%#', (setting, kv, expected) => {
    expect(migrationNadRef(setting, kv)).toBe(expected);
  });
});

describe('summary', () => {
  it('reads KubeVirt conditions and readiness as the migrate action does', () => {
    const kv = createKubeVirt(NAD, false);

    kv.status?.conditions?.push({ type: 'Degraded', status: 'False' }, {
      type: 'Progressing', status: 'True', lastTransitionTime: 't1'
    });
    expect(kubeVirtSummary(kv)).toStrictEqual({
      network:    NAD,
      phase:      'Deploying',
      ready:      false,
      conditions: [
        {
          type: 'Available', status: 'True', reason: 'UpdateInProgress', message: undefined, time: undefined
        },
        {
          type: 'Progressing', status: 'True', reason: undefined, message: undefined, time: 't1'
        },
        {
          type: 'Degraded', status: 'False', reason: undefined, message: undefined, time: undefined
        },
      ],
    });
    expect(kubeVirtSummary(createKubeVirt())?.ready).toBe(true);
    expect(kubeVirtSummary(undefined)).toBeUndefined();
  });

  it('reads the NAD config', () => {
    const view = nadView(sources().nads?.[0], true);

    expect(view).toMatchObject({
      bridge: 'vm-migration-br', vlan: 100, range: '192.168.1.0/24', exclude: ['192.168.1.1/32'], matches: true
    });
  });
});

describe('sandboxFailures', () => {
  it('keeps the newest FailedCreatePodSandBox per pending virt-handler pod with the whereabouts text', () => {
    const pods = [createPod('virt-handler-x', 'node-7', undefined, { phase: 'Pending', ready: false }), createPod('virt-handler-a', 'node-1', '192.168.1.2')];
    const failures = sandboxFailures([
      sandboxEvent('virt-handler-x', '2026-03-10T09:02:00Z', 'old'),
      sandboxEvent('virt-handler-x', '2026-03-10T09:03:00Z'),
      sandboxEvent('virt-handler-a', '2026-03-10T09:04:00Z'),
      sandboxEvent('virt-handler-gone', '2026-03-10T09:04:00Z'),
      { ...sandboxEvent('virt-handler-x', '2026-03-10T09:05:00Z'), reason: 'Scheduled' },
    ], pods);

    expect(failures).toStrictEqual([{
      pod: 'virt-handler-x', node: 'node-7', message: 'Could not allocate IP in range: ip: 192.168.1.2 / - 192.168.1.3 / range: 192.168.1.0/30', time: '2026-03-10T09:03:00Z', count: 3
    }]);
  });
});

describe('rolloutSteps', () => {
  it('is all done when healthy', () => {
    expect(rolloutSteps(context(sources())).map((s) => s.state)).toStrictEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('waits for the controller, later steps pending', () => {
    const steps = rolloutSteps(context(sources({ settings: [createSetting(VALUE, 'old')] })));

    expect(steps.map((s) => s.state)).toStrictEqual(['inProgress', 'pending', 'pending', 'pending', 'pending']);
    expect(steps[0].reason?.key).toBe('controllerPending');
  });

  it('reports a failed configured condition', () => {
    const setting = createSetting(VALUE);

    setting.status = {
      conditions: [{
        type: 'configured', status: 'False', reason: 'CreateNadError', message: 'boom'
      }]
    };
    expect(rolloutSteps(context(sources({ settings: [setting] })))[0]).toMatchObject({ state: 'blocked', reason: { key: 'configuredFailed', args: { reason: 'CreateNadError', message: 'boom' } } });
  });

  it('shows KubeVirt rolling out and pods n of N', () => {
    const src = sources({
      kubeVirts: [{ ...createKubeVirt(NAD, false), id: 'harvester-system/kubevirt' }],
      pods:      [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })],
    });
    const steps = rolloutSteps(context(src));

    expect(steps.map((s) => s.state)).toStrictEqual(['done', 'done', 'inProgress', 'inProgress', 'inProgress']);
    expect(steps[3]).toMatchObject({ done: 1, total: 2 });
  });

  it('is blocked with the sandbox failure', () => {
    const pods = [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-x', 'node-2', undefined, { phase: 'Pending', ready: false })];
    const src = sources({ pods });
    const steps = rolloutSteps(context(src, sandboxFailures([sandboxEvent('virt-handler-x', 't')], pods)));

    expect(steps[3]).toMatchObject({ state: 'blocked', reason: { key: 'sandbox', args: { pod: 'virt-handler-x', node: 'node-2' } } });
  });

  it('says when KubeVirt still uses another network', () => {
    const steps = rolloutSteps(context(sources({ kubeVirts: [{ ...createKubeVirt(''), id: 'harvester-system/kubevirt' }] })));

    expect(steps[2]).toMatchObject({ state: 'inProgress', reason: { key: 'kubeVirtNetwork' } });
  });
});

describe('capacity, migrations, misuse', () => {
  it('counts usable, allocated, free and headroom', () => {
    const report = buildHealth(healthInputFrom(sources(), value));

    // /24 minus network, broadcast and the excluded .1
    expect(capacityView(report, sources().ipPools)).toStrictEqual({
      usable: 253, allocated: 2, free: 251, nodes: 2, headroom: 251
    });
    expect(capacityView(report, undefined)?.allocated).toBeUndefined();
    expect(capacityView(buildHealth({ nodes: [], pods: [] }), [])).toBeUndefined();
  });

  it('lists running migrations and the network share', () => {
    const running = runningMigrations([
      createVmim('vm-b-abcde', 'Running', { sourceNode: 'node-1', targetNode: 'node-2' }),
      createVmim('vm-a-abcde', 'Succeeded'),
      createVmim('vm-c-abcde', '', undefined),
    ]);

    expect(running).toStrictEqual([
      {
        id: 'default/vm-b-abcde', vm: 'default/vm-b', sourceNode: 'node-1', targetNode: 'node-2', phase: 'Running'
      },
      {
        id: 'default/vm-c-abcde', vm: 'default/vm-c', sourceNode: undefined, targetNode: undefined, phase: 'Pending'
      },
    ]);
    expect(networkShare([
      {
        vmi: 'a', completed: true, failed: false, usedNetwork: true
      },
      {
        vmi: 'b', completed: true, failed: false, usedNetwork: false
      },
      {
        vmi: 'c', completed: true, failed: false, usedNetwork: true
      },
      {
        vmi: 'd', completed: true, failed: false
      },
    ])).toStrictEqual({
      known: 3, viaNetwork: 2, percent: 67
    });
    expect(networkShare([]).percent).toBeUndefined();
  });

  it('finds VM NICs on a migration NAD', () => {
    const vm = (ns: string, name: string, networkName: string) => ({ metadata: { name, namespace: ns }, spec: { template: { spec: { networks: [{ name: 'default', pod: {} }, { name: 'nic-1', multus: { networkName } }] } } } });
    const marked = {
      metadata: {
        name: 'vm-migration-network-old', namespace: 'harvester-system', annotations: { 'vm-migration-network.settings.harvesterhci.io': 'true' }
      }
    };

    expect(findNadMisuse([
      vm('default', 'ok', 'default/vlan100'),
      vm('default', 'bad', `harvester-system/${ NAD }`),
      vm('harvester-system', 'short', NAD),
      vm('default', 'old', 'harvester-system/vm-migration-network-old'),
    ], [marked], `harvester-system/${ NAD }`)).toStrictEqual([
      {
        vm: 'default/bad', nic: 'nic-1', nad: `harvester-system/${ NAD }`
      },
      {
        vm: 'harvester-system/short', nic: 'nic-1', nad: `harvester-system/${ NAD }`
      },
      {
        vm: 'default/old', nic: 'nic-1', nad: 'harvester-system/vm-migration-network-old'
      },
    ]);
  });
});

describe('problemRows and socketStale', () => {
  it('filters rows with flags', () => {
    const rows = buildHealth(healthInputFrom(sources({ pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2')] }), value)).rows;

    expect(problemRows(rows, true).map((r) => r.node)).toStrictEqual(['node-2']);
    expect(problemRows(rows, false)).toBe(rows);
  });

  it.each([
    ['connected', true, false],
    ['reconnecting', true, true],
    ['disconnected', true, true],
    ['connecting', false, false],
    [undefined, true, false],
  ])('%s (was open %s) → %s', (state, open, stale) => {
    expect(socketStale(state, open)).toBe(stale);
  });
});
