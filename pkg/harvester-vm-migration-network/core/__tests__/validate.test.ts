import { describe, expect, it } from 'vitest';
import { validateForm, validateValue } from '../validate';
import { createClusterNetwork, createFacts, createForm, createNodes } from './factories';
import { codes, find, three } from './validate-cases';

describe('validateForm: a good form', () => {
  it('passes with every fact known and reports the plan', () => {
    const result = validateForm(createForm(), createFacts(3));

    expect(result.valid).toBe(true);
    expect(result.problems).toStrictEqual([]);
    expect(result.skipped).toStrictEqual([]);
    expect(result.plan).toStrictEqual({
      total: 256, webhookUsable: 253, usable: 253, required: 3, spare: 250
    });
    expect(result.value).toBe('{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}');
  });

  it('lists the facts it did not have and does not guess them', () => {
    const result = validateForm(createForm(), {});

    expect(result.valid).toBe(true);
    expect(result.skipped).toStrictEqual(['nodes', 'clusterNetworks', 'peers', 'migrations']);
    expect(result.plan?.required).toBeUndefined();
  });

  it('is always valid when disabled and writes ""', () => {
    const result = validateForm(createForm({
      enabled: false, vlan: 'abc', range: 'x'
    }), createFacts());

    expect(result).toMatchObject({
      valid: true, value: '', problems: []
    });
  });
});

describe('validateForm: all problems, webhook order', () => {
  it('returns every problem, errors first, and the webhook answer is the first W-rule', () => {
    const result = validateForm(createForm({
      vlan: '4095', range: '10.42.0.5/16', exclude: ['10.42.0.1', '10.0.0.0/8'], clusterNetwork: 'nope'
    }), three);

    expect(codes(result.problems)).toStrictEqual([
      'W4_VLAN_RANGE', 'W7_RANGE_HOST_BITS', 'RESERVED_OVERLAP', 'W10_EXCLUDE_BARE_IP', 'W11_EXCLUDE_PREFIX', 'W15_CLUSTER_NETWORK_NOT_FOUND',
    ]);
    expect(result.webhookMessage).toBe('the valid value range for VLAN IDs is 0 to 4094');
    expect(result.problems.every((p) => p.args !== undefined)).toBe(true);
  });

  it('marks checks that need facts', () => {
    const result = validateForm(createForm({ range: '192.168.1.0/30', exclude: [] }), three);

    expect(find(result.problems, 'W21_NOT_ENOUGH_IPS')?.check).toStrictEqual(['nodes']);
  });

  it('skips cluster-network checks on mgmt and needs no facts for them', () => {
    const result = validateForm(createForm({ clusterNetwork: 'mgmt' }), { nodes: createNodes(2) });

    expect(result.skipped).toStrictEqual(['peers', 'migrations']);
  });

  it('skips W20 when nodes are unknown but cluster networks are known', () => {
    const result = validateForm(createForm(), { clusterNetworks: three.clusterNetworks });

    expect(result.skipped).toContain('nodes');
    expect(result.valid).toBe(true);
  });

  it('warns about migrations only when the save changes the value', () => {
    const facts = { ...three, migrationsInProgress: ['a/b'] };
    const stored = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

    expect(codes(validateForm(createForm(), facts, stored).problems)).not.toContain('MIGRATIONS_IN_PROGRESS');
    expect(codes(validateForm(createForm({ vlan: '200' }), facts, stored).problems)).toContain('MIGRATIONS_IN_PROGRESS');
    expect(codes(validateForm(createForm({ enabled: false }), facts, stored).problems)).toContain('MIGRATIONS_IN_PROGRESS');
    expect(validateForm(createForm({ enabled: false }), {}, '').skipped).toStrictEqual(['migrations']);
  });

  it('names the witness-free node count: witness nodes need no IP', () => {
    const nodes = createNodes(2, 1);
    const result = validateForm(createForm({ range: '192.168.1.0/30', exclude: [] }), { nodes, clusterNetworks: [createClusterNetwork('vm-migration', nodes)] });

    expect(result.valid).toBe(true);
    expect(result.plan).toMatchObject({
      required: 2, usable: 2, spare: 0
    });
    expect(codes(result.problems)).toStrictEqual(['HEADROOM_LOW']);
  });

  it('caps long node lists', () => {
    const facts = { ...three, nodes: createNodes(20) };
    const found = find(validateForm(createForm(), facts).problems, 'W20_NOT_SPANNED');

    expect(found?.args.count).toBe(17);
    expect(String(found?.args.nodes).endsWith(', …')).toBe(true);
  });

  it('keeps exclude row numbers of the form, empty rows included', () => {
    const result = validateForm(createForm({ exclude: ['', '  ', ' 192.168.1.1/32 ', 'x'] }), three);

    expect(find(result.problems, 'W10_EXCLUDE_INVALID')).toMatchObject({ index: 3, entry: 'x' });
    expect(result.value).toBe('{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32","x"]}');
  });
});

describe('validateValue: a stored value as Harvester receives it', () => {
  it('stops at decoding problems', () => {
    const result = validateValue('{"vlan":"100"}', three);

    expect(codes(result.problems)).toStrictEqual(['W3_TYPE']);
    expect(result.webhookMessage).toBe('failed to unmarshal the setting value {"vlan":"100"}, json: cannot unmarshal string into Go struct field Config.vlan of type uint16');
  });

  it('keeps empty and untrimmed excludes as written', () => {
    const result = validateValue('{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":[""]}', three);

    expect(result.webhookMessage).toBe('invalid CIDR address: ');
  });

  it('accepts the sample value and a disabled one', () => {
    expect(validateValue('{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}', three).valid).toBe(true);
    expect(validateValue('', three)).toMatchObject({ valid: true, problems: [] });
  });

  it('treats JSON null as an empty config (then the range fails)', () => {
    expect(validateValue('null', three).webhookMessage).toBe('invalid CIDR address: ');
  });
});
