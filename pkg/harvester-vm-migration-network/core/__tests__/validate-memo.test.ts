import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../canonical';
import { clearCidrMemo } from '../cidr';
import { checkMtu } from '../mtu';
import { ClusterFacts, NodeFact, Problem } from '../types';
import { validateForm } from '../validate';
import { memoPerPair } from '../validate-memo';
import { checkMixedMtu } from '../validate-mtu';
import { createClusterNetwork, createFacts, createForm, createNodes } from './factories';

const codes = (facts: ClusterFacts, form = createForm()) => validateForm(form, facts).problems.map((p) => p.code);

describe('memos of validation work', () => {
  it('are forgotten by clearCidrMemo', () => {
    let computed = 0;
    const memo = memoPerPair((a: object, b: object) => [a, b, ++computed]);
    const a = {};
    const b = {};

    expect(memo(a, b)).toBe(memo(a, b));
    expect(computed).toBe(1);
    clearCidrMemo();
    memo(a, b);
    expect(computed).toBe(2);
  });

  it('follow new node lists on the same cluster network fact', () => {
    const facts = createFacts(3);
    const more = [...facts.nodes as NodeFact[], ...createNodes(4).slice(3)];

    expect(codes(facts)).not.toContain('W20_NOT_SPANNED');
    expect(codes({ ...facts, nodes: more })).toContain('W20_NOT_SPANNED');
    expect(codes({ ...facts, nodes: more.filter((n) => n.name !== 'node-2') })).toContain('W20_NOT_SPANNED');
    expect(codes(facts)).not.toContain('W20_NOT_SPANNED');
  });

  it('read a peer setting by the cluster\'s release, whichever release came first', () => {
    const peers = { storageNetwork: '{"range":"10.0.0.0/24","exclude":[],"rangeV6":7}' };
    const release = (version: string) => codes({
      ...createFacts(3), peers, harvesterVersion: version
    }).includes('W23_PEER_INVALID');

    expect([release('v1.10.0'), release('v1.9.0'), release('v1.10.0')]).toStrictEqual([true, false, true]);
  });

  it('read an exclude row anew where its text changed', () => {
    const rows = (exclude: string[]) => codes(createFacts(3), createForm({ exclude }));

    expect(rows(['192.168.1.1/32', '192.168.1.8/33'])).toContain('W10_EXCLUDE_INVALID');
    expect(rows(['192.168.1.1/32', '192.168.1.8/30'])).not.toContain('W10_EXCLUDE_INVALID');
    expect(rows(['192.168.1.8/33', '192.168.1.1/32'])).toContain('W10_EXCLUDE_INVALID');
  });

  it('write an exclude list edited in place anew', () => {
    const exclude = ['10.0.0.1/32', '10.0.0.2/32'];
    const value = {
      clusterNetwork: 'vm-migration', vlan: 100, range: '10.0.0.0/24', exclude
    };

    expect(canonicalText(value)).toBe(JSON.stringify(value));
    exclude[1] = '10.0.0.3/32';
    expect(canonicalText(value)).toBe(JSON.stringify(value));
    expect(canonicalText({ ...value, exclude: ['"quoted"', '\u2028'] })).toBe(JSON.stringify({ ...value, exclude: ['"quoted"', '\u2028'] }));
  });
});

const MTUS = [undefined, 1500, 9000];
/** Nodes node-0…node-5, some witnesses, some not covered; VlanConfigs with various MTUs covering any of them (and strangers). */
const mtuCaseArb = fc.record({
  witnesses:  fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  nodesKnown: fc.boolean(),
  configs:    fc.array(fc.record({
    mtu:   fc.constantFrom(...MTUS),
    nodes: fc.subarray(['node-0', 'node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'stranger']),
  }), { maxLength: 4 }),
});

describe('the mixed-MTU warning without grouping where it cannot warn', () => {
  it('says what checkMtu says, 300 runs', () => {
    fc.assert(fc.property(mtuCaseArb, ({ witnesses, nodesKnown, configs }) => {
      const nodes = createNodes(6).map((n, i) => ({ ...n, witness: witnesses[i] }));
      const cn = {
        ...createClusterNetwork('vm-migration', nodes),
        vlanConfigs: configs.map((vc, i) => ({
          name: `vc-${ i }`, mtu: vc.mtu, matchedNodes: vc.nodes
        })),
      };
      const facts: ClusterFacts = nodesKnown ? { nodes, clusterNetworks: [cn] } : { clusterNetworks: [cn] };
      const ours: Problem[] = [];
      const theirs: Problem[] = [];

      checkMixedMtu('vm-migration', facts, ours);
      checkMtu('vm-migration', facts, theirs);
      expect(ours).toStrictEqual(theirs);
    }), { numRuns: 300 });
  });
});
