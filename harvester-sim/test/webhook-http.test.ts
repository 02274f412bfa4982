import {
  afterAll, beforeAll, beforeEach, describe, expect, it
} from 'vitest';
import { startSim, TestSim } from './helpers';

// Black-box: Harvester's setting webhook as the UI meets it through Rancher (Steve PUT and the Kubernetes
// API path with dryRun=All). Messages are the webhook's exact texts.
const STEVE = '/k8s/clusters/c-harv1/v1/harvesterhci.io.settings/vm-migration-network';
const KUBE = '/k8s/clusters/c-harv1/apis/harvesterhci.io/v1beta1/settings/vm-migration-network';
const PREFIX = 'admission webhook "validator.harvesterhci.io" denied the request: ';

let t: TestSim;

beforeAll(async() => {
  t = await startSim();
});
beforeEach(() => {
  t.sim.reset({ scenario: 'default' });
});
afterAll(async() => {
  await t.close();
});

async function put(value: string, path = STEVE): Promise<{ status: number; body: Record<string, unknown> }> {
  const current = (await t.get(STEVE)).body;

  return t.send('PUT', path, path === STEVE ? { ...current, value } : {
    apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: current.metadata, value
  });
}

const net = (fields: Record<string, unknown>) => JSON.stringify({
  clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', exclude: [], ...fields
});

describe('vm-migration-network webhook through Steve', () => {
  it('accepts the Harvester docs example and the empty value', async() => {
    expect((await put(net({ exclude: ['192.168.1.1/32'] }))).status).toBe(200);
    expect((await put(''))).toMatchObject({ status: 200 });
  });

  it.each([
    ['W4 vlan above 4094', net({ vlan: 4095 }), 'the valid value range for VLAN IDs is 0 to 4094'],
    ['W5 untagged on mgmt', net({ clusterNetwork: 'mgmt', vlan: 1 }), 'network with vlan id 1 not allowed on mgmt cluster'],
    ['W6 empty range', net({ range: '' }), 'invalid CIDR address: '],
    ['W7 host bits set', net({ range: '192.168.1.5/24' }), 'range should be subnet CIDR 192.168.1.0/24'],
    ['W9 prefix shorter than /16', net({ range: '10.0.0.0/15' }), 'min supported prefix length for network is 16, include Range PrefixLen received 15'],
    ['W10 bare IP exclude', net({ exclude: ['192.168.1.5'] }), 'invalid CIDR address: 192.168.1.5'],
    ['W11 exclude prefix shorter than /16', net({ exclude: ['192.0.0.0/8'] }), 'min supported prefix length for network is 16, exclude Range PrefixLen received 8'],
    ['W12 exclude outside the range', net({ exclude: ['10.0.0.0/24'] }), 'exclude range 10.0.0.0/24 do not overlap include range 192.168.1.0/24'],
    ['W13 exclude covering the range', net({ exclude: ['192.168.1.0/24'] }), 'exclude Range 192.168.1.0/24 includes include Range 192.168.1.0/24, no allocatable ip addresses'],
    ['W14 consecutive excludes overlapping', net({ exclude: ['192.168.1.0/30', '192.168.1.2/31'] }), 'exclude ranges have overlapping subnets 192.168.1.2/31 192.168.1.0/30'],
    ['W15 unknown cluster network', net({ clusterNetwork: 'nope' }), 'cluster network nope not found because clusternetworks.network.harvesterhci.io "nope" not found'],
    ['W21 too few IPs for 3 nodes', net({ range: '192.168.1.0/30' }), 'allocatable IP address range is < 3, allocate sufficient range'],
  ])('%s', async(_rule, value, message) => {
    const res = await put(value);

    expect(res.status).toBe(422);
    expect(res.body.message).toBe(`${ PREFIX }${ message }`);
  });

  it('an IPv6 range on a v1.8 cluster: the webhook never answers, so the apiserver fails the write (500)', async() => {
    const res = await put(net({ range: 'fd00::/64' }));

    expect(res.status).toBe(500);
    expect(res.body.message).toBe('Internal error occurred: failed calling webhook "validator.harvesterhci.io": failed to call webhook: Post "https://harvester-webhook.harvester-system.svc:443/v1/webhook/validation?timeout=10s": context deadline exceeded');
  });

  it('W3 rejects a VLAN written as a string with Go\'s unmarshal message', async() => {
    const value = '{"clusterNetwork":"vm-migration","vlan":"100","range":"192.168.1.0/24"}';
    const res = await put(value);

    expect(res.status).toBe(422);
    expect(res.body.message).toBe(`${ PREFIX }failed to unmarshal the setting value ${ value }, json: cannot unmarshal string into Go struct field Config.vlan of type uint16`);
  });

  it('ignores unknown keys and matches keys case-insensitively, as Go does', async() => {
    expect((await put('{"ClusterNetwork":"vm-migration","VLAN":100,"Range":"192.168.1.0/24","colour":"blue"}')).status).toBe(200);
  });

  it('W22 refuses a range that overlaps the storage network', async() => {
    const storage = (await t.get('/k8s/clusters/c-harv1/v1/harvesterhci.io.settings/storage-network')).body;

    await t.send('POST', '/sim/objects', { ...storage, value: '{"vlan":10,"clusterNetwork":"vm-migration","range":"192.168.1.0/24","exclude":[]}' });
    const res = await put(net({}));

    expect(res.status).toBe(422);
    expect(res.body.message).toBe(`${ PREFIX }vm-migration-network: the network configuration is overlapped with storage-network`);
  });

  it('W2 refuses to delete the setting', async() => {
    const res = await t.send('DELETE', STEVE, undefined);

    expect(res.status).toBe(405);
    expect(res.body.message).toBe(`${ PREFIX }Disallow delete setting name vm-migration-network`);
  });
});

describe('the Kubernetes API path with dryRun=All', () => {
  it('runs the webhook and stores nothing', async() => {
    const before = (await t.get(STEVE)).body as { value: string; metadata: { resourceVersion: string } };
    const ok = await put(net({}), `${ KUBE }?dryRun=All`);
    const denied = await put(net({ vlan: 5000 }), `${ KUBE }?dryRun=All`);
    const after = (await t.get(STEVE)).body as { value: string; metadata: { resourceVersion: string } };

    expect(ok.status).toBe(200);
    expect(denied).toMatchObject({
      status: 422,
      body:   {
        kind: 'Status', reason: 'Invalid', message: `${ PREFIX }the valid value range for VLAN IDs is 0 to 4094`
      }
    });
    expect(after.value).toBe(before.value);
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('answers 409 to a stale resourceVersion', async() => {
    const current = (await t.get(STEVE)).body as { metadata: Record<string, unknown> };

    await put(net({}));
    const res = await t.send('PUT', `${ KUBE }?dryRun=All`, {
      apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: current.metadata, value: ''
    });

    expect(res.status).toBe(409);
  });
});
