import { describe, expect, it } from 'vitest';
import { ipPoolId, summarizeFleetCluster, virtHandlerAllocations } from '../fleet';
import type { FleetClusterInputs } from '../fleet';
import { sha1Hex } from '../sha1';
import { DaemonSet } from '../k8s-types';
import { VALUE, createKubeVirt, createPool, createSetting } from './k8s-factories';

const SMALL = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/30","exclude":[]}';

function daemonSet(desired: number, updated = desired, ready = updated): DaemonSet {
  return {
    status: {
      desiredNumberScheduled: desired, updatedNumberScheduled: updated, numberReady: ready
    }
  };
}

const pods = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 2), `harvester-system/virt-handler-${ i }`]));

function inputs(overrides: Partial<FleetClusterInputs> = {}): FleetClusterInputs {
  return {
    id:        'c-harv2',
    name:      'harv2',
    connected: true,
    setting:   createSetting(VALUE),
    version:   'v1.8.0',
    kubeVirt:  createKubeVirt(),
    daemonSet: daemonSet(3),
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
    ['a fresh install is disabled with nothing to apply', inputs({ setting: fresh, ipPool: undefined }), 'disabled', []],
    ['a configured cluster with every IP is healthy', inputs(), 'healthy', []],
    ['virt-handler restarting is rolling out', inputs({ daemonSet: daemonSet(3, 1, 1), ipPool: createPool('192.168.1.0/24', pods(1)) }), 'rollingOut', ['nodesWithoutIp', 'rollingOut']],
    ['a value not applied yet is rolling out', inputs({ setting: createSetting(VALUE, sha1Hex('old')) }), 'rollingOut', ['controllerPending']],
    ['a full range with a node left out is stuck', inputs({ setting: createSetting(SMALL, sha1Hex(SMALL)), ipPool: createPool('192.168.1.0/30', pods(2)) }), 'stuck', ['rangeExhausted']],
    ['a node without IP after the rollout is stuck', inputs({ ipPool: createPool('192.168.1.0/24', pods(2)) }), 'stuck', ['nodesWithoutIp']],
    ['a configured=False setting has failed', inputs({ setting: failed }), 'failed', ['configuredFailed']],
    ['unreadable objects are named, not guessed', inputs({ kubeVirt: undefined, unknown: { kubeVirt: true } }), 'healthy', ['notChecked']],
  ])('%s', (_, input, state, problems) => {
    const row = summarizeFleetCluster(input);

    expect(row.state).toBe(state);
    expect(row.problems.map((p) => p.key.split('.').pop())).toStrictEqual(problems);
  });

  it('says migrations are refused when KubeVirt is not ready and nothing is rolling', () => {
    const kubeVirt = createKubeVirt();

    kubeVirt.status = {
      conditions: [{
        type: 'Available', status: 'False', reason: 'DeploymentInProgress'
      }]
    };
    const row = summarizeFleetCluster(inputs({ kubeVirt }));

    expect(row.state).toBe('stuck');
    expect(row.kubeVirtReady).toBe(false);
    expect(row.problems[0]).toMatchObject({ severity: 'error', args: { reason: 'DeploymentInProgress' } });
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

  it('counts nodes: virt-handler pods holding an address, never more than need one', () => {
    const row = summarizeFleetCluster(inputs({ ipPool: createPool('192.168.1.0/24', { ...pods(3), 9: 'default/other-pod' }) }));

    expect([row.nodesWithIp, row.nodesNeeding]).toStrictEqual([3, 3]);
    expect(virtHandlerAllocations(createPool('10.0.0.0/24', { 2: 'harvester-system/virt-handler-a', 3: 'harvester-system/virt-handler-a' }))).toBe(1);
    expect(summarizeFleetCluster(inputs({ setting: fresh })).nodesNeeding).toBeUndefined();
  });

  it('names the pool Whereabouts creates for a range', () => {
    expect(ipPoolId('192.168.1.0/24')).toBe('kube-system/192.168.1.0-24');
  });
});
