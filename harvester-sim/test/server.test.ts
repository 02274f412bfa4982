import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import { Agent, get } from 'node:http';
import { openSocket, startSim, TestSim } from './helpers';

const SETTINGS = '/k8s/clusters/c-harv1/v1/harvesterhci.io.settings';

let t: TestSim;

beforeAll(async() => {
  t = await startSim();
});
afterAll(async() => {
  await t.close();
});

describe('connections', () => {
  it('keeps an idle connection open, as Rancher does, so a proxy reusing it after 6 s is answered', async() => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ask = () => new Promise<number>((resolve, reject) => {
      get(`${ t.url }/rancherversion`, { agent }, (res) => {
        const port = res.socket.localPort ?? 0;

        res.resume();
        res.on('end', () => resolve(port));
      }).on('error', reject);
    });
    const first = await ask();

    await new Promise((resolve) => setTimeout(resolve, 6_000));
    // The same socket: Node would have closed it after 5 s idle, and a request sent as it closes fails.
    expect(await ask()).toBe(first);
    agent.destroy();
  }, 10_000);
});

describe('auth', () => {
  it('answers 401 with x-api-cattle-auth false without a session', async() => {
    const res = await t.get(SETTINGS, '');

    expect(res.status).toBe(401);
    expect(res.headers.get('x-api-cattle-auth')).toBe('false');
  });

  it('serves only public management settings before login', async() => {
    const res = await t.get('/v1/management.cattle.io.settings', '');
    const ids = (res.body.data as { id: string }[]).map((s) => s.id);

    expect(res.status).toBe(200);
    expect(ids).toContain('first-login');
    expect(ids).not.toContain('server-url');
  });

  it('rejects a wrong password and logs in and out with the R_SESS cookie', async() => {
    expect(await t.login('admin', 'nope')).toBe('');
    const cookie = await t.login('viewer', 'viewer');

    expect(cookie).toMatch(/^R_SESS=token-/);
    expect((await t.send('POST', '/v1/ext.cattle.io.selfuser', {}, cookie)).body.status).toEqual({ userID: 'user-viewer' });
    expect((await t.send('POST', '/v1/logout', {}, cookie)).status).toBe(200);
    expect((await t.get(SETTINGS, cookie)).status).toBe(401);
  });
});

describe('Steve collections', () => {
  it('returns the collection envelope with absolute links and resourceVersions', async() => {
    const res = await t.get(SETTINGS);
    const data = res.body.data as { id: string; links: { self: string }; metadata: { resourceVersion: string; fields: unknown[]; relationships: unknown[] } }[];

    expect(res.body).toMatchObject({
      type: 'collection', resourceType: 'harvesterhci.io.setting', count: data.length
    });
    expect(Number(res.body.revision)).toBeGreaterThan(0);
    const vmmn = data.find((s) => s.id === 'vm-migration-network');

    expect(vmmn?.links.self).toBe(`${ t.url }${ SETTINGS }/vm-migration-network`);
    expect(vmmn?.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(vmmn?.metadata.fields).toEqual(['vm-migration-network', '']);
    expect(vmmn?.metadata.relationships).toEqual([]);
  });

  it('applies filter, sort and page', async() => {
    const home = await t.get('/v1/management.cattle.io.clusters?page=1&pagesize=10&filter=metadata.labels[provider.cattle.io]!=harvester&filter=status.provider!=harvester');

    expect((home.body.data as { id: string }[]).map((c) => c.id)).toEqual(['local']);
    const sorted = await t.get(`${ SETTINGS }?sort=-metadata.name&page=2&pagesize=3`);
    const all = (await t.get(`${ SETTINGS }?sort=metadata.name`)).body.data as { id: string }[];

    expect(sorted.body.count).toBe(all.length);
    expect((sorted.body.data as { id: string }[]).map((s) => s.id)).toEqual(all.map((s) => s.id).reverse().slice(3, 6));
    const inList = await t.get('/k8s/clusters/c-harv1/v1/nodes?filter=id IN (harvester-node-0,harvester-node-2)');

    expect((inList.body.data as { id: string }[]).map((n) => n.id)).toEqual(['harvester-node-0', 'harvester-node-2']);
  });

  it('moves an object\'s own type field to _type, as Steve does for Events', async() => {
    await t.send('POST', '/sim/objects', {
      apiVersion: 'v1', kind: 'Event', metadata: { name: 'x.1', namespace: 'default' }, type: 'Warning', reason: 'Test', involvedObject: { kind: 'Pod', name: 'x' }
    });
    const event = (await t.get('/k8s/clusters/c-harv1/v1/events/default/x.1')).body;

    expect(event).toMatchObject({
      type: 'event', _type: 'Warning', reason: 'Test'
    });
  });

  it('answers 409 on an update carrying a stale resourceVersion', async() => {
    const current = (await t.get(`${ SETTINGS }/ntp-servers`)).body;
    const first = await t.send('PUT', `${ SETTINGS }/ntp-servers`, { ...current, value: '{"ntpServers":["a.example"]}' });

    expect(first.status).toBe(200);
    const stale = await t.send('PUT', `${ SETTINGS }/ntp-servers`, { ...current, value: '{"ntpServers":["b.example"]}' });

    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'error', code: 'Conflict' });
  });

  it('lists schemas with collection links only for readable types', async() => {
    const limited = await t.login('limited', 'limited');
    const ids = ((await t.get('/k8s/clusters/c-harv1/v1/schemas', limited)).body.data as { id: string }[]).map((s) => s.id);

    expect(ids).toContain('harvesterhci.io.setting');
    expect(ids).not.toContain('pod');
    expect((await t.get('/k8s/clusters/c-harv1/v1/pods', limited)).status).toBe(403);
  });
});

describe('Steve websocket', () => {
  it('pushes resource.change to a standard watch and resource.changes to a mode watch', async() => {
    const socket = await openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', t.cookie);

    socket.ws.send(JSON.stringify({ resourceType: 'harvesterhci.io.setting' }));
    socket.ws.send(JSON.stringify({
      resourceType: 'harvesterhci.io.setting', mode: 'resource.changes', debounceMs: 10
    }));
    await socket.next((m) => m.name === 'resource.start' && m.mode === 'resource.changes');
    const current = (await t.get(`${ SETTINGS }/backup-target`)).body;

    await t.send('PUT', `${ SETTINGS }/backup-target`, { ...current, value: 'nfs://backup.local:/data' });
    const change = await socket.next((m) => m.name === 'resource.change');
    const changes = await socket.next((m) => m.name === 'resource.changes');

    expect((change.data as { id: string; value: string })).toMatchObject({ id: 'backup-target', value: 'nfs://backup.local:/data' });
    expect(changes).toMatchObject({
      resourceType: 'harvesterhci.io.setting', mode: 'resource.changes', data: {}
    });
    socket.ws.close();
  });

  it('replays changes made after the resourceVersion a watch starts from', async() => {
    const current = (await t.get(`${ SETTINGS }/ui-source`)).body as { metadata: { resourceVersion: string } };

    await t.send('PUT', `${ SETTINGS }/ui-source`, { ...current, value: 'bundled' });
    const socket = await openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', t.cookie);

    socket.ws.send(JSON.stringify({ resourceType: 'harvesterhci.io.setting', resourceVersion: current.metadata.resourceVersion }));
    const replayed = await socket.next((m) => m.name === 'resource.change' && (m.data as { id: string }).id === 'ui-source');

    expect((replayed.data as { value: string }).value).toBe('bundled');
    socket.ws.close();
  });

  it('refuses a websocket without a session', async() => {
    await expect(openSocket(t.url, '/v1/subscribe', '')).rejects.toThrow();
  });
});
