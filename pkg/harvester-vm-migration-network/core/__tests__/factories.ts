import { ClusterFacts, ClusterNetworkFact, FormState, NodeFact } from '../types';

/** An enabled form on cluster network vm-migration, VLAN 100, 192.168.1.0/24 excluding .1. */
export function createForm(overrides: Partial<FormState> = {}): FormState {
  return {
    enabled: true, clusterNetwork: 'vm-migration', vlan: '100', range: '192.168.1.0/24', exclude: ['192.168.1.1/32'], ...overrides
  };
}

export function createNodes(count: number, witnesses = 0): NodeFact[] {
  const nodes: NodeFact[] = [];

  for (let i = 0; i < count; i++) {
    nodes.push({
      name: `node-${ i }`, witness: false, hasWitnessLabel: false, schedulable: true, ready: true
    });
  }
  for (let i = 0; i < witnesses; i++) {
    nodes.push({
      name: `witness-${ i }`, witness: true, hasWitnessLabel: true, schedulable: true, ready: true
    });
  }

  return nodes;
}

/** A ready cluster network spanning every non-witness node. */
export function createClusterNetwork(name: string, nodes: NodeFact[]): ClusterNetworkFact {
  const workers = nodes.filter((n) => !n.witness).map((n) => n.name);

  return {
    name,
    ready:        true,
    vlanStatuses: workers.map((node) => ({
      name: `${ name }-${ node }`, node, ready: 'True'
    })),
    vlanConfigs: [{ name: `${ name }-vc`, matchedNodes: workers }],
  };
}

/** Every fact known: n nodes, cluster network vm-migration everywhere, no peers, no migrations. */
export function createFacts(nodeCount = 3, overrides: Partial<ClusterFacts> = {}): ClusterFacts {
  const nodes = createNodes(nodeCount);

  return {
    nodes,
    clusterNetworks:      [createClusterNetwork('vm-migration', nodes)],
    peers:                {},
    migrationsInProgress: [],
    ...overrides,
  };
}
