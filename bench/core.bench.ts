/**
 * Benchmark of the migration-network core (printed figures, not a timed test):
 * 1. full validation of a /16 range with 1,000 excludes and 1,000 nodes — interval arithmetic vs the enumerating
 *    reference (Harvester's webhook algorithm), same run, median of several;
 * 2. health rows for 1,000 nodes.
 * Run: npx tsx bench/core.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { buildClusterFacts } from '../pkg/harvester-vm-migration-network/core/facts';
import { clearCidrMemo } from '../pkg/harvester-vm-migration-network/core/cidr';
import { buildHealth } from '../pkg/harvester-vm-migration-network/core/health/report';
import { clearHealthMemo } from '../pkg/harvester-vm-migration-network/core/health/nodes';
import { HealthInput } from '../pkg/harvester-vm-migration-network/core/health/inputs';
import { Node, Pod } from '../pkg/harvester-vm-migration-network/core/k8s-types';
import { FormState } from '../pkg/harvester-vm-migration-network/core/types';
import { validateForm } from '../pkg/harvester-vm-migration-network/core/validate';
import { enumerateUsable, referenceWebhook } from '../pkg/harvester-vm-migration-network/core/__tests__/webhook-reference';

/** Printed figures are the point of this script. */
const print = (line: string) => process.stdout.write(`${ line }\n`);

const NODES = 1000;
const EXCLUDES = 1000;

function median(samples: number[]): number {
  const sorted = samples.slice().sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: () => unknown): { median: number; min: number } {
  const samples: number[] = [];

  for (let i = 0; i < runs; i++) {
    const start = performance.now();

    fn();
    samples.push(performance.now() - start);
  }

  return { median: median(samples), min: Math.min(...samples) };
}

const names = Array.from({ length: NODES }, (_, i) => `harvester-node-${ i }`);
const nodes: Node[] = names.map((name) => ({ metadata: { name, labels: { 'kubevirt.io/schedulable': 'true' } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }));
const facts = buildClusterFacts({
  nodes,
  clusterNetworks: [{ metadata: { name: 'vm-migration' }, status: { conditions: [{ type: 'ready', status: 'True' }] } }],
  vlanStatuses:    names.map((node) => ({ metadata: { name: `vm-migration-${ node }`, labels: { 'network.harvesterhci.io/clusternetwork': 'vm-migration' } }, status: { node, conditions: [{ type: 'ready', status: 'True' }] } })),
  vlanConfigs:     [{
    metadata: {
      name: 'vc', labels: { 'network.harvesterhci.io/clusternetwork': 'vm-migration' }, annotations: { 'network.harvesterhci.io/matched-nodes': JSON.stringify(names) }
    }
  }],
  settings:   [{ metadata: { name: 'storage-network' }, value: '{"vlan":10,"clusterNetwork":"storage","range":"10.0.10.0/24","exclude":["10.0.10.1/32"]}' }],
  migrations: [],
});
// 1,000 /28 excludes spread over 172.16.0.0/16 (every 64th address), every 10th written with host bits.
const exclude = Array.from({ length: EXCLUDES }, (_, i) => `172.16.${ Math.floor((i * 64) / 256) }.${ (i * 64) % 256 + (i % 10 === 0 ? 5 : 0) }/28`);
const form: FormState = {
  enabled: true, clusterNetwork: 'vm-migration', vlan: '100', range: '172.16.0.0/16', exclude
};

const check = validateForm(form, facts);
const expected = referenceWebhook({
  clusterNetwork: 'vm-migration', vlan: 100, range: form.range, exclude
}, facts);

if (!check.valid || expected !== undefined || check.webhookMessage !== undefined) {
  throw new Error(`benchmark input should be valid: ${ JSON.stringify(check.problems.slice(0, 3)) } / ${ expected }`);
}

for (let i = 0; i < 50; i++) {
  validateForm(form, facts);
}
const ours = time(200, () => validateForm(form, facts));
const oursCold = time(50, () => {
  clearCidrMemo();
  validateForm(form, facts);
});
const referenceValue = {
  clusterNetwork: 'vm-migration', vlan: 100, range: form.range, exclude
};
const reference = time(9, () => referenceWebhook(referenceValue, facts));
const referenceNumeric = time(9, () => referenceWebhook(referenceValue, facts, enumerateUsable));

const networkStatus = (ip: string) => JSON.stringify([{
  name: 'k8s-pod-network', ips: ['10.52.1.37'], default: true, dns: {}
}, {
  name: 'harvester-system/vm-migration-network-6flk7', interface: 'migration0', ips: [ip], mac: 'c6:30:6f:02:52:3e', dns: {}
}]);
const pods: Pod[] = names.map((node, i) => ({
  metadata: {
    name:        `virt-handler-${ i }`,
    namespace:   'harvester-system',
    annotations: { 'k8s.v1.cni.cncf.io/networks': 'vm-migration-network-6flk7@migration0', 'k8s.v1.cni.cncf.io/network-status': networkStatus(`172.16.${ (i >> 8) + 100 }.${ i & 255 }`) }
  },
  spec:   { nodeName: node },
  status: {
    phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ ready: true, restartCount: 0 }]
  },
}));
const healthInput: HealthInput = {
  setting: {
    metadata: { name: 'vm-migration-network', annotations: {} },
    value:    JSON.stringify({
      clusterNetwork: 'vm-migration', vlan: 100, range: '172.16.0.0/16', exclude: []
    })
  },
  nodes,
  pods,
  kubeVirt:     { spec: { configuration: { migrations: { network: 'vm-migration-network-6flk7' } } } },
  clusterFacts: facts,
  ipPools:      [{ metadata: { name: '172.16.0.0-16', namespace: 'kube-system' }, spec: { range: '172.16.0.0/16', allocations: Object.fromEntries(pods.map((p, i) => [String(25600 + i), { podref: `harvester-system/${ p.metadata?.name }` }])) } }],
};

for (let i = 0; i < 20; i++) {
  buildHealth(healthInput);
}
const health = time(100, () => buildHealth(healthInput));
const healthCold = time(50, () => {
  clearHealthMemo();
  clearCidrMemo();
  buildHealth(healthInput);
});
const rows = buildHealth(healthInput).rows;
const ms = (x: number) => `${ x.toFixed(3) } ms`;

print(`validation, /16 range, ${ EXCLUDES } excludes, ${ NODES } nodes (plan: ${ JSON.stringify(check.plan) })`);
print(`  interval arithmetic : median ${ ms(ours.median) } (min ${ ms(ours.min) }, 200 runs; CIDR parses memoized, as when re-validating on a keystroke)`);
print(`  interval, cold       : median ${ ms(oursCold.median) } (min ${ ms(oursCold.min) }, 50 runs; every CIDR parsed by ipaddr.js again)`);
print(`  enumerating reference: median ${ ms(reference.median) } (min ${ ms(reference.min) }, 9 runs; ip.go algorithm: maps keyed by ip.String())`);
print(`  reference, numeric   : median ${ ms(referenceNumeric.median) } (min ${ ms(referenceNumeric.min) }, 9 runs; same enumeration into a Set of numbers)`);
print(`  speed-up (median)    : ${ (reference.median / ours.median).toFixed(0) }x warm, ${ (reference.median / oursCold.median).toFixed(0) }x cold; vs numeric reference ${ (referenceNumeric.median / ours.median).toFixed(0) }x warm`);
print(`health rows, ${ rows.length } nodes: median ${ ms(health.median) } (min ${ ms(health.min) }, 100 runs); flagged rows: ${ rows.filter((r) => r.flags.length > 0).length }`);
print(`health rows, cold     : median ${ ms(healthCold.median) } (min ${ ms(healthCold.min) }, 50 runs; every network-status JSON parsed again)`);
print(`targets: validation < 1 ms ${ ours.median < 1 ? 'OK' : 'MISSED' }; >= 100x ${ reference.median / ours.median >= 100 ? 'OK' : 'MISSED' }; health < 5 ms ${ health.median < 5 ? 'OK' : 'MISSED' }`);
