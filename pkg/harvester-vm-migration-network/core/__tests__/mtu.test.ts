import { describe, expect, it } from 'vitest';
import {
  buildClusterFacts, buildHealth, healthInputFrom, mtuGroups, validateForm
} from '../index';
import type { VlanConfig } from '../index';
import { createFacts } from './factories';
import { createClusterNetwork, createPod, createVlanConfig } from './k8s-factories';
import { sources, value } from './health-page-fixtures';

/** A VlanConfig of vm-migration covering `nodes` with the uplink MTU `mtu` (undefined: not written). */
function vc(name: string, nodes: string[], mtu?: number): VlanConfig {
  const config = createVlanConfig('vm-migration', JSON.stringify(nodes));

  return {
    ...config, metadata: { ...config.metadata, name }, spec: { clusterNetwork: 'vm-migration', uplink: { linkAttributes: mtu === undefined ? {} : { mtu } } }
  };
}

const BASE = createFacts(3);
/** Every fact of a healthy 3-node cluster, vm-migration's VlanConfigs replaced by `configs`. */
const withConfigs = (configs: VlanConfig[]) => ({
  ...BASE,
  clusterNetworks: BASE.clusterNetworks!.map((cn) => (cn.name === 'vm-migration' ? { ...cn, vlanConfigs: factsOf(configs).clusterNetworks![0].vlanConfigs } : cn)),
});
const factsOf = (configs: VlanConfig[]) => buildClusterFacts({
  clusterNetworks: [createClusterNetwork('vm-migration')], vlanStatuses: [], vlanConfigs: configs
});
const FORM = {
  enabled: true, clusterNetwork: 'vm-migration', vlan: '100', range: '192.168.1.0/24', exclude: []
};

describe('the MTU of the migration network', () => {
  it('reads each node\'s MTU from the VlanConfig covering it; 0 or absent is 1500', () => {
    const cn = factsOf([vc('jumbo', ['node-0', 'node-1'], 9000), vc('zero', ['node-2'], 0), vc('unset', ['node-3'])]).clusterNetworks![0];

    // As many nodes on each: the larger MTU leads (the smaller group is the odd one out).
    expect(mtuGroups(cn)).toStrictEqual([{ mtu: 9000, nodes: ['node-0', 'node-1'] }, { mtu: 1500, nodes: ['node-2', 'node-3'] }]);
  });

  it('warns in the editor when nodes would use different MTUs, naming them', () => {
    const facts = withConfigs([vc('a', ['node-0', 'node-1'], 9000), vc('b', ['node-2'], 1500)]);
    const mixed = validateForm(FORM, facts).problems.find((p) => p.code === 'CLUSTER_NETWORK_MTU_MIXED');

    expect(mixed?.args).toStrictEqual({ clusterNetwork: 'vm-migration', mtus: '9000 (node-0, node-1); 1500 (node-2)' });
    expect(mixed?.severity).toBe('warning');
  });

  it('says nothing when every node agrees', () => {
    expect(validateForm(FORM, withConfigs([vc('a', ['node-0', 'node-1', 'node-2'], 9000)])).problems).toStrictEqual([]);
  });

  it('shows each node\'s MTU on the health page and flags the odd one out', () => {
    const src = sources({
      clusterNetworks: [createClusterNetwork('vm-migration')], vlanStatuses: [], vlanConfigs: [vc('a', ['node-1'], 9000), vc('b', ['node-2'], 9000), vc('c', ['node-3'], 1500)],
    });
    const rows = buildHealth(healthInputFrom({
      ...src, nodes: [...src.nodes!, { metadata: { name: 'node-3' } }], pods: [...src.pods!, createPod('virt-handler-c', 'node-3', '192.168.1.4')]
    }, value)).rows;

    expect(rows.map((r) => [r.node, r.mtu, r.flags.includes('mtuMismatch')])).toStrictEqual([['node-1', 9000, false], ['node-2', 9000, false], ['node-3', 1500, true]]);
  });

  it('an odd MTU does not hold the rollout up', () => {
    const src = sources({
      clusterNetworks: [createClusterNetwork('vm-migration')], vlanStatuses: [], vlanConfigs: [vc('a', ['node-1'], 9000), vc('b', ['node-2'], 1500)]
    });
    const report = buildHealth(healthInputFrom(src, value));

    expect(report.rows.some((r) => r.flags.includes('mtuMismatch'))).toBe(true);
    expect(report.rollout.healthyPods).toBe(2);
  });
});
