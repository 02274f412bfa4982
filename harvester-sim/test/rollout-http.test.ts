import {
  afterAll, beforeAll, beforeEach, describe, expect, it
} from 'vitest';
import { openSocket, startSim, TestSim } from './helpers';

// Black-box: saving the setting through Steve rolls the network out, visible through the API and the websocket.
const API = '/k8s/clusters/c-harv1/v1';
const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

interface Obj { metadata: { name: string; annotations?: Record<string, string> }; [key: string]: unknown }

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

async function setValue(value: string) {
  const current = (await t.get(`${ API }/harvesterhci.io.settings/vm-migration-network`)).body;

  return t.send('PUT', `${ API }/harvesterhci.io.settings/vm-migration-network`, { ...current, value });
}

async function settle() {
  await t.sim.cluster('c-harv1')?.behaviour?.idle?.();
}

async function kubeVirtReady(): Promise<boolean> {
  const kubevirt = (await t.get(`${ API }/kubevirt.io.kubevirts/harvester-system/kubevirt`)).body as { status: { conditions: { type: string; status: string; reason: string }[] } };
  const available = kubevirt.status.conditions.find((c) => c.type === 'Available');

  return available?.status === 'True' && available.reason === 'AllComponentsReady';
}

function migrationIps(pods: Obj[]): string[] {
  return pods.flatMap((pod) => {
    const status = JSON.parse(pod.metadata.annotations?.['k8s.v1.cni.cncf.io/network-status'] ?? '[]') as { interface?: string; ips?: string[] }[];

    return status.filter((s) => s.interface === 'migration0').flatMap((s) => s.ips ?? []);
  });
}

describe('rollout through the API', () => {
  it('configures, creates the NAD, rolls every virt-handler onto a distinct in-range IP, then disables cleanly', async() => {
    const socket = await openSocket(t.url, `${ API }/subscribe`, t.cookie);

    socket.ws.send(JSON.stringify({ resourceType: 'pod' }));
    expect((await setValue(VALUE)).status).toBe(200);
    await settle();
    const setting = (await t.get(`${ API }/harvesterhci.io.settings/vm-migration-network`)).body as Obj & { status: { conditions: { type: string; status: string }[] } };

    expect(setting.metadata.annotations?.['vm-migration-network.settings.harvesterhci.io/hash']).toBe('8c1ea792c2687e9c20718d6a2505514fb53e7d91');
    expect(setting.status.conditions.find((c) => c.type === 'configured')?.status).toBe('True');
    const nads = (await t.get(`${ API }/k8s.cni.cncf.io.networkattachmentdefinitions`)).body.data as (Obj & { spec: { config: string } })[];

    expect(nads).toHaveLength(1);
    expect(nads[0].spec.config).toBe('{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}}');
    const pods = (await t.get(`${ API }/pods`)).body.data as Obj[];
    const ips = migrationIps(pods);

    expect(ips).toHaveLength(3);
    expect(new Set(ips).size).toBe(3);
    expect(ips.every((ip) => /^192\.168\.1\.(\d+)$/.test(ip) && ip !== '192.168.1.1')).toBe(true);
    const kubevirt = (await t.get(`${ API }/kubevirt.io.kubevirts/harvester-system/kubevirt`)).body as { status: { conditions: { type: string; status: string; reason: string }[] } };

    expect(kubevirt.status.conditions.find((c) => c.type === 'Available')).toMatchObject({ status: 'True', reason: 'AllComponentsReady' });
    expect(socket.messages.some((m) => ['resource.create', 'resource.change'].includes(String(m.name)) && migrationIps([m.data as Obj]).length === 1)).toBe(true);

    expect((await setValue('')).status).toBe(200);
    await settle();
    expect((await t.get(`${ API }/k8s.cni.cncf.io.networkattachmentdefinitions`)).body.data).toEqual([]);
    expect(migrationIps((await t.get(`${ API }/pods`)).body.data as Obj[])).toEqual([]);
    const pools = (await t.get(`${ API }/whereabouts.cni.cncf.io.ippools`)).body.data as { spec: { allocations?: Record<string, unknown> } }[];

    expect(pools.every((p) => Object.keys(p.spec.allocations ?? {}).length === 0)).toBe(true);
    socket.ws.close();
  });

  it('refuses the migrate action while KubeVirt is rolling out, then migrates over the network', async() => {
    const behaviour = t.sim.cluster('c-harv1')?.behaviour;

    behaviour?.setStepMs?.(20);
    await setValue(VALUE);
    for (let i = 0; i < 200 && await kubeVirtReady(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const refused = await t.send('POST', `${ API }/kubevirt.io.virtualmachines/default/vm-01?action=migrate`, {});

    expect(refused.status).toBe(500);
    expect(refused.body.text).toBe('KubeVirt is not ready');
    await settle();
    behaviour?.setStepMs?.(1);
    expect((await t.send('POST', `${ API }/kubevirt.io.virtualmachines/default/vm-01?action=migrate`, {})).status).toBe(204);
    await settle();
    const vmi = (await t.get(`${ API }/kubevirt.io.virtualmachineinstances/default/vm-01`)).body as { status: { migrationState: { targetNodeAddress: string; completed: boolean } } };

    expect(vmi.status.migrationState.completed).toBe(true);
    expect(vmi.status.migrationState.targetNodeAddress).toMatch(/^192\.168\.1\./);
  });
});

describe('RBAC and fault injection', () => {
  it('denies writes to the viewer and pods to the limited user', async() => {
    const viewer = await t.login('viewer', 'viewer');
    const current = (await t.get(`${ API }/harvesterhci.io.settings/vm-migration-network`, viewer)).body;

    expect((current.links as Record<string, string>).update).toBeUndefined();
    expect((await t.send('PUT', `${ API }/harvesterhci.io.settings/vm-migration-network`, { ...current, value: VALUE }, viewer)).status).toBe(403);
    const limited = await t.login('limited', 'limited');

    expect((await t.get(`${ API }/nodes`, limited)).status).toBe(403);
    expect((await t.get(`${ API }/harvesterhci.io.settings`, limited)).status).toBe(200);
  });

  it('fails the next N requests on a path with the injected status', async() => {
    await t.send('POST', '/sim/faults', {
      path: `${ API }/nodes`, count: 2, status: 503
    });
    expect((await t.get(`${ API }/nodes`)).status).toBe(503);
    expect((await t.get(`${ API }/nodes`)).status).toBe(503);
    expect((await t.get(`${ API }/nodes`)).status).toBe(200);
  });
});

describe('Harvester\'s migrate action on its own API', () => {
  const HARV2 = '/k8s/clusters/c-harv2/v1';
  const actionsOf = async(path: string, user?: string) => ((await t.get(path, user)).body as { actions?: Record<string, string> }).actions ?? {};

  it('links migrate on a VM it would migrate, for a user who may update VMs, on /v1/harvester only', async() => {
    t.sim.reset({ fleet: 'default' });
    const viewer = await t.login('viewer', 'viewer');

    expect(Object.keys(await actionsOf(`${ HARV2 }/harvester/kubevirt.io.virtualmachines/default/vm-01`))).toEqual(['migrate', 'findMigratableNodes']);
    const nodes = await t.send('POST', `${ HARV2 }/harvester/kubevirt.io.virtualmachines/default/vm-01?action=findMigratableNodes`, {});

    expect(nodes.body).toEqual({ nodes: ['harvester-node-1', 'harvester-node-2'] });
    expect(await actionsOf(`${ HARV2 }/harvester/kubevirt.io.virtualmachines/default/vm-gpu`)).toEqual({});
    expect(await actionsOf(`${ HARV2 }/harvester/kubevirt.io.virtualmachines/default/vm-01`, viewer)).toEqual({});
    expect(await actionsOf(`${ HARV2 }/kubevirt.io.virtualmachines/default/vm-01`)).toEqual({});
    const refused = await t.send('POST', `${ HARV2 }/harvester/kubevirt.io.virtualmachines/default/vm-local?action=migrate`, {});

    expect([refused.status, refused.body.text]).toEqual([500, 'VM default/vm-local is not live migratable as the condition reported with reason: DisksNotLiveMigratable']);
  });
});
