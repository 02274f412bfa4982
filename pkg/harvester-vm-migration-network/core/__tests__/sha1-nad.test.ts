import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipPoolName, nadConfig, nadMatchesValue, readNadConfig } from '../nad-config';
import { sha1Hex } from '../sha1';

describe('sha1Hex', () => {
  it.each([
    ['', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    ['{"clusterNetwork":"test-1","vlan":1,"range":"10.1.2.0/24"}', 'ec8322fb6b741f94739cbb904fc73c3fda864d6d'],
    ['{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}', '8c1ea792c2687e9c20718d6a2505514fb53e7d91'],
    ['{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}', 'b01d1c3b1e3b1326e086c29b745f6ff3f57c12ad'],
    ['abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ])('sha1(%j) = %s (vectors of docs/harvester-behaviour.md, "Controller")', (text, hash) => {
    expect(sha1Hex(text)).toBe(hash);
  });

  it('agrees with node:crypto on any string, multi-block and non-ASCII included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }), { numRuns: 300 });
    for (const length of [55, 56, 63, 64, 65, 119, 120, 1000]) {
      const text = 'é'.repeat(length);

      expect(sha1Hex(text)).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('nadConfig', () => {
  const value = {
    clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', exclude: ['192.168.1.1/32']
  };

  it('writes what the controller writes, byte for byte', () => {
    expect(nadConfig(value)).toBe('{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}}');
    expect(nadConfig({
      clusterNetwork: 'migration', vlan: 0, range: '172.16.0.0/24', exclude: []
    })).toBe('{"cniVersion":"0.3.1","type":"bridge","bridge":"migration-br","promiscMode":true,"vlan":1,"ipam":{"type":"whereabouts","range":"172.16.0.0/24"}}');
  });

  it('previews the MTU the mutator appends and escapes like Go', () => {
    expect(nadConfig(value, 9000).endsWith(',"mtu":9000}')).toBe(true);
    expect(nadConfig(value, 1500)).toBe(nadConfig(value));
    expect(nadConfig({ ...value, clusterNetwork: 'a<b>&\u2028\ud800' })).toContain('"bridge":"a\\u003cb\\u003e\\u0026\\u2028\\ufffd-br"');
  });

  it('reads NAD configs back and compares them with a value', () => {
    expect(readNadConfig(nadConfig(value, 9000))).toStrictEqual({
      bridge: 'vm-migration-br', vlan: 100, range: '192.168.1.0/24', exclude: ['192.168.1.1/32'], mtu: 9000
    });
    expect(readNadConfig('{')).toBeUndefined();
    expect(readNadConfig(undefined)).toBeUndefined();
    expect(readNadConfig('{"bridge":"x","ipam":{}}')).toBeUndefined();
    expect(readNadConfig('{"bridge":"x","ipam":{"range":"r","exclude":[1,"a"]}}')).toStrictEqual({
      bridge: 'x', vlan: 0, range: 'r', exclude: ['a'], mtu: undefined
    });
    expect(nadMatchesValue(nadConfig(value), value)).toBe(true);
    expect(nadMatchesValue(nadConfig({ ...value, vlan: 0 }), { ...value, vlan: 1 })).toBe(true);
    expect(nadMatchesValue(nadConfig(value), { ...value, exclude: [] })).toBe(false);
  });

  it('names the Whereabouts pool after the range', () => {
    expect(ipPoolName('192.168.1.0/24')).toBe('192.168.1.0-24');
    expect(ipPoolName('fd00::/64')).toBe('fd00---64');
  });
});
