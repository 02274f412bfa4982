import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import { openSocket, startSim, TestSim } from './helpers';
import { RancherVersion } from '../src/rancher-version';

const PODS = '/k8s/clusters/c-harv1/v1/pods';
const names = (body: Record<string, unknown>) => (body.data as { id: string }[]).map((o) => o.id);

/** Steve's list and websocket as the SQL cache of each Rancher minor answers them (the README's table says from where). */
describe('Steve lists from the SQL cache', () => {
  let t: TestSim;

  beforeAll(async() => {
    t = await startSim();
  });
  afterAll(() => t.close());

  it('filters labels exactly with `=`, partly with `~`, by set with `in`, and by existence', async() => {
    const handlers = names((await t.get(`${ PODS }/harvester-system?filter=metadata.labels[kubevirt.io]=virt-handler`)).body);

    expect(handlers.length).toBe(3);
    expect(handlers.every((id) => id.startsWith('harvester-system/virt-handler-'))).toBe(true);
    expect(names((await t.get(`${ PODS }?filter=metadata.labels[kubevirt.io]=virt-hand`)).body)).toEqual([]);
    expect(names((await t.get(`${ PODS }?filter=metadata.labels[kubevirt.io]~virt-hand`)).body)).toEqual(handlers);
    expect(names((await t.get(`${ PODS }?filter=${ encodeURIComponent('metadata.labels[kubevirt.io] in (virt-handler, virt-launcher)') }`)).body)).toEqual(handlers);
    expect(names((await t.get(`${ PODS }?filter=metadata.labels[kubevirt.io]`)).body)).toEqual(handlers);
    expect(names((await t.get(`${ PODS }?filter=!metadata.labels[kubevirt.io]`)).body)).toEqual([]);
  });

  it('ORs the terms of one filter and ANDs separate filters', async() => {
    const [first, second] = names((await t.get(`${ PODS }?filter=metadata.labels[kubevirt.io]=virt-handler`)).body).map((id) => id.split('/')[1]);

    expect(names((await t.get(`${ PODS }?filter=metadata.name=${ first },metadata.name=${ second }`)).body)).toHaveLength(2);
    expect(names((await t.get(`${ PODS }?filter=metadata.name=${ first }&filter=metadata.name=${ second }`)).body)).toHaveLength(0);
  });

  it('ignores labelSelector and fieldSelector, which the SQL cache never reads', async() => {
    const all = names((await t.get(PODS)).body);

    expect(names((await t.get(`${ PODS }?labelSelector=kubevirt.io%3Dnothing`)).body)).toEqual(all);
    expect(names((await t.get(`${ PODS }?fieldSelector=spec.nodeName%3Dnothing`)).body)).toEqual(all);
  });

  it('answers 422 for a filter or sort on a field the cache does not index, and 400 for text it cannot parse', async() => {
    const unindexed = await t.get(`${ PODS }?filter=status.phase=Running`);

    expect(unindexed.status).toBe(422);
    expect(unindexed.body.message).toBe('column is invalid [status.phase]: supplied column is invalid');
    expect((await t.get(`${ PODS }?sort=status.phase`)).status).toBe(422);
    expect((await t.get(`${ PODS }?filter=spec.nodeName=harvester-node-0`)).status).toBe(200);
    expect((await t.get(`${ PODS }?filter=metadata.name`)).status).toBe(400);
    expect((await t.get(`/k8s/clusters/c-harv1/v1/events?filter=reason=FailedCreatePodSandBox&filter=involvedObject.kind=Pod`)).status).toBe(200);
    expect((await t.get(`/k8s/clusters/c-harv1/v1/events?filter=involvedObject.name=x`)).status).toBe(422);
  });

  it('pages with pagesize alone (page 1) and counts every match', async() => {
    const { body } = await t.get(`${ PODS }?pagesize=2&sort=-metadata.name`);

    expect(body.count).toBe(3);
    expect(body.pages).toBe(2);
    expect(names(body)).toHaveLength(2);
    expect(names((await t.get(`${ PODS }?pagesize=2&page=3`)).body)).toEqual([]);
  });
});

async function changesOn(rancher: RancherVersion) {
  const t = await startSim(undefined, 1, { rancher });
  const socket = await openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', t.cookie);

  socket.ws.send(JSON.stringify({
    resourceType: 'node', mode: 'resource.changes', debounceMs: 300
  }));
  await socket.next((m) => m.name === 'resource.start');
  const touch = (n: number) => t.send('PUT', '/k8s/clusters/c-harv1/v1/nodes/harvester-node-0', { ...(t.sim.cluster('c-harv1')?.store.get('node', 'harvester-node-0')), metadata: { ...(t.sim.cluster('c-harv1')?.store.get('node', 'harvester-node-0')?.metadata), labels: { touched: String(n) } } });
  const started = Date.now();

  await touch(1);
  const first = await socket.next((m) => m.name === 'resource.changes');
  const firstAfter = Date.now() - started;

  await touch(2);
  await touch(3);
  await socket.next((m) => m.name === 'resource.changes' && m !== first);
  const secondAfter = Date.now() - started;
  const notices = socket.messages.filter((m) => m.name === 'resource.changes').length;

  socket.ws.close();
  await t.close();

  return {
    first, firstAfter, secondAfter, notices
  };
}

describe('Steve by Rancher version', () => {
  it('tells the first change at once, then one trailing notice per debounce window; with a revision only from 2.13', async() => {
    const on215 = await changesOn('2.15');
    const on212 = await changesOn('2.12');

    expect(on215.firstAfter).toBeLessThan(250);
    expect(on215.secondAfter).toBeGreaterThanOrEqual(290);
    expect(on215.notices).toBe(2);
    expect(on215.first.revision).toMatch(/^\d+$/);
    expect(on212.first).not.toHaveProperty('revision');
  });

  it('reads a list revision from 2.13 (400 when unknown or not a number) and ignores it on 2.12', async() => {
    const on215 = await startSim(undefined, 1, { rancher: '2.15' });
    const on212 = await startSim(undefined, 1, { rancher: '2.12' });

    try {
      expect((await on215.get(`${ PODS }?revision=99999999`)).status).toBe(400);
      expect((await on215.get(`${ PODS }?revision=abc`)).body.message).toBe('value abc for revision query param is not valid');
      expect((await on215.get(`${ PODS }?revision=1`)).status).toBe(200);
      expect((await on212.get(`${ PODS }?revision=99999999`)).status).toBe(200);
      expect((await on212.get('/rancherversion')).body.Version).toBe('v2.12.0');
    } finally {
      await on215.close();
      await on212.close();
    }
  });

  it('refuses a watch of an unknown type with an error and then a stop, and ignores a second start of the same watch', async() => {
    const t = await startSim();
    const socket = await openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', t.cookie);

    try {
      socket.ws.send(JSON.stringify({ resourceType: 'no.such.type' }));
      const error = await socket.next((m) => m.name === 'resource.error');

      expect(error.data).toEqual({ error: 'failed to find schema no.such.type' });
      await socket.next((m) => m.name === 'resource.stop' && m.resourceType === 'no.such.type');
      socket.ws.send(JSON.stringify({ resourceType: 'node' }));
      socket.ws.send(JSON.stringify({ resourceType: 'node' }));
      // Steve's own types are watchable: the shell watches schemas and counts on every store.
      socket.ws.send(JSON.stringify({ resourceType: 'schema' }));
      socket.ws.send(JSON.stringify({ resourceType: 'count' }));
      socket.ws.send(JSON.stringify({ resourceType: 'setting', stop: true }));
      socket.ws.send('not json');
      await socket.next((m) => m.name === 'resource.error' && !m.resourceType);
      expect(socket.messages.filter((m) => m.name === 'resource.start').map((m) => m.resourceType)).toEqual(['node', 'schema', 'count']);
      expect(socket.messages.filter((m) => m.name === 'resource.start' && m.resourceType === 'no.such.type')).toHaveLength(0);
      expect(socket.messages.filter((m) => m.resourceType === 'setting')).toHaveLength(0);
    } finally {
      socket.ws.close();
      await t.close();
    }
  });

  it('answers a watch from a revision the cache no longer holds with "too old" and a stop, never a start', async() => {
    const t = await startSim();
    const socket = await openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', t.cookie);

    try {
      await t.send('POST', '/sim/clusters/c-harv1/compact', {});
      socket.ws.send(JSON.stringify({ resourceType: 'node', resourceVersion: '1' }));
      const error = await socket.next((m) => m.name === 'resource.error');

      expect(error.data).toEqual({ error: 'resourceversion too old' });
      await socket.next((m) => m.name === 'resource.stop' && m.resourceType === 'node');
      expect(socket.messages.map((m) => m.name)).toEqual(['resource.error', 'resource.stop']);
    } finally {
      socket.ws.close();
      await t.close();
    }
  });

  it('reads a watch\'s selector as Kubernetes does (set-based too), and refuses one it cannot parse', async() => {
    const t = await startSim();
    const socket = await openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', t.cookie);

    try {
      socket.ws.send(JSON.stringify({ resourceType: 'pod', selector: 'kubevirt.io in (virt-handler)' }));
      socket.ws.send(JSON.stringify({ resourceType: 'node', selector: 'a in (b' }));
      await socket.next((m) => m.name === 'resource.start' && m.resourceType === 'pod');
      const refused = await socket.next((m) => m.name === 'resource.error' && m.resourceType === 'node');

      expect(String((refused.data as { error: string }).error)).toContain('unable to parse requirement');
      const pod = t.sim.cluster('c-harv1')?.store.list('pod').find((p) => p.metadata.labels?.['kubevirt.io'] === 'virt-handler');

      await t.send('PUT', `/k8s/clusters/c-harv1/v1/pods/${ pod?.metadata.namespace }/${ pod?.metadata.name }`, { ...pod, metadata: { ...pod?.metadata, labels: { ...pod?.metadata.labels, touched: '1' } } });
      const change = await socket.next((m) => m.name === 'resource.change' && m.resourceType === 'pod');

      expect((change.data as { id: string }).id).toBe(`${ pod?.metadata.namespace }/${ pod?.metadata.name }`);
    } finally {
      socket.ws.close();
      await t.close();
    }
  });
});
