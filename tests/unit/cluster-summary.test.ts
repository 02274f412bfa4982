import {
  afterEach, describe, expect, it, vi
} from 'vitest';
import { fetchClusterSummary, FleetCluster } from '@pkg/api/cluster-summary';
import type { RequestFn } from '@pkg/api/request';
import type { FleetClusterInputs } from '@pkg/core';
import {
  VALUE, createKubeVirt, createPod, createPool, createSetting
} from '@pkg/core/__tests__/k8s-factories';
import { SETTINGS_LIST } from './fleet-fixtures';

// Spelled out rather than built from the constants, so a change of URL shape fails here.
const STEVE = '/k8s/clusters/c-harv1/v1';
const URL = {
  settings:  `${ STEVE }/${ SETTINGS_LIST }`,
  kubeVirt:  `${ STEVE }/kubevirt.io.kubevirts/harvester-system/kubevirt`,
  daemonSet: `${ STEVE }/apps.daemonsets/harvester-system/virt-handler`,
  pods:      `${ STEVE }/pods/harvester-system?filter=metadata.labels%5Bkubevirt.io%5D%3Dvirt-handler&exclude=metadata.managedFields&exclude=metadata.ownerReferences&exclude=metadata.relationships&exclude=metadata.fields&exclude=metadata.state&exclude=spec.containers&exclude=spec.initContainers&exclude=spec.volumes&exclude=spec.tolerations&exclude=spec.affinity&exclude=spec.securityContext&exclude=spec.nodeSelector&exclude=status.initContainerStatuses&exclude=status.hostIPs&exclude=status.podIPs`,
  ipPool:    `${ STEVE }/whereabouts.cni.cncf.io.ippools/kube-system/192.168.1.0-24`,
};

type Key = keyof typeof URL;
/** What the stub answers for one object: a body, a rejection, or never. */
type Answer = { body: unknown } | { error: unknown } | 'hang';

const CLUSTER: FleetCluster = {
  id: 'c-harv1', name: 'harv1', connected: true
};
const pool = createPool('192.168.1.0/24', { 2: 'harvester-system/virt-handler-a' });
const daemonSet = {
  status: {
    desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 3
  }
};
const virtHandler = createPod('virt-handler-a', 'node-1', '192.168.1.2');
const VERSION = { metadata: { name: 'server-version' }, value: 'v1.8.0' };
/** The settings list's answer: Steve lists what matched, so a missing setting is simply not there. */
const listOf = (...settings: unknown[]) => ({ body: { data: settings } });
const forbidden = { error: { _status: 403, message: 'settings is forbidden' } };
const unavailable = { error: { _status: 503 } };
const missing = { error: { _status: 404, message: 'not found' } };

function healthy(): Record<Key, Answer> {
  return {
    settings:  listOf(createSetting(VALUE), VERSION),
    kubeVirt:  { body: createKubeVirt() },
    daemonSet: { body: daemonSet },
    pods:      { body: { data: [virtHandler] } },
    ipPool:    { body: pool },
  };
}

/** A RequestFn answering by URL; an unknown URL is a 404, as Steve answers. */
function stubRequest(overrides: Partial<Record<Key, Answer>> = {}) {
  const answers = { ...healthy(), ...overrides };
  const calls: { url: string; method: string }[] = [];
  const byUrl = new Map(Object.entries(answers).map(([key, answer]) => [URL[key as Key], answer]));
  const request: RequestFn = ({ url, method }) => {
    calls.push({ url, method });
    const answer = byUrl.get(url) ?? missing;

    if (answer === 'hang') {
      return new Promise(() => undefined);
    }

    return 'body' in answer ? Promise.resolve(answer.body) : Promise.reject(answer.error);
  };

  return { request, calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('fetchClusterSummary: what it asks', () => {
  it.each([
    ['an enabled value reads the range\'s IPPool too', createSetting(VALUE), ['settings', 'kubeVirt', 'daemonSet', 'pods', 'ipPool']],
    ['a disabled value never reads an IPPool', createSetting(''), ['settings', 'kubeVirt', 'daemonSet', 'pods']],
    ['an unreadable value never reads an IPPool', createSetting('{"clusterNetwork":'), ['settings', 'kubeVirt', 'daemonSet', 'pods']],
  ])('%s', async(_, setting, asked) => {
    const { request, calls } = stubRequest({ settings: listOf(setting, VERSION) });

    await fetchClusterSummary(request, CLUSTER);

    expect(calls.map((c) => c.url).sort()).toStrictEqual(asked.map((k) => URL[k as Key]).sort());
    expect(calls.every((c) => c.method === 'GET')).toBe(true);
  });

  it('asks a disconnected cluster nothing', async() => {
    const { request, calls } = stubRequest();
    const inputs = await fetchClusterSummary(request, { ...CLUSTER, connected: false });

    expect(calls).toStrictEqual([]);
    expect(inputs).toStrictEqual({
      id: 'c-harv1', name: 'harv1', connected: false, unknown: {}
    });
  });

  it('escapes the cluster id in the URL', async() => {
    const { request, calls } = stubRequest();

    await fetchClusterSummary(request, { ...CLUSTER, id: 'c/x y' });

    expect(calls[0].url.startsWith('/k8s/clusters/c%2Fx%20y/v1/')).toBe(true);
  });

  it('reads every object of a healthy cluster', async() => {
    const { request } = stubRequest();
    const inputs = await fetchClusterSummary(request, CLUSTER);

    expect(inputs).toMatchObject({
      version:  'v1.8.0',
      kubeVirt: createKubeVirt(),
      daemonSet,
      pods:     [virtHandler],
      ipPool:   pool,
      unknown:  {
        kubeVirt: false, daemonSet: false, pods: false, ipPool: false
      }
    });
    expect(inputs.unreachable).toBeUndefined();
  });
});

describe('fetchClusterSummary: a Setting that cannot be read makes the cluster unreachable', () => {
  it.each([
    ['403 is forbidden, with the server\'s message', forbidden, { kind: 'forbidden', message: 'settings is forbidden' }],
    ['404 means no Setting type: not a Harvester with it', missing, { kind: 'notHarvester', message: 'not found' }],
    ['a list without the setting: not a Harvester with it', listOf(VERSION), { kind: 'notHarvester', message: '' }],
    ['a setting whose name only contains ours is not taken for it', listOf({
      ...createSetting(VALUE), id: 'vm-migration-network-old', metadata: { name: 'vm-migration-network-old' }
    }, VERSION), { kind: 'notHarvester', message: '' }],
    ['503 failed, named by its status', unavailable, { kind: 'failed', message: 'HTTP 503' }],
    ['500 failed', { error: { _status: 500, message: 'boom' } }, { kind: 'failed', message: 'boom' }],
    ['a network error failed', { error: new TypeError('fetch failed') }, { kind: 'failed', message: 'fetch failed' }],
    ['a rejection that is no object failed', { error: 'socket hang up' }, { kind: 'failed', message: 'socket hang up' }],
  ])('%s', async(_, answer, unreachable) => {
    const { request } = stubRequest({ settings: answer as Answer });
    const inputs = await fetchClusterSummary(request, CLUSTER);

    expect(inputs.unreachable).toStrictEqual(unreachable);
    expect(inputs.setting).toBeUndefined();
  });

  it('a Setting without answer fails after the timeout, and leaves no timer behind', async() => {
    vi.useFakeTimers();
    const { request } = stubRequest({ settings: 'hang' });
    let inputs: FleetClusterInputs | undefined;

    const done = fetchClusterSummary(request, CLUSTER, 2_000).then((i) => {
      inputs = i;
    });

    await vi.advanceTimersByTimeAsync(1_999);
    expect(inputs).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(inputs?.unreachable).toStrictEqual({ kind: 'failed', message: 'no answer within 2 s' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('fetchClusterSummary: the other objects only skip their checks', () => {
  it.each<[string, Partial<Record<Key, Answer>>, Partial<FleetClusterInputs>]>([
    ['a forbidden KubeVirt is unknown', { kubeVirt: forbidden }, {
      kubeVirt: undefined,
      unknown:  {
        kubeVirt: true, daemonSet: false, pods: false, ipPool: false
      }
    }],
    ['a failing DaemonSet is unknown', { daemonSet: unavailable }, {
      daemonSet: undefined,
      unknown:   {
        kubeVirt: false, daemonSet: true, pods: false, ipPool: false
      }
    }],
    ['a forbidden IPPool is unknown', { ipPool: forbidden }, {
      ipPool:  undefined,
      unknown: {
        kubeVirt: false, daemonSet: false, pods: false, ipPool: true
      }
    }],
    ['a failing IPPool is unknown', { ipPool: unavailable }, {
      ipPool:  undefined,
      unknown: {
        kubeVirt: false, daemonSet: false, pods: false, ipPool: true
      }
    }],
    ['a missing IPPool holds no allocations', { ipPool: missing }, {
      ipPool:  { spec: { range: '192.168.1.0/24', allocations: {} } },
      unknown: {
        kubeVirt: false, daemonSet: false, pods: false, ipPool: false
      }
    }],
    ['a disabled value has no IPPool and nothing unknown', { settings: listOf(createSetting(''), VERSION) }, {
      ipPool:  undefined,
      unknown: {
        kubeVirt: false, daemonSet: false, pods: false, ipPool: false
      }
    }],
    ['a missing version is just not shown', { settings: listOf(createSetting(VALUE)) }, {
      version: undefined,
      unknown: {
        kubeVirt: false, daemonSet: false, pods: false, ipPool: false
      }
    }],
    ['an empty version falls back to the default', {
      settings: listOf(createSetting(VALUE), {
        ...VERSION, value: '', default: 'v1.7.1'
      })
    }, { version: 'v1.7.1' }],
  ])('%s', async(_, overrides, expected) => {
    const { request } = stubRequest(overrides);
    const inputs = await fetchClusterSummary(request, CLUSTER);

    expect(inputs.unreachable).toBeUndefined();
    expect(inputs.setting).toBeDefined();
    for (const [key, value] of Object.entries(expected)) {
      expect(inputs[key as keyof FleetClusterInputs], key).toStrictEqual(value);
    }
  });

  it.each<[string, 'kubeVirt' | 'ipPool']>([
    ['KubeVirt', 'kubeVirt'],
    ['the IPPool', 'ipPool'],
  ])('%s without answer is unknown after the timeout, the rest is kept', async(_, key) => {
    vi.useFakeTimers();
    const { request } = stubRequest({ [key]: 'hang' });
    const pending = fetchClusterSummary(request, CLUSTER, 1_000);

    await vi.advanceTimersByTimeAsync(1_000);
    const inputs = await pending;

    expect(inputs.unknown[key]).toBe(true);
    expect(inputs[key]).toBeUndefined();
    expect(inputs.setting).toBeDefined();
    expect(inputs.daemonSet).toStrictEqual(daemonSet);
    expect(vi.getTimerCount()).toBe(0);
  });
});
