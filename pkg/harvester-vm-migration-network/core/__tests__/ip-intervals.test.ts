import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cidr, cidrsOverlap, ipv4Text, parseCidr } from '../cidr';
import {
  countUsable, excludeInterval, ExcludeMode, hostInterval, intervalsIntersect, intervalsSize, mergeIntervals, planSegments, subtractIntervals, usableIntervals
} from '../ip-intervals';

const c = (text: string) => parseCidr(text) as Cidr;

describe('parseCidr (Go net.ParseCIDR semantics over ipaddr.js)', () => {
  it.each([
    ['10.0.0.0/8', {
      family: 4, prefix: 8, networkText: '10.0.0.0/8', hostBitsZero: true, strictPrefix: true
    }],
    ['10.0.0.5/030', {
      family: 4, prefix: 30, networkText: '10.0.0.4/30', hostBitsZero: false, strictPrefix: false
    }],
    ['0.0.0.0/0', {
      family: 4, prefix: 0, network: 0, broadcast: 4294967295
    }],
    ['fd00::1/64', {
      family: 6, prefix: 64, networkText: 'fd00::/64', hostBitsZero: false
    }],
  ])('%s', (text, expected) => {
    expect(parseCidr(text)).toMatchObject(expected);
  });

  it.each(['', '10.0.0.0', '10.0.0.0/33', '010.0.0.0/8', '10.0.0/8', '10.0.0.0/-1', '10.0.0.0/8x', 'fe80::1%eth0/64', '::/129', '256.0.0.0/8', '0x10.0.0.0/8'])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  it('overlaps like netip.Prefix.Overlaps', () => {
    expect(cidrsOverlap(c('10.0.0.0/8'), c('10.1.0.0/16'))).toBe(true);
    expect(cidrsOverlap(c('10.0.0.0/16'), c('10.1.0.0/16'))).toBe(false);
    expect(cidrsOverlap(c('10.0.0.0/8'), c('fd00::/8'))).toBe(false);
    expect(cidrsOverlap(c('fd00::/8'), c('fd00:1::/32'))).toBe(true);
    expect(cidrsOverlap(c('fd00::/16'), c('fe00::/16'))).toBe(false);
  });
});

describe('interval arithmetic', () => {
  it('merges, subtracts and intersects', () => {
    expect(mergeIntervals([[5, 7], [1, 2], [3, 4], [10, 12], [11, 11]])).toStrictEqual([[1, 7], [10, 12]]);
    expect(subtractIntervals([0, 20], [[-5, 2], [5, 6], [19, 30]])).toStrictEqual([[3, 4], [7, 18]]);
    expect(subtractIntervals([0, 5], [[10, 20]])).toStrictEqual([[0, 5]]);
    expect(intervalsIntersect([[1, 2], [10, 12]], [[3, 9], [12, 15]])).toBe(true);
    expect(intervalsIntersect([[1, 2], [10, 12]], [[3, 9], [13, 15]])).toBe(false);
  });

  it.each([
    ['192.168.1.0/24', [], 254, 254],
    ['192.168.1.0/24', ['192.168.1.1/32'], 253, 253],
    ['10.0.0.0/24', ['10.0.0.5/30'], 251, 250],
    ['10.0.0.0/24', ['10.0.0.0/25', '10.0.0.128/25'], 0, 0],
    ['10.0.0.0/31', [], 0, 0],
    ['10.0.0.0/32', [], 0, 0],
    ['10.0.0.0/30', ['10.0.0.3/32'], 2, 2],
    ['0.0.0.0/0', ['10.0.0.0/8'], 4294967294 - 16777216, 4294967294 - 16777216],
    ['10.0.0.0/16', ['fd00::/120', '10.0.0.0/24', '10.0.0.0/25'], 65534 - 255, 65534 - 255],
  ])('%s minus %j: webhook %d, whereabouts %d', (range, excludes, webhook, whereabouts) => {
    expect(countUsable(c(range), excludes.map(c), 'webhook')).toBe(webhook);
    expect(countUsable(c(range), excludes.map(c), 'whereabouts')).toBe(whereabouts);
  });

  it('counts nothing for IPv6 ranges', () => {
    expect(countUsable(c('fd00::/64'), [], 'webhook')).toBe(0);
  });

  it('lists free, excluded and reserved segments for display', () => {
    expect(planSegments('192.168.1.0/29', [' 192.168.1.5/30', 'bad', '192.168.1.1/32', '10.0.0.0/8'])).toStrictEqual([
      {
        kind: 'reserved', first: '192.168.1.0', last: '192.168.1.0', size: 1
      },
      {
        kind: 'excluded', first: '192.168.1.1', last: '192.168.1.1', size: 1
      },
      {
        kind: 'free', first: '192.168.1.2', last: '192.168.1.3', size: 2
      },
      {
        kind: 'excluded', first: '192.168.1.4', last: '192.168.1.6', size: 3
      },
      {
        kind: 'reserved', first: '192.168.1.7', last: '192.168.1.7', size: 1
      },
    ]);
    expect(planSegments('nope', [])).toStrictEqual([]);
    expect(planSegments('10.0.0.1/32', []).map((s) => s.kind)).toStrictEqual(['reserved']);
    expect(planSegments('10.0.0.0/31', []).map((s) => s.kind)).toStrictEqual(['reserved', 'reserved']);
  });
});

/** Excludes around 10.0.0.0/24 in any order, overlapping, with host bits, some IPv6. */
const excludeListArb = fc.array(fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 22, max: 32 })).map(([at, prefix]) => `${ ipv4Text(0x0a000000 + at) }/${ prefix }`) },
  { weight: 1, arbitrary: fc.constantFrom('fd00::/120', '::/0') },
), { maxLength: 12 });

describe('usable addresses taken exclude by exclude', () => {
  it('are those of merging the excludes first and subtracting them, in both modes, 300 runs', () => {
    fc.assert(fc.property(fc.constantFrom('10.0.0.0/24', '10.0.0.0/23', '10.0.0.64/26', '10.0.0.0/30'), excludeListArb, fc.constantFrom<ExcludeMode>('webhook', 'whereabouts'), (rangeText, texts, mode) => {
      const range = c(rangeText);
      const excludes = texts.map(c);
      const hosts = hostInterval(range);
      const cut = mergeIntervals(excludes.filter((ex) => ex.family === 4).map((ex) => excludeInterval(ex, mode)));
      const expected = hosts ? subtractIntervals(hosts, cut) : [];

      expect(usableIntervals(range, excludes, mode)).toStrictEqual(expected);
      expect(countUsable(range, excludes, mode)).toBe(intervalsSize(expected));
    }), { numRuns: 300 });
  });
});

