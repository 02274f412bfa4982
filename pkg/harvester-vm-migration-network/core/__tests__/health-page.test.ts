import { describe, expect, it } from 'vitest';
import {
  buildHealth, healthInputFrom, kubeVirtSummary, migrationNadRef, nadView, sandboxFailures
} from '../index';
import {
  createKubeVirt, createPod, createSetting, NAD, VALUE
} from './k8s-factories';
import { sandboxEvent, sources, value } from './health-page-fixtures';

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
