import {
  afterAll, beforeAll, beforeEach, describe, expect, it
} from 'vitest';
import { openSocket, startSim, TestSim } from './helpers';

// Black-box: several Harvester clusters behind one Rancher, each with its own state, paths, control and access.
const SETTING = (cluster: string, path = 'v1') => `/k8s/clusters/${ cluster }/${ path }/harvesterhci.io.settings/kubevirt-migration`;

interface Condition { type: string; status: string; reason?: string }
interface MgmtCluster { id: string; spec: { displayName: string }; metadata: { labels: Record<string, string>; state: { name: string } }; status: { provider: string; nodeCount: number; conditions: Condition[] } }

let t: TestSim;

beforeAll(async() => {
  t = await startSim();
});
beforeEach(async() => {
  await t.send('POST', '/sim/reset', {});
});
afterAll(async() => {
  await t.close();
});

async function mgmtClusters(cookie = t.cookie): Promise<MgmtCluster[]> {
  return (await t.get('/v1/management.cattle.io.clusters', cookie)).body.data as MgmtCluster[];
}

const condition = (c: MgmtCluster | undefined, type: string) => c?.status.conditions.find((x) => x.type === type)?.status;

describe('clusters of the default fleet', () => {
  it('are generated as management clusters from the registry', async() => {
    const clusters = await mgmtClusters();

    expect(clusters.map((c) => c.id).sort()).toEqual(['c-harv1', 'c-harv2', 'c-harv3', 'local']);
    const harv2 = clusters.find((c) => c.id === 'c-harv2');

    expect(harv2).toMatchObject({
      spec: { displayName: 'harv2' }, metadata: { labels: { 'provider.cattle.io': 'harvester' } }, status: { provider: 'harvester', nodeCount: 3 }
    });
    expect([condition(harv2, 'Ready'), condition(harv2, 'Connected')]).toEqual(['True', 'True']);
    const version = (await t.get('/k8s/clusters/c-harv3/v1/harvesterhci.io.settings/server-version')).body;

    expect(version.value).toBe('v1.8.0');
  });

  it('keep independent state: a write to c-harv2 does not show in c-harv1', async() => {
    const current = (await t.get(SETTING('c-harv2'))).body;

    expect((await t.send('PUT', SETTING('c-harv2'), { ...current, value: 'nfs://harv2:/backups' })).status).toBe(200);
    expect((await t.get(SETTING('c-harv2'))).body.value).toBe('nfs://harv2:/backups');
    expect((await t.get(SETTING('c-harv1'))).body.value).not.toBe('nfs://harv2:/backups');
  });

  it('c-harv2 is configured and every node holds a migration IP once the controller idles', async() => {
    await t.send('POST', '/sim/idle?cluster=c-harv2', {});
    const setting = (await t.get('/k8s/clusters/c-harv2/v1/harvesterhci.io.settings/vm-migration-network')).body as { status: { conditions: Condition[] } };
    const pods = (await t.get('/k8s/clusters/c-harv2/v1/pods')).body.data as { metadata: { annotations: Record<string, string> } }[];
    const ips = pods.map((p) => (JSON.parse(p.metadata.annotations['k8s.v1.cni.cncf.io/network-status']) as { interface?: string; ips: string[] }[]).find((s) => s.interface === 'migration0')?.ips[0]);

    expect(setting.status.conditions.find((c) => c.type === 'configured')?.status).toBe('True');
    expect(ips).toHaveLength(3);
    expect(ips.every((ip) => /^192\.168\.1\.\d+$/.test(ip ?? ''))).toBe(true);
  });

  it('c-harv3 has one node stuck without a migration IP, with a FailedCreatePodSandBox event', async() => {
    await t.send('POST', '/sim/idle?cluster=c-harv3', {});
    const pods = (await t.get('/k8s/clusters/c-harv3/v1/pods')).body.data as { spec: { nodeName: string }; status: { phase: string; podIP?: string } }[];
    const stuck = pods.filter((p) => p.status.phase === 'Pending');
    const events = (await t.get('/k8s/clusters/c-harv3/v1/events')).body.data as { reason: string; message: string }[];

    expect(stuck.map((p) => [p.spec.nodeName, p.status.podIP])).toEqual([['harvester-node-5', undefined]]);
    expect(events.some((e) => e.reason === 'FailedCreatePodSandBox' && e.message.includes('Could not allocate IP in range'))).toBe(true);
  });
});

describe('Harvester\'s own API path', () => {
  it('serves the same resources, schemas and links under /v1/harvester', async() => {
    const list = (await t.get('/k8s/clusters/c-harv2/v1/harvester/harvesterhci.io.settings')).body;
    const schemas = (await t.get('/k8s/clusters/c-harv2/v1/harvester/schemas')).body.data as { id: string; links: { self: string } }[];
    const one = (await t.get(SETTING('c-harv2', 'v1/harvester'))).body as { links: { self: string } };

    expect(list.count).toBe((await t.get('/k8s/clusters/c-harv2/v1/harvesterhci.io.settings')).body.count);
    expect(schemas.find((s) => s.id === 'harvesterhci.io.setting')?.links.self).toBe(`${ t.url }/k8s/clusters/c-harv2/v1/harvester/schemas/harvesterhci.io.setting`);
    expect(one.links.self).toBe(`${ t.url }${ SETTING('c-harv2', 'v1/harvester') }`);
  });

  it('pushes changes on /v1/harvester/subscribe', async() => {
    const socket = await openSocket(t.url, '/k8s/clusters/c-harv2/v1/harvester/subscribe', t.cookie);

    socket.ws.send(JSON.stringify({ resourceType: 'harvesterhci.io.setting' }));
    await socket.next((m) => m.name === 'resource.start');
    const current = (await t.get(SETTING('c-harv2'))).body;

    await t.send('PUT', SETTING('c-harv2'), { ...current, value: 'nfs://ws:/x' });
    const change = await socket.next((m) => m.name === 'resource.change');

    expect(change.data).toMatchObject({
      id: 'kubevirt-migration', value: 'nfs://ws:/x', links: { self: `${ t.url }${ SETTING('c-harv2', 'v1/harvester') }` }
    });
    socket.ws.close();
  });
});

describe('control with ?cluster=', () => {
  it('writes, reads and adds nodes in the named cluster, c-harv1 by default', async() => {
    const setting = (await t.get('/sim/objects/harvesterhci.io.setting/kubevirt-migration?cluster=c-harv3')).body;

    await t.send('PUT', '/sim/objects?cluster=c-harv3', { ...setting, value: 'nfs://control:/x' });
    expect((await t.get(SETTING('c-harv3'))).body.value).toBe('nfs://control:/x');
    expect((await t.get('/sim/objects/harvesterhci.io.setting/kubevirt-migration')).body.value).not.toBe('nfs://control:/x');
    await t.send('POST', '/sim/nodes?cluster=c-harv2', { name: 'harvester-node-9' });
    expect((await mgmtClusters()).find((c) => c.id === 'c-harv2')?.status.nodeCount).toBe(4);
    expect((await t.get('/sim/state')).body).toMatchObject({ cluster: 'c-harv1', scenario: 'default' });
  });

  it('resets with a scenario into c-harv1 (or the named cluster) and keeps the rest of the fleet', async() => {
    expect((await t.send('POST', '/sim/reset', { scenario: 'witness' })).body).toMatchObject({ fleet: 'default', scenario: 'witness' });
    expect((await t.get('/sim/clusters')).body.clusters).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'c-harv1', scenario: 'witness' }), expect.objectContaining({ id: 'c-harv2', scenario: 'migration-network-enabled' })]));
    expect((await t.send('POST', '/sim/reset?cluster=c-harv2', { scenario: 'node-not-ready' })).body).toMatchObject({ scenario: 'node-not-ready' });
    expect((await t.send('POST', '/sim/reset', { scenario: 'no-such-scenario' })).status).toBe(500);
    expect((await t.get('/sim/clusters')).body.clusters).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'c-harv2', scenario: 'node-not-ready' })]));
  });

  it('drops the websockets of one cluster only', async() => {
    const harv1 = await openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', t.cookie);
    const harv2 = await openSocket(t.url, '/k8s/clusters/c-harv2/v1/subscribe', t.cookie);

    expect((await t.send('POST', '/sim/websockets/drop?cluster=c-harv2', {})).body.dropped).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => harv2.ws.once('close', resolve));
    expect(harv1.ws.readyState).toBe(harv1.ws.OPEN);
    harv1.ws.close();
  });
});

describe('a disconnected cluster', () => {
  it('answers 503 with Connected False on its management cluster, and comes back', async() => {
    expect((await t.send('POST', '/sim/clusters/c-harv3/connected', { connected: false })).body).toMatchObject({ id: 'c-harv3', connected: false });
    const res = await t.get('/k8s/clusters/c-harv3/v1/harvesterhci.io.settings');

    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ type: 'error', status: 503 });
    expect((await t.get('/k8s/clusters/c-harv3/v1/harvester/schemas')).status).toBe(503);
    await expect(openSocket(t.url, '/k8s/clusters/c-harv3/v1/subscribe', t.cookie)).rejects.toThrow();
    const harv3 = (await mgmtClusters()).find((c) => c.id === 'c-harv3');

    expect([condition(harv3, 'Connected'), condition(harv3, 'Ready')]).toEqual(['False', 'False']);
    expect(harv3?.metadata.state.name).toBe('unavailable');
    await t.send('POST', '/sim/clusters/c-harv3/connected', { connected: true });
    expect((await t.get('/k8s/clusters/c-harv3/v1/harvesterhci.io.settings')).status).toBe(200);
    expect(condition((await mgmtClusters()).find((c) => c.id === 'c-harv3'), 'Connected')).toBe('True');
  });
});

describe('the operator user', () => {
  it('sees only c-harv2, with admin rights there, and 403 elsewhere', async() => {
    const operator = await t.login('operator', 'operator');

    expect((await mgmtClusters(operator)).map((c) => c.id)).toEqual(['c-harv2']);
    expect((await t.get('/v1/management.cattle.io.clusters/c-harv1', operator)).status).toBe(404);
    const current = (await t.get(SETTING('c-harv2'), operator)).body;

    expect((await t.send('PUT', SETTING('c-harv2'), { ...current, value: 'nfs://operator:/x' }, operator)).status).toBe(200);
    expect((await t.get(SETTING('c-harv1'), operator)).status).toBe(403);
    expect((await t.get('/k8s/clusters/c-harv3/v1/harvester/pods', operator)).status).toBe(403);
    await expect(openSocket(t.url, '/k8s/clusters/c-harv1/v1/subscribe', operator)).rejects.toThrow();
  });

  it('leaves the limited user\'s rules the same on every Harvester cluster', async() => {
    const limited = await t.login('limited', 'limited');

    expect((await t.get('/k8s/clusters/c-harv2/v1/pods', limited)).status).toBe(403);
    expect((await t.get('/k8s/clusters/c-harv3/v1/harvesterhci.io.settings', limited)).status).toBe(200);
  });
});

describe('a start-up scenario', () => {
  it('goes into c-harv1, the rest of the default fleet as usual, and is what a reset returns to', async() => {
    const sim = await startSim('witness');
    const scenarios = async() => Object.fromEntries(((await sim.get('/sim/clusters')).body.clusters as { id: string; scenario?: string }[]).map((c) => [c.id, c.scenario]));

    expect(await scenarios()).toMatchObject({
      'c-harv1': 'witness', 'c-harv2': 'migration-network-enabled', 'c-harv3': 'range-exhausted'
    });
    await sim.send('POST', '/sim/reset?cluster=c-harv3', { scenario: 'default' });
    expect(await scenarios()).toMatchObject({ 'c-harv1': 'witness', 'c-harv3': 'default' });
    await sim.send('POST', '/sim/reset', {});
    expect(await scenarios()).toMatchObject({ 'c-harv1': 'witness', 'c-harv3': 'range-exhausted' });
    await sim.send('POST', '/sim/reset', { fleet: 'default' });
    expect((await scenarios())['c-harv1']).toBe('default');
    await sim.close();
  });
});

describe('fleet-50', () => {
  it('loads 50 Harvester clusters, some with 1,000 nodes and some disconnected, in reasonable time', async() => {
    const started = Date.now();
    const sim = await startSim(undefined, 1, { fleet: 'fleet-50' });
    const elapsed = Date.now() - started;

    // eslint-disable-next-line no-console
    console.log(`fleet-50 loaded in ${ elapsed } ms`);
    const clusters = (await sim.get('/v1/management.cattle.io.clusters')).body.data as MgmtCluster[];
    const harvester = clusters.filter((c) => c.status.provider === 'harvester');

    expect(harvester).toHaveLength(50);
    expect(harvester.filter((c) => c.status.nodeCount === 1000)).toHaveLength(3);
    expect(harvester.filter((c) => condition(c, 'Connected') === 'False').length).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(20_000);
    await sim.close();
  }, 30_000);
});

describe('fleet-1000', () => {
  it('loads 1,000 Harvester clusters about as fast as fleet-50, with clusters that hang or fail behind a connected agent', async() => {
    const started = Date.now();
    const sim = await startSim(undefined, 1, { fleet: 'fleet-1000' });
    const elapsed = Date.now() - started;

    // eslint-disable-next-line no-console
    console.log(`fleet-1000 loaded in ${ elapsed } ms`);
    const clusters = (await sim.get('/v1/management.cattle.io.clusters')).body.data as MgmtCluster[];
    const harvester = clusters.filter((c) => c.status.provider === 'harvester');

    expect(harvester).toHaveLength(1000);
    expect(harvester.filter((c) => condition(c, 'Connected') === 'False')).toHaveLength(20);
    expect(elapsed).toBeLessThan(10_000);
    const failing = await sim.get('/k8s/clusters/c-harv991/v1/harvesterhci.io.settings');

    expect(failing.status).toBe(502);
    const hanging = await Promise.race([
      sim.get('/k8s/clusters/c-harv981/v1/harvesterhci.io.settings').then(() => 'answered', () => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1_000)),
    ]);

    expect(hanging).toBe('still waiting');
    expect((await sim.get('/k8s/clusters/c-harv4/v1/harvesterhci.io.settings')).status).toBe(200);
    await sim.close();
  }, 30_000);
});
