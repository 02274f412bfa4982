import { describe, expect, it } from 'vitest';
import {
  buildHealth, healthInputFrom, healthVerdict, kubeVirtSummary, parseValue, RolloutContext, rolloutSteps, sandboxFailures
} from '../index';
import type { DaemonSet, HealthSources } from '../index';
import { sha1Hex } from '../sha1';
import {
  createKubeVirt, createNode, createPod, createPool, createSetting, NAD, VALUE
} from './k8s-factories';
import { context, sources } from './health-page-fixtures';

/** The condition's time in the factories' Setting: from an earlier change than one that starts after it. */
const CONDITION_TIME = Date.parse('2026-03-10T09:00:01Z');

function daemonSet(desired: number, updated: number, ready: number): DaemonSet {
  return {
    id:     'harvester-system/virt-handler',
    status: {
      desiredNumberScheduled: desired, updatedNumberScheduled: updated, numberReady: ready, numberAvailable: ready
    },
  } as DaemonSet;
}

/** The context as the page builds it for `value` (enabled or `""`), on these lists. */
function contextFor(raw: string, src: HealthSources, extra: Partial<RolloutContext> = {}): RolloutContext {
  const value = parseValue(raw).value;
  const input = healthInputFrom(src, value);
  const report = buildHealth(input);

  return {
    report, kubeVirt: kubeVirtSummary(input.kubeVirt), nadName: report.enabled ? NAD : undefined, failures: sandboxFailures([], []), unknown: {}, ...extra
  };
}

describe('the rollout tracker shows the current change only', () => {
  it('a step that only looks done (old pods ready) shows no count: that is the previous change', () => {
    const steps = rolloutSteps(context(sources({ settings: [createSetting(VALUE, 'old')] })));

    expect(steps[3]).toStrictEqual({ id: 'pods', state: 'pending' });
  });

  it('dates the configured step only with a time from this change', () => {
    const ctx = context(sources());

    expect(rolloutSteps(ctx)[0].time).toBeUndefined();
    expect(rolloutSteps({ ...ctx, changeStart: CONDITION_TIME + 60_000 })[0].time).toBeUndefined();
    expect(rolloutSteps({ ...ctx, changeStart: CONDITION_TIME - 60_000 })[0].time).toBe('2026-03-10T09:00:01Z');
  });

  it('drops any step time from before the change began', () => {
    const base = context(sources());
    const kubeVirtTime = '2026-03-10T09:05:00Z';
    const kubeVirt = base.kubeVirt && { ...base.kubeVirt, conditions: base.kubeVirt.conditions.map((c) => ({ ...c, time: kubeVirtTime })) };
    const ctx = { ...base, kubeVirt };

    expect(rolloutSteps({ ...ctx, changeStart: Date.parse(kubeVirtTime) - 1 })[4].time).toBe(kubeVirtTime);
    expect(rolloutSteps({ ...ctx, changeStart: Date.parse(kubeVirtTime) + 1 })[4].time).toBeUndefined();
  });

  it('counts the pods the DaemonSet still rolls as not done, so the count matches the state', () => {
    const steps = rolloutSteps(context(sources({ daemonSets: [daemonSet(2, 1, 2)] })));

    expect(steps[3]).toMatchObject({
      state: 'inProgress', done: 1, total: 2
    });
  });
});

describe('a disable removes the network attachment', () => {
  const disabledSetting = createSetting('', sha1Hex(''), '');
  const src = sources({
    settings: [disabledSetting], kubeVirts: [{ ...createKubeVirt(undefined), id: 'harvester-system/kubevirt' }], ipPools: []
  });

  it('is done once none of Harvester\'s migration NADs is left', () => {
    expect(rolloutSteps(contextFor('', src, { leftoverNads: [] }))[1]).toStrictEqual({ id: 'nad', state: 'done' });
  });

  it('is blocked, naming the NAD, when Harvester has applied the disable and the NAD is still there', () => {
    const ctx = contextFor('', src, { leftoverNads: [`harvester-system/${ NAD }`] });

    expect(rolloutSteps(ctx)[1]).toMatchObject({ state: 'blocked', reason: { key: 'nadLeft', args: { name: `harvester-system/${ NAD }` } } });
    expect(healthVerdict(ctx)).toMatchObject({ kind: 'stuck', reasonKey: 'vmMigrationNetwork.health.verdict.stuck.nadLeft' });
  });

  it('is in progress while Harvester has not applied the disable yet, and unknown without the NAD list', () => {
    const pending = sources({ ...src, settings: [createSetting('', 'old', '')] });

    expect(rolloutSteps(contextFor('', pending, { leftoverNads: ['harvester-system/x'] }))[1].state).toBe('inProgress');
    expect(rolloutSteps(contextFor('', src))[1].state).toBe('unknown');
  });
});

describe('an exhausted range says which range fits and where to fix it', () => {
  const raw = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/30","exclude":[]}';
  const src: HealthSources = {
    settings: [createSetting(raw, sha1Hex(raw))],
    nodes:    [createNode('node-1'), createNode('node-2'), createNode('node-3')],
    pods:     [createPod('virt-handler-a', 'node-1', '192.168.1.1'), createPod('virt-handler-b', 'node-2', '192.168.1.2'), createPod('virt-handler-c', 'node-3', undefined, { phase: 'Pending', ready: false })],
    nads:     [{
      id:       `harvester-system/${ NAD }`,
      metadata: { name: NAD, namespace: 'harvester-system' },
      spec:     { config: '{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/30"}}' },
    }],
    kubeVirts: [{ ...createKubeVirt(), id: 'harvester-system/kubevirt' }],
    ipPools:   [createPool('192.168.1.0/30', { 1: 'harvester-system/virt-handler-a', 2: 'harvester-system/virt-handler-b' })],
  };

  it('names the narrowest range from the same start that holds every node, and links to the range field', () => {
    const ctx = contextFor(raw, src);

    expect(rolloutSteps(ctx)[3]).toMatchObject({
      state:  'blocked',
      reason: {
        key:  'rangeExhausted',
        args: {
          usable: 2, missing: 1, fits: '192.168.1.0/29'
        }
      }
    });
    expect(healthVerdict(ctx)).toStrictEqual({
      kind:      'stuck',
      reasonKey: 'vmMigrationNetwork.health.verdict.stuck.rangeExhaustedWiden',
      args:      {
        usable: 2, missing: 1, fits: '192.168.1.0/29'
      },
      fix: { field: 'range' },
    });
  });
});
