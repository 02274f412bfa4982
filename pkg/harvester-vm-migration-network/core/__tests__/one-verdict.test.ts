/**
 * One cluster, one word: the fleet overview's row, the panel on Harvester's pages (which shows the row's state) and
 * the health page's verdict are read off the same facts. Each state below is raw objects, as a cluster holds them;
 * the overview sees only what it reads (settings, KubeVirt, the virt-handler DaemonSet and pods, the IPPool), the
 * health page everything (nodes, NAD, events as well), and both must say the same.
 */
import { describe, expect, it } from 'vitest';
import { summarizeFleetCluster, healthVerdict, sha1Hex } from '../index';
import type {
  CoreEvent, DaemonSet, FleetClusterInputs, HealthSources, KubeVirt
} from '../index';
import {
  createKubeVirt, createNode, createPod, createPool, createSetting, VALUE
} from './k8s-factories';
import {
  context, disabledSetting, failedSetting, freshSetting, kubeVirt, nadOf, podsOn, sandboxEvent, sources
} from './health-verdict-fixtures';
import { oneLineState } from '../../utils/fleet-view';

const NOW = Date.parse('2026-03-10T09:30:00Z');
const SMALL = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/30","exclude":[]}';
const SMALL_HASH = sha1Hex(SMALL);

function daemonSet(desired: number, updated = desired, ready = updated): DaemonSet {
  return {
    metadata: { name: 'virt-handler', namespace: 'harvester-system' },
    status:   {
      desiredNumberScheduled: desired, updatedNumberScheduled: updated, numberReady: ready, numberAvailable: ready
    }
  };
}

/** KubeVirt as virt-operator leaves it during an update: all three conditions True, reason UpdateInProgress, since `at`. */
function updatingKubeVirt(at: string): KubeVirt {
  const kv = createKubeVirt();
  const c = (type: string) => ({
    type, status: 'True', reason: 'UpdateInProgress', message: 'Transitioning from previous version v1 to target version v1', lastTransitionTime: at
  });

  kv.status = {
    ...kv.status, conditions: [c('Available'), c('Progressing'), c('Degraded')], observedDeploymentID: 'a', targetDeploymentID: 'a'
  };

  return kv;
}

/** KubeVirt after a failed deployment (virt-operator's DeploymentFailed). */
function failedKubeVirt(): KubeVirt {
  const kv = createKubeVirt();
  const c = (type: string, status: string) => ({
    type, status, reason: 'DeploymentFailed', message: 'An error occurred during deployment: boom', lastTransitionTime: '2026-03-10T09:00:00Z'
  });

  kv.status = { ...kv.status, conditions: [c('Available', 'False'), c('Progressing', 'False'), c('Degraded', 'True')] };

  return kv;
}

interface State {
  name: string;
  src: HealthSources;
  events?: CoreEvent[];
  word: 'healthy' | 'disabled' | 'rollingOut' | 'stuck' | 'failed';
}

const ds2 = { daemonSets: [daemonSet(2)] };
const STATES: State[] = [
  {
    name: 'enabled, every node with its address', src: sources(ds2), word: 'healthy'
  },
  {
    name: 'a fresh install',
    src:  sources({
      ...ds2, settings: [freshSetting()], kubeVirts: [kubeVirt(createKubeVirt(''))], nads: [], pods: podsOn('')
    }),
    word: 'disabled'
  },
  {
    name: 'disabled and rolled out',
    src:  sources({
      ...ds2, settings: [disabledSetting()], kubeVirts: [kubeVirt(createKubeVirt(''))], nads: [], pods: podsOn('')
    }),
    word: 'disabled'
  },
  {
    name: 'a disable restarting pods',
    src:  sources({
      daemonSets: [daemonSet(2, 0, 2)], settings: [disabledSetting()], kubeVirts: [kubeVirt(createKubeVirt(''))], nads: []
    }),
    word: 'rollingOut'
  },
  {
    name: 'a new value the controller has not processed', src: sources({ ...ds2, settings: [createSetting(VALUE, 'old')] }), word: 'rollingOut'
  },
  {
    name: 'configured False', src: sources({ ...ds2, settings: [failedSetting()] }), word: 'failed'
  },
  {
    name: 'KubeVirt still on the old network', src: sources({ ...ds2, kubeVirts: [kubeVirt(createKubeVirt(''))] }), word: 'rollingOut'
  },
  {
    name: 'KubeVirt updating (Degraded True, UpdateInProgress) while pods restart',
    src:  sources({
      daemonSets: [daemonSet(2, 1, 1)],
      kubeVirts:  [kubeVirt(updatingKubeVirt('2026-03-10T09:28:00Z'))],
      pods:       [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { networks: '', ready: false })]
    }),
    word: 'rollingOut'
  },
  {
    name: 'KubeVirt updating a minute after the pods are done',
    src:  sources({ ...ds2, kubeVirts: [kubeVirt(updatingKubeVirt('2026-03-10T09:29:00Z'))] }),
    word: 'rollingOut'
  },
  {
    name: 'KubeVirt still not ready 25 minutes after the pods are done',
    src:  sources({ ...ds2, kubeVirts: [kubeVirt(updatingKubeVirt('2026-03-10T09:05:00Z'))] }),
    word: 'stuck'
  },
  {
    name: 'KubeVirt failed to deploy', src: sources({ ...ds2, kubeVirts: [kubeVirt(failedKubeVirt())] }), word: 'stuck'
  },
  {
    name: 'one pod of two on the new network',
    src:  sources({ daemonSets: [daemonSet(2, 1, 2)], pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })] }),
    word: 'rollingOut'
  },
  {
    name: 'a pod starting on the new network',
    src:  sources({ daemonSets: [daemonSet(2, 2, 1)], pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { ready: false, phase: 'Pending' })] }),
    word: 'rollingOut'
  },
  {
    name: 'a pod that keeps crashing',
    src:  sources({ daemonSets: [daemonSet(2, 2, 1)], pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.3', { ready: false, restarts: 5 })] }),
    word: 'stuck'
  },
  {
    name: 'the range has no address left for a pod',
    src:  sources({
      daemonSets: [daemonSet(2, 2, 1)],
      settings:   [createSetting(SMALL, SMALL_HASH)],
      nads:       [nadOf('{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/30"}}')],
      pods:       [createPod('virt-handler-a', 'node-1', '192.168.1.1'), createPod('virt-handler-x', 'node-2', undefined, { phase: 'Pending', ready: false })],
      ipPools:    [createPool('192.168.1.0/30', { 1: 'harvester-system/virt-handler-a', 2: 'harvester-system/virt-handler-gone' })],
    }),
    events: [sandboxEvent],
    word:   'stuck'
  },
  {
    name: 'every pod ready on the new network, one with an excluded address',
    src:  sources({ ...ds2, pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '192.168.1.1')] }),
    word: 'stuck'
  },
  {
    name: 'every pod ready on the new network, one with an address outside the range',
    src:  sources({ ...ds2, pods: [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', '10.0.0.9')] }),
    word: 'stuck'
  },
  {
    name: 'a node whose virt-handler pod is not there yet',
    src:  sources({ daemonSets: [daemonSet(3, 3, 2)], nodes: [createNode('node-1'), createNode('node-2'), createNode('node-3')] }),
    word: 'rollingOut'
  },
];

/** What the overview reads of the cluster: no nodes, NADs or events. */
function fleetInputs(src: HealthSources): FleetClusterInputs {
  return {
    id:        'c-x',
    name:      'x',
    connected: true,
    setting:   src.settings?.[0],
    kubeVirt:  src.kubeVirts?.[0],
    daemonSet: src.daemonSets?.[0],
    pods:      src.pods,
    ipPool:    src.ipPools?.[0],
    unknown:   {},
    now:       NOW,
  };
}

const t = (key: string) => key;

describe('one cluster, one word: the overview, the panel and the health page agree', () => {
  it('covers at least 15 states', () => {
    expect(STATES.length).toBeGreaterThanOrEqual(15);
  });

  it.each(STATES.map((s) => [s.name, s] as const))('%s', (_, state) => {
    const health = healthVerdict({
      ...context({
        name: state.name, src: state.src, events: state.events, expected: undefined
      }),
      now: NOW
    });
    const row = summarizeFleetCluster(fleetInputs(state.src));

    expect(health?.kind, 'health page').toBe(state.word);
    expect(row.state, 'overview row').toBe(state.word);
    // The panel shows the row's state as its badge and a line read off the same row.
    expect(oneLineState(row, t)).toBeTypeOf('string');
    expect(row.verdict?.kind, 'the row\'s own verdict').toBe(state.word);
  });
});
