import { afterEach, describe, expect, it } from 'vitest';
import { HarvesterSim, installHarvester } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { K8sObject } from '../../src/types';
import {
  atVersion, clusterStore, condition, handlers, saveValue, setting
} from './fixtures';

let sim: HarvesterSim | undefined;

afterEach(() => sim?.stop());

const DUAL = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"],"rangeV6":"fd00:10::/120","rangeV6Start":"fd00:10::10","rangeV6End":"fd00:10::20"}';

function start(version: string) {
  const store = atVersion(clusterStore(), version);

  sim = installHarvester(store, { stepMs: 0 });

  return store;
}

const migrationIps = (pod: K8sObject) => (JSON.parse(pod.metadata.annotations?.['k8s.v1.cni.cncf.io/network-status'] ?? '[]') as { interface?: string; ips?: string[] }[])
  .find((s) => s.interface === 'migration0')?.ips;

describe('dual stack on v1.10: the controller and the node side', () => {
  it('writes the NAD with ipRanges, and every virt-handler gets one address of each family, IPv4 first', async() => {
    const store = start('v1.10.0');

    saveValue(store, DUAL);
    await sim?.idle();
    expect((store.list(T.nad)[0].spec as { config: string }).config).toBe('{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","ipRanges":[{"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]},{"range":"fd00:10::/120","range_start":"fd00:10::10","range_end":"fd00:10::20"}]}}');
    expect(condition(setting(store), 'configured')?.status).toBe('True');
    const ips = handlers(store).map(migrationIps);

    expect(ips).toHaveLength(3);
    expect(ips.map((pair) => pair?.[0])).toStrictEqual(['192.168.1.2', '192.168.1.3', '192.168.1.4']);
    expect(ips.map((pair) => pair?.[1]).sort()).toStrictEqual(['fd00:10::10', 'fd00:10::11', 'fd00:10::12']);
    expect(store.get(T.ipPool, 'kube-system/fd00-10---120')).toBeDefined();
  });

  it('the same value on v1.9 is single stack: the IPv6 keys are not fields there', async() => {
    const store = start('v1.9.0');

    saveValue(store, DUAL);
    await sim?.idle();
    expect((store.list(T.nad)[0].spec as { config: string }).config).toContain('"ipam":{"type":"whereabouts","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}');
    expect(handlers(store).map((p) => migrationIps(p)?.length)).toStrictEqual([1, 1, 1]);
  });

  it('a window too small for the nodes leaves a virt-handler without addresses, with whereabouts\' error', async() => {
    const store = start('v1.10.0');

    saveValue(store, DUAL.replace('fd00:10::20', 'fd00:10::11'));
    await sim?.idle();
    const stuck = handlers(store).filter((p) => !migrationIps(p));

    expect(stuck).toHaveLength(1);
    const v4Pool = store.get(T.ipPool, 'kube-system/192.168.1.0-24')?.spec as { allocations: Record<string, unknown> };

    // The stuck pod's IPv4 address was handed back when its IPv6 one could not be found.
    expect(Object.keys(v4Pool.allocations)).toHaveLength(2);
  });
});
