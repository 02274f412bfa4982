import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import { startSim, TestSim } from './helpers';

// Black-box: the Kubernetes API under /k8s/clusters/<id>, for what the real-client suites do not pin exactly.
const BASE = '/k8s/clusters/c-harv1';
let t: TestSim;
const tokens: Record<string, string> = {};

async function kube(user: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; type: string }> {
  const res = await fetch(`${ t.url }${ BASE }${ path }`, {
    method,
    headers: {
      authorization: `Bearer ${ tokens[user] }`, 'content-type': 'application/json', ...headers
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  });

  return {
    status: res.status, body: await res.json() as Record<string, unknown>, type: res.headers.get('content-type') ?? ''
  };
}

/** Reads a watch stream until `count` events came or the stream ended. */
async function events(path: string, count: number, during?: () => Promise<unknown>): Promise<{ type: string; object: Record<string, unknown> }[]> {
  const controller = new AbortController();
  const res = await fetch(`${ t.url }${ BASE }${ path }`, { headers: { authorization: `Bearer ${ tokens.admin }` }, signal: controller.signal });
  const reader = res.body!.getReader();
  const out: { type: string; object: Record<string, unknown> }[] = [];
  let text = '';
  const pending = during?.();

  while (out.length < count) {
    const { done, value } = await reader.read();

    if (done) {
      break;
    }
    text += Buffer.from(value).toString('utf8');
    const lines = text.split('\n');

    text = lines.pop() ?? '';
    out.push(...lines.filter(Boolean).map((line) => JSON.parse(line)));
  }
  controller.abort();
  await pending;

  return out;
}

beforeAll(async() => {
  t = await startSim();
  for (const user of ['admin', 'viewer', 'limited']) {
    const res = await fetch(`${ t.url }/v3-public/localProviders/local?action=login`, {
      method: 'POST',
      body:   JSON.stringify({
        username: user, password: user, responseType: 'json'
      })
    });

    tokens[user] = String(((await res.json()) as { token: string }).token);
  }
});
afterAll(() => t.close());

describe('the Kubernetes API of a cluster', () => {
  it('answers aggregated discovery in its own media type, and the legacy form otherwise', async() => {
    const aggregated = await kube('admin', 'GET', '/apis', undefined, { accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json' });

    expect(aggregated.type).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(aggregated.body.kind).toBe('APIGroupDiscoveryList');
    const legacy = await kube('admin', 'GET', '/apis');

    expect(legacy.body.kind).toBe('APIGroupList');
    expect((await kube('admin', 'GET', '/apis/nothing.example.com/v1')).status).toBe(404);
  });

  it('denies in the apiserver\'s words: a viewer cannot write, the limited user cannot list pods', async() => {
    const denied = await kube('viewer', 'PATCH', '/apis/harvesterhci.io/v1beta1/settings/vm-migration-network', { value: '' }, { 'content-type': 'application/merge-patch+json' });

    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('settings.harvesterhci.io "vm-migration-network" is forbidden: User "user-viewer" cannot patch resource "settings" in API group "harvesterhci.io" at the cluster scope');
    const pods = await kube('limited', 'GET', '/api/v1/namespaces/harvester-system/pods');

    expect(pods.status).toBe(403);
    expect(pods.body.message).toBe('pods is forbidden: User "user-limited" cannot list resource "pods" in API group "" in the namespace "harvester-system"');
  });

  it('refuses what the apiserver refuses: a bad selector, an existing name, a namespace that does not exist', async() => {
    expect((await kube('admin', 'GET', '/api/v1/pods?labelSelector=a%20in%20b')).status).toBe(400);
    const body = {
      apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'harvester-system' }
    };

    expect(await kube('admin', 'POST', '/api/v1/namespaces', body)).toMatchObject({ status: 409, body: { reason: 'AlreadyExists', message: 'namespaces "harvester-system" already exists' } });
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }
    };

    expect(await kube('admin', 'POST', '/api/v1/namespaces/nowhere/pods', pod)).toMatchObject({ status: 404, body: { message: 'namespaces "nowhere" not found' } });
    expect(await kube('admin', 'POST', '/api/v1/namespaces/default/pods', { ...pod, metadata: { name: 'p', namespace: 'other' } })).toMatchObject({ status: 400 });
  });

  it('a watch from a compacted revision ends in an in-stream 410 Expired', async() => {
    const list = await kube('admin', 'GET', '/apis/harvesterhci.io/v1beta1/settings');
    const revision = String((list.body.metadata as { resourceVersion: string }).resourceVersion);

    await t.send('POST', '/sim/clusters/c-harv1/compact', {});
    const [event] = await events(`/apis/harvesterhci.io/v1beta1/settings?watch=true&resourceVersion=${ Number(revision) - 1 }`, 1);

    expect(event).toEqual({
      type:   'ERROR',
      object: {
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${ Number(revision) - 1 } (${ revision })`, reason: 'Expired', code: 410
      },
    });
  });

  it('a labelled watch reports an object that stops matching as DELETED', async() => {
    const path = '/api/v1/namespaces/harvester-system/pods';
    const pod = (await kube('admin', 'GET', `${ path }?labelSelector=kubevirt.io%3Dvirt-handler&limit=1`)).body.items as { metadata: { name: string; resourceVersion: string } }[];
    const name = pod[0].metadata.name;
    const seen = await events(`${ path }?watch=true&labelSelector=kubevirt.io%3Dvirt-handler&fieldSelector=metadata.name%3D${ name }`, 2, () => kube('admin', 'PATCH', `${ path }/${ name }`, { metadata: { labels: { 'kubevirt.io': null } } }, { 'content-type': 'application/merge-patch+json' }));

    expect(seen.map((e) => e.type)).toEqual(['ADDED', 'DELETED']);
  });
});
