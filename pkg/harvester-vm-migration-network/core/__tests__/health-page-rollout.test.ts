import { describe, expect, it } from 'vitest';
import { rolloutSteps, sandboxFailures } from '../index';
import {
  createKubeVirt, createPod, createSetting, NAD, VALUE
} from './k8s-factories';
import { context, sandboxEvent, sources } from './health-page-fixtures';

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
