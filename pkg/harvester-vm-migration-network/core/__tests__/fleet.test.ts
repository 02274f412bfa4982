import { describe, expect, it } from 'vitest';
import { ipPoolId, summarizeFleetCluster } from '../fleet';
import type { FleetClusterInputs } from '../fleet';
import { sha1Hex } from '../sha1';
import { DaemonSet } from '../k8s-types';
import {
  VALUE, createKubeVirt, createPod, createPool, createSetting
} from './k8s-factories';

const SMALL = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/30","exclude":[]}';

function daemonSet(desired: number, updated = desired, ready = updated): DaemonSet {
  return {
    status: {
      desiredNumberScheduled: desired, updatedNumberScheduled: updated, numberReady: ready
    }
  };
}

const pods = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 2), `harvester-system/virt-handler-${ i }`]));
/** `n` virt-handler pods on node-0.., the first `withIp` holding 192.168.1.2.. (the pool's allocations above). */
const handlers = (n: number, withIp = n, overrides: Parameters<typeof createPod>[3] = {}) => Array.from({ length: n }, (_, i) => createPod(`virt-handler-${ i }`, `node-${ i }`, i < withIp ? `192.168.1.${ i + 2 }` : undefined, overrides));

function inputs(overrides: Partial<FleetClusterInputs> = {}): FleetClusterInputs {
  return {
    id:        'c-harv2',
    name:      'harv2',
    connected: true,
    setting:   createSetting(VALUE),
    version:   'v1.8.0',
    kubeVirt:  createKubeVirt(),
    daemonSet: daemonSet(3),
    pods:      handlers(3),
    ipPool:    createPool('192.168.1.0/24', pods(3)),
    unknown:   {},
    ...overrides,
  };
}

const fresh = { metadata: { name: 'vm-migration-network' }, value: '' };
const failed = {
  ...createSetting(VALUE),
  status: {
    conditions: [{
      type: 'configured', status: 'False', message: 'cluster network x not found'
    }]
  }
};

describe('summarizeFleetCluster', () => {
  it.each([
    ['a fresh install is disabled with nothing to apply', inputs({
      setting: fresh, ipPool: undefined, pods: handlers(3, 0, { networks: '' })
    }), 'disabled', []],
    ['a configured cluster with every IP is healthy', inputs(), 'healthy', []],
    ['virt-handler restarting is rolling out', inputs({
      daemonSet: daemonSet(3, 1, 1), pods: [...handlers(1), ...handlers(3, 0, { ready: false }).slice(1)], ipPool: createPool('192.168.1.0/24', pods(1))
    }), 'rollingOut', ['nodesWithoutIp', 'rollingOut']],
    ['a value not applied yet is rolling out', inputs({ setting: createSetting(VALUE, sha1Hex('old')) }), 'rollingOut', ['controllerPending']],
    ['a full range with a node left out is stuck', inputs({
      setting: createSetting(SMALL, sha1Hex(SMALL)), daemonSet: daemonSet(3, 3, 2), pods: [...handlers(2), createPod('virt-handler-2', 'node-2', undefined, { ready: false })], ipPool: createPool('192.168.1.0/30', pods(2))
    }), 'stuck', ['rangeExhaustedWiden', 'rollingOut']],
    ['a node whose ready pod has no IP after the rollout is stuck', inputs({ pods: handlers(3, 2), ipPool: createPool('192.168.1.0/24', pods(2)) }), 'stuck', ['nodesWithoutIp']],
    ['a configured=False setting has failed', inputs({ setting: failed }), 'failed', ['configuredFailed']],
    ['unreadable objects are named, not guessed', inputs({ kubeVirt: undefined, unknown: { kubeVirt: true } }), 'healthy', ['notChecked']],
  ])('%s', (_, input, state, problems) => {
    const row = summarizeFleetCluster(input);

    expect(row.state).toBe(state);
    expect(row.problems.map((p) => p.key.split('.').pop())).toStrictEqual(problems);
  });

  it('an ordinary KubeVirt update (Available, Progressing, Degraded True with UpdateInProgress) is rolling out, never stuck', () => {
    const kubeVirt = createKubeVirt();
    const updating = (type: string) => ({
      type, status: 'True', reason: 'UpdateInProgress', message: 'Transitioning from previous version a to target version b', lastTransitionTime: '2026-03-10T09:00:00Z'
    });

    kubeVirt.status = {
      conditions: ['Available', 'Progressing', 'Degraded'].map(updating), observedDeploymentID: 'a', targetDeploymentID: 'b'
    };
    const row = summarizeFleetCluster(inputs({
      kubeVirt, daemonSet: daemonSet(3, 1, 1), now: Date.parse('2026-03-10T09:01:00Z')
    }));

    expect(row.state).toBe('rollingOut');
    expect(row.problems.every((p) => p.severity !== 'error')).toBe(true);
  });

  it('KubeVirt still not ready minutes after every virt-handler is updated is stuck, with KubeVirt\'s reason', () => {
    const kubeVirt = createKubeVirt();

    kubeVirt.status = {
      conditions: [{
        type: 'Available', status: 'False', reason: 'DeploymentInProgress', message: 'Deploying version v1', lastTransitionTime: '2026-03-10T09:00:00Z'
      }]
    };
    const soon = summarizeFleetCluster(inputs({ kubeVirt, now: Date.parse('2026-03-10T09:02:00Z') }));
    const late = summarizeFleetCluster(inputs({ kubeVirt, now: Date.parse('2026-03-10T09:20:00Z') }));

    expect(soon.state).toBe('rollingOut');
    expect(late.state).toBe('stuck');
    expect(late.kubeVirtReady).toBe(false);
    expect(late.problems[0]).toMatchObject({ severity: 'error', args: { reason: 'DeploymentInProgress' } });
  });

  it.each([
    ['disconnected', inputs({ connected: false })],
    ['forbidden', inputs({ unreachable: { kind: 'forbidden', message: 'no' }, setting: undefined })],
    ['failed', inputs({ unreachable: { kind: 'failed', message: 'HTTP 503' }, setting: undefined })],
  ])('a %s cluster says so and claims nothing else', (kind, input) => {
    const row = summarizeFleetCluster(input);

    expect(row).toMatchObject({ state: 'unreachable', unreachable: { kind } });
    expect(row.enabled).toBeUndefined();
    expect(row.problems).toHaveLength(1);
  });

  it('counts nodes: live virt-handler pods holding an address in the range; leaked allocations are leaks, never nodes', () => {
    // Three pods with addresses, and two allocations of pods that no longer exist (one mid-rollout, one leaked).
    const pool = createPool('192.168.1.0/24', {
      ...pods(3), 9: 'harvester-system/virt-handler-old', 10: 'harvester-system/virt-handler-gone'
    });
    const row = summarizeFleetCluster(inputs({ ipPool: pool }));

    expect([row.nodesWithIp, row.nodesNeeding]).toStrictEqual([3, 3]);
    expect(row.problems.map((p) => [p.key.split('.').pop(), p.args])).toStrictEqual([['leakedAllocations', { count: 2 }]]);
    // Five allocations, two pods with an address in the range, one with an old address outside it.
    const moved = [...handlers(2), createPod('virt-handler-2', 'node-2', '10.0.0.5')];
    const partial = summarizeFleetCluster(inputs({
      pods:   moved,
      ipPool: createPool('192.168.1.0/24', {
        ...pods(3), 9: 'harvester-system/x', 10: 'harvester-system/y'
      })
    }));

    expect([partial.nodesWithIp, partial.nodesNeeding]).toStrictEqual([2, 3]);
    expect(summarizeFleetCluster(inputs({ setting: fresh })).nodesNeeding).toBeUndefined();
  });

  it('names the pool Whereabouts creates for a range', () => {
    expect(ipPoolId('192.168.1.0/24')).toBe('kube-system/192.168.1.0-24');
  });
});
