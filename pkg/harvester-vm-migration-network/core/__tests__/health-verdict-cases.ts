/** One case per verdict reason: each changes one thing of the healthy cluster. */
import {
  createKubeVirt, createPod, createSetting, NAD, NAD_CONFIG, VALUE
} from './k8s-factories';
import {
  Case, degradedKubeVirt, disabledSetting, failedSetting, freshSetting, key, kubeVirt, nadOf, notReadyKubeVirt, podsOn, sandboxEvent, sources
} from './health-verdict-fixtures';

export const CASES: Case[] = [
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
    src:      sources({ nads: [nadOf(NAD_CONFIG.replace('"vlan":100', '"vlan":200'))] }),
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
      kind: 'failed', reasonKey: key('failed'), args: { reason: 'CreateNadError', message: 'boom' }, fix: {}
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
      kind: 'failed', reasonKey: key('failed'), args: { reason: 'CreateNadError', message: 'boom' }, fix: {}
    },
  },
];
