import { describe, expect, it } from 'vitest';
import { buildClusterFacts } from '../facts';
import { HealthInput } from '../health/inputs';
import { expectedNetworks, migrationIpOf } from '../health/nodes';
import { buildHealth } from '../health/report';
import { nadConfig } from '../nad-config';
import {
  createClusterNetwork, createKubeVirt, createNode, createPod, createPool, createSetting, createVlanConfig, createVlanStatus, createVmim, NAD, VALUE
} from './k8s-factories';

function healthyInput(overrides: Partial<HealthInput> = {}): HealthInput {
  return {
    setting: createSetting(VALUE),
    nodes:   [createNode('harvester-node-0'), createNode('harvester-node-1'), createNode('harvester-node-2'), createNode('harvester-node-3', { 'node-role.harvesterhci.io/witness': 'true' })],
    pods:    [createPod('virt-handler-7xk2p', 'harvester-node-0', '192.168.1.2'), createPod('virt-handler-q9d4m', 'harvester-node-1', '192.168.1.3'), createPod('virt-handler-lm8zt', 'harvester-node-2', '192.168.1.4')],
    nad:     {
      metadata: { name: NAD, namespace: 'harvester-system' },
      spec:     {
        config: nadConfig({
          clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', exclude: ['192.168.1.1/32']
        })
      }
    },
    kubeVirt:  createKubeVirt(),
    daemonSet: {
      spec:   { template: { metadata: { annotations: { 'k8s.v1.cni.cncf.io/networks': `${ NAD }@migration0` } } } },
      status: {
        desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 3, numberAvailable: 3
      },
    },
    ipPools: [createPool('192.168.1.0/24', {
      2: 'harvester-system/virt-handler-7xk2p', 3: 'harvester-system/virt-handler-q9d4m', 4: 'harvester-system/virt-handler-lm8zt'
    })],
    ...overrides,
  };
}

describe('buildHealth', () => {
  it('reports a healthy, finished rollout with one row per node', () => {
    const report = buildHealth(healthyInput());

    expect(report.rows).toStrictEqual([
      {
        node: 'harvester-node-0', witness: false, expected: true, ready: true, restarts: 0, flags: [], pod: 'virt-handler-7xk2p', podPhase: 'Running', migrationIp: '192.168.1.2'
      },
      {
        node: 'harvester-node-1', witness: false, expected: true, ready: true, restarts: 0, flags: [], pod: 'virt-handler-q9d4m', podPhase: 'Running', migrationIp: '192.168.1.3'
      },
      {
        node: 'harvester-node-2', witness: false, expected: true, ready: true, restarts: 0, flags: [], pod: 'virt-handler-lm8zt', podPhase: 'Running', migrationIp: '192.168.1.4'
      },
      {
        node: 'harvester-node-3', witness: true, expected: false, ready: false, restarts: 0, flags: []
      },
    ]);
    expect(report.rollout).toStrictEqual({
      reconcilePending: false,
      configured:       {
        status: 'True', reason: undefined, message: undefined, lastUpdateTime: '2026-03-10T09:00:01Z'
      },
      nadMatches:        true,
      kubeVirtReady:     true,
      kubeVirtDeploying: false,
      desired:           3,
      updated:           3,
      ready:             3,
      available:         3,
      expectedPods:      3,
      podsOnNewConfig:   3,
      healthyPods:       3,
      complete:          true,
    });
    expect(report.leaks).toStrictEqual([]);
    expect(report.enabled).toBe(true);
    expect(report.expectedNetworks).toBe(`${ NAD }@migration0`);
  });

  it('flags every per-node problem', () => {
    const nodes = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6'].map((n) => createNode(n));
    const report = buildHealth(healthyInput({
      nodes,
      pods: [
        createPod('p0', 'n0', undefined),
        createPod('p1', 'n1', '10.0.0.9'),
        createPod('p2', 'n2', '192.168.1.1'),
        createPod('p3', 'n3', '192.168.1.7', {
          networks: 'vm-migration-network-old@migration0', ready: false, restarts: 4
        }),
        createPod('p4', 'n4', '192.168.1.7', { deprecated: true }),
        createPod('p5', 'n5', 'garbage'),
      ],
      clusterFacts: buildClusterFacts({
        clusterNetworks: [createClusterNetwork('vm-migration')],
        vlanStatuses:    [createVlanStatus('vm-migration', 'n0', 'True')],
        vlanConfigs:     [createVlanConfig('vm-migration', '["n0","n1","n2","n3","n4","n6"]')],
      }),
    }));

    expect(report.rows.map((r) => [r.node, r.flags])).toStrictEqual([
      ['n0', ['noIp']],
      ['n1', ['ipOutsideRange']],
      ['n2', ['ipExcluded']],
      ['n3', ['podNotReady', 'oldConfig', 'duplicateIp']],
      ['n4', ['duplicateIp']],
      ['n5', ['ipOutsideRange', 'notCovered']],
      ['n6', ['noPod']],
    ]);
    expect(report.rows[3]).toMatchObject({ restarts: 4, ready: false });
    expect(report.rollout.complete).toBe(false);
    expect(report.leaks.map((l) => l.podref)).toStrictEqual(['harvester-system/virt-handler-7xk2p', 'harvester-system/virt-handler-q9d4m', 'harvester-system/virt-handler-lm8zt']);
    expect(report.leaks[0]).toStrictEqual({
      pool: 'kube-system/192.168.1.0-24', range: '192.168.1.0/24', offset: '2', ip: '192.168.1.2', podref: 'harvester-system/virt-handler-7xk2p'
    });
  });

  it('prefers the live pod when a node has an old one terminating', () => {
    const old = createPod('old', 'harvester-node-0', '192.168.1.9', { networks: '' });

    old.metadata = { ...old.metadata, deletionTimestamp: '2026-03-10T09:00:00Z' };
    const report = buildHealth(healthyInput({ pods: [old, createPod('new', 'harvester-node-0', '192.168.1.2')], nodes: [createNode('harvester-node-0')] }));

    expect(report.rows[0].pod).toBe('new');
  });

  it('reads a pending rollout, KubeVirt updating, a failed configure and a mismatching NAD', () => {
    const setting = createSetting(VALUE.replace('100', '200'));

    setting.status = {
      conditions: [{
        type: 'configured', status: 'False', reason: 'CreateNadError', message: 'create nad error x'
      }]
    };
    const report = buildHealth(healthyInput({
      setting, kubeVirt: createKubeVirt(NAD, false), daemonSet: undefined
    }));

    expect(report.rollout).toMatchObject({
      reconcilePending: true, nadMatches: false, kubeVirtReady: false, kubeVirtDeploying: true, configured: { status: 'False', reason: 'CreateNadError' }, complete: false, desired: 3, updated: 3
    });
  });

  it('handles a disabled setting: pods must have dropped the network annotation', () => {
    const report = buildHealth(healthyInput({
      setting: createSetting('', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', ''), kubeVirt: createKubeVirt(''), nad: undefined, ipPools: []
    }));

    expect(report.enabled).toBe(false);
    expect(report.expectedNetworks).toBe('');
    expect(report.rows.slice(0, 3).every((r) => r.flags.includes('oldConfig') && !r.flags.includes('noIp'))).toBe(true);
    expect(report.rollout.reconcilePending).toBe(false);
  });

  it('classifies recent migrations by their target address', () => {
    const state = (uid: string, address: string | undefined, end: string) => ({
      migrationUid: uid, targetNodeAddress: address, completed: true, endTimestamp: end, sourceNode: 'a', targetNode: 'b'
    });
    const report = buildHealth(healthyInput({
      vmims: [
        createVmim('vm-01-k7wq2', 'Succeeded', state('u1', '192.168.1.3', '2026-03-10T10:00:21Z')),
        createVmim('vm-02-aaaaa', 'Succeeded', state('u2', '10.52.2.41', '2026-03-10T11:00:00Z')),
        createVmim('vm-03-bbbbb', 'Failed', {
          completed: true, failed: true, startTimestamp: '2026-03-09T00:00:00Z'
        }),
        createVmim('vm-04-ccccc', 'Running', { sourceNode: 'a' }),
      ],
    }));

    expect(report.migrations.map((m) => [m.vmi, m.targetNodeAddress, m.usedNetwork, m.failed])).toStrictEqual([
      ['default/vm-02', '10.52.2.41', false, false],
      ['default/vm-01', '192.168.1.3', true, false],
      ['default/vm-03', undefined, undefined, true],
    ]);
    expect(buildHealth(healthyInput({ vmims: [createVmim('vm-02-aaaaa', 'Succeeded', state('u2', '10.52.2.41', 'x'))], recentMigrations: 0 })).migrations).toStrictEqual([]);
  });

  it('never throws on sparse objects', () => {
    expect(() => buildHealth({
      nodes: [{}], pods: [{}], ipPools: [{}, { spec: { range: 'fd00::/64', allocations: { 1: {} } } }], vmims: [{}]
    })).not.toThrow();
    expect(buildHealth({ nodes: [], pods: [] }).rollout.complete).toBe(true);
  });
});

describe('migrationIpOf and expectedNetworks', () => {
  it('reads the migration0 entry and tolerates junk', () => {
    expect(migrationIpOf(createPod('p', 'n', '192.168.1.3'))).toBe('192.168.1.3');
    expect(migrationIpOf(createPod('p', 'n', '192.168.1.3', { deprecated: true }))).toBe('192.168.1.3');
    for (const text of ['{', '{}', '[null]', '[{"interface":"migration0"}]', '[{"interface":"migration0","ips":[1]}]']) {
      expect(migrationIpOf({ metadata: { annotations: { 'k8s.v1.cni.cncf.io/network-status': text } } })).toBeUndefined();
    }
    expect(migrationIpOf({})).toBeUndefined();
  });

  it('takes the expected annotation from KubeVirt, else the DaemonSet, else the Setting', () => {
    expect(expectedNetworks({
      nodes: [], pods: [], kubeVirt: createKubeVirt()
    }, true)).toBe(`${ NAD }@migration0`);
    expect(expectedNetworks({
      nodes: [], pods: [], daemonSet: { spec: { template: { metadata: { annotations: {} } } } }
    }, true)).toBe('');
    expect(expectedNetworks({
      nodes: [], pods: [], setting: createSetting(VALUE)
    }, true)).toBe(`${ NAD }@migration0`);
    expect(expectedNetworks({
      nodes: [], pods: [], setting: createSetting('', '', '')
    }, false)).toBe('');
    expect(expectedNetworks({ nodes: [], pods: [] }, true)).toBeUndefined();
    expect(expectedNetworks({ nodes: [], pods: [] }, false)).toBe('');
  });
});
