import { describe, expect, it } from 'vitest';
import {
  buildHealth, capacityView, healthInputFrom, nadConfig, nadMatchesValue, parseValue, readNadConfig, serializeForm, validateForm
} from '../index';
import { editableV6 } from '../dual-stack';
import { releaseRules } from '../versions';
import type { FormState, Setting } from '../index';
import { createClusterNetwork, createNodes } from './factories';
import { createPod, createPool, createSetting, VALUE } from './k8s-factories';
import { sources, value } from './health-page-fixtures';

const DUAL = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"],"rangeV6":"fd00:10::/120","rangeV6Start":"fd00:10::10","rangeV6End":"fd00:10::20"}';
const nodes = createNodes(3);
const facts = (version = 'v1.10.0') => ({
  nodes, clusterNetworks: [createClusterNetwork('vm-migration', nodes)], harvesterVersion: version
});

function formOf(text: string): FormState {
  const parsed = parseValue(text);

  return { ...parsed.form, v6: editableV6(parsed.kept) };
}

describe('the rules of a release', () => {
  it.each([
    ['v1.10.0', 'v1.10', undefined, true],
    ['v1.11.2', 'v1.10', 'v1.11.2', true],
    ['v1.9.1', 'v1.9', undefined, false],
    ['v1.5.0', 'v1.6', 'v1.5.0', false],
    ['v2.0.0', 'v1.10', 'v2.0.0', true],
  ])('%s is read as %s', (version, release, unknownVersion, dualStack) => {
    expect(releaseRules(version)).toMatchObject({
      release, unknownVersion, dualStack
    });
  });

  it('an unreadable version keeps the strictest rules and no dual stack', () => {
    expect(releaseRules('dev')).toStrictEqual({
      unknownVersion: 'dev', refusesIPv6Range: true, skipsUnmatchedVlanConfig: false, rwxPeer: true, dualStack: false, exclusiveVlan: true, legacyCountText: false
    });
  });
});

describe('the IPv6 part in the form (v1.10)', () => {
  it('an untouched dual-stack value is written back byte for byte, even in another key order', () => {
    const reordered = '{"rangeV6End":"fd00:10::20","clusterNetwork":"vm-migration","rangeV6":"fd00:10::/120","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"],"rangeV6Start":"fd00:10::10"}';

    expect(serializeForm(formOf(reordered), reordered)).toBe(reordered);
  });

  it('an edited window is written after exclude in Harvester\'s order, other kept keys after it', () => {
    const stored = DUAL.replace('}', ',"colour":"blue"}');
    const form = formOf(stored);

    form.v6 = {
      range: 'fd00:10::/120', start: 'fd00:10::10', end: 'fd00:10::30'
    };
    expect(serializeForm(form, stored)).toBe('{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"],"rangeV6":"fd00:10::/120","rangeV6Start":"fd00:10::10","rangeV6End":"fd00:10::30","colour":"blue"}');
  });

  it('a stray space is kept as typed and named, never trimmed away', () => {
    const form = {
      ...formOf(DUAL),
      v6: {
        range: 'fd00:10::/120 ', start: 'fd00:10::10', end: 'fd00:10::20'
      }
    };
    const result = validateForm(form, facts(), DUAL);

    expect(result.value).toContain('"rangeV6":"fd00:10::/120 "');
    expect(result.webhookMessage).toBe('invalid CIDR address: fd00:10::/120 ');
  });

  it('clearing the IPv6 part goes back to IPv4 only: the keys are left out', () => {
    const form = formOf(DUAL);

    form.v6 = {
      range: '', start: '', end: ''
    };
    expect(serializeForm(form, DUAL)).toBe(VALUE);
  });

  it('a key that is not a string is not edited (nothing we cannot read is overwritten)', () => {
    expect(editableV6(parseValue(DUAL.replace('"fd00:10::/120"', '7')).kept)).toBeUndefined();
    expect(editableV6(parseValue(DUAL.replace('"fd00:10::10"', 'null')).kept)).toStrictEqual({
      range: 'fd00:10::/120', start: '', end: 'fd00:10::20'
    });
  });

  it('a later null leaves the earlier IPv6 key in place, as Go decodes it', () => {
    expect(editableV6(parseValue(DUAL.replace('}', ',"rangeV6":null}')).kept)?.range).toBe('fd00:10::/120');
  });

  it('a kept IPv6 key that is not a string is the webhook\'s type error on the value the save writes', () => {
    const stored = DUAL.replace('"fd00:10::/120"', '7');
    const form = { ...parseValue(stored).form, vlan: '200' };
    const result = validateForm(form, facts(), stored);

    expect(result.valid).toBe(false);
    expect(result.webhookMessage).toBe(`failed to unmarshal the setting value ${ stored.replace('"vlan":100', '"vlan":200') }, json: cannot unmarshal number into Go struct field Config.rangeV6 of type string`);
    expect(validateForm(form, facts('v1.9.0'), stored).valid).toBe(true);
  });

  it('is checked on v1.10 and ignored before', () => {
    const form = formOf(DUAL);

    form.v6 = {
      range: 'fd00:10::/120', start: 'fd00:10::20', end: 'fd00:10::10'
    };
    expect(validateForm(form, facts()).webhookMessage).toBe('rangeV6Start fd00:10::20 must not be after rangeV6End fd00:10::10');
    expect(validateForm(form, facts('v1.9.0')).valid).toBe(true);
  });

  it.each([
    [{ start: 'fd00:20::1', end: 'fd00:20::9' }, 'RANGE_V6_WINDOW_OUTSIDE'],
    [{ start: 'fd00:10::10', end: 'fd00:10::11' }, 'RANGE_V6_WINDOW_SHORT'],
    [{ start: '', end: '' }, 'RANGE_V6_NO_WINDOW'],
    [{ start: 'fd00:10::10', end: '' }, 'RANGE_V6_HALF_WINDOW'],
  ])('warns where the webhook is silent: %o', (window, code) => {
    const form = { ...formOf(DUAL), v6: { range: 'fd00:10::/120', ...window } };
    const result = validateForm(form, facts());

    expect(result.valid).toBe(true);
    expect(result.problems.map((p) => p.code)).toContain(code);
  });

  it('counts the window with the IPv4 addresses, as Harvester does, and says when IPv4 alone falls short', () => {
    const form = {
      ...formOf(DUAL), range: '192.168.1.0/30', exclude: []
    };

    expect(validateForm(form, facts()).problems.map((p) => p.code)).toStrictEqual(['WHEREABOUTS_SHORTFALL']);
    expect(validateForm({ ...form, v6: undefined }, facts()).webhookMessage).toBe('allocatable IP address range is < 3, allocate sufficient range');
  });
});

describe('the NAD of a dual-stack value', () => {
  const v6 = {
    range: 'fd00:10::/120', start: 'fd00:10::10', end: 'fd00:10::20'
  };
  const config = nadConfig(parseValue(VALUE).value!, undefined, v6);

  it('is previewed with ipRanges, as Harvester\'s controller writes it', () => {
    expect(config).toBe('{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","ipRanges":[{"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]},{"range":"fd00:10::/120","range_start":"fd00:10::10","range_end":"fd00:10::20"}]}}');
  });

  it('is read back, and matches the value only with its IPv6 part', () => {
    expect(readNadConfig(config)).toMatchObject({
      range: '192.168.1.0/24', exclude: ['192.168.1.1/32'], v6
    });
    expect(nadMatchesValue(config, parseValue(VALUE).value!, v6)).toBe(true);
    expect(nadMatchesValue(config, parseValue(VALUE).value!)).toBe(false);
    expect(nadMatchesValue(nadConfig(parseValue(VALUE).value!), parseValue(VALUE).value!, v6)).toBe(false);
    expect(nadMatchesValue(nadConfig(parseValue(VALUE).value!, undefined, { ...v6, range: 'fd00:99::/120' }), parseValue(VALUE).value!, v6)).toBe(false);
  });
});

describe('each node\'s addresses in dual stack', () => {
  const version: Setting = { metadata: { name: 'server-version' }, value: 'v1.10.0' };
  const dualPod = (name: string, node: string, ips: string[]) => {
    const pod = createPod(name, node, ips[0]);
    const annotations = pod.metadata!.annotations!;
    const status = JSON.parse(annotations['k8s.v1.cni.cncf.io/network-status']) as { interface?: string; ips: string[] }[];

    (status.find((s) => s.interface === 'migration0') as { ips: string[] }).ips = ips;
    annotations['k8s.v1.cni.cncf.io/network-status'] = JSON.stringify(status);

    return pod;
  };

  it('shows the IPv6 address beside the IPv4 one (which KubeVirt uses) and flags one outside the window or missing', () => {
    const input = healthInputFrom(sources({
      settings: [createSetting(DUAL), version],
      pods:     [dualPod('virt-handler-a', 'node-1', ['192.168.1.2', 'fd00:10::10']), dualPod('virt-handler-b', 'node-2', ['192.168.1.3', 'fd00:10::99'])],
    }), value);
    const rows = buildHealth(input).rows;

    expect(rows.map((r) => [r.migrationIp, r.migrationIpV6, r.flags])).toStrictEqual([
      ['192.168.1.2', 'fd00:10::10', []],
      ['192.168.1.3', 'fd00:10::99', ['ipV6OutsideWindow']],
    ]);
    const single = buildHealth(healthInputFrom(sources({ settings: [createSetting(DUAL), version] }), value)).rows;

    expect(single.map((r) => r.flags)).toStrictEqual([['noIpV6'], ['noIpV6']]);
    // A node without its IPv6 address holds the rollout, as one without its IPv4 address does.
    expect(buildHealth(healthInputFrom(sources({ settings: [createSetting(DUAL), version] }), value)).rollout.healthyPods).toBe(0);
    // An IPv6 address alone is no migration IP: KubeVirt needs the IPv4 one.
    const v6Only = buildHealth(healthInputFrom(sources({ settings: [createSetting(DUAL), version], pods: [dualPod('virt-handler-a', 'node-1', ['fd00:10::10'])] }), value)).rows[0];

    expect([v6Only.migrationIp, v6Only.migrationIpV6, v6Only.flags.includes('noIp')]).toStrictEqual([undefined, 'fd00:10::10', true]);
  });

  it('counts the IPv6 window and its pool (named as Harvester names it) on the capacity section', () => {
    const src = sources({ settings: [createSetting(DUAL), version] });
    const v6Pool = createPool('fd00:10::/120', { 16: 'harvester-system/virt-handler-a' });
    const pools = [...src.ipPools!, { ...v6Pool, metadata: { ...v6Pool.metadata, name: 'fd00-10---120' } }];
    const report = buildHealth(healthInputFrom({ ...src, ipPools: pools }, value));

    expect(capacityView(report, pools)?.v6).toStrictEqual({
      addresses: 17, allocated: 1, window: true
    });
    expect(capacityView(buildHealth(healthInputFrom(sources(), value)), pools)?.v6).toBeUndefined();
  });

  it('flags an IPv6 address given to two nodes, and finds leaks in the IPv6 pool too', () => {
    const v6Pool = createPool('fd00:10::/120', { 16: 'harvester-system/virt-handler-a', 17: 'harvester-system/gone' });
    const input = healthInputFrom(sources({
      settings: [createSetting(DUAL), version],
      pods:     [dualPod('virt-handler-a', 'node-1', ['192.168.1.2', 'fd00:10::10']), dualPod('virt-handler-b', 'node-2', ['192.168.1.3', 'fd00:10::10'])],
      ipPools:  [...sources().ipPools!, { ...v6Pool, metadata: { ...v6Pool.metadata, name: 'fd00-10---120' } }],
    }), value);
    const report = buildHealth(input);

    expect(report.rows.map((r) => r.flags.includes('duplicateIp'))).toStrictEqual([true, true]);
    expect(report.leaks.map((l) => [l.pool, l.podref])).toStrictEqual([['kube-system/fd00-10---120', 'harvester-system/gone']]);
  });

  it('before v1.10 the same value is single stack: no IPv6 column, no flag', () => {
    const rows = buildHealth(healthInputFrom(sources({ settings: [createSetting(DUAL), { ...version, value: 'v1.9.0' }] }), value)).rows;

    expect(rows.map((r) => [r.migrationIpV6, r.flags])).toStrictEqual([[undefined, []], [undefined, []]]);
  });
});
