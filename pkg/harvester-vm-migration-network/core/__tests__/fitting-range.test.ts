import { describe, expect, it } from 'vitest';
import { smallestFittingRange } from '../health/capacity';

const value = (range: string, exclude: string[] = []) => ({
  clusterNetwork: 'vm-migration', vlan: 100, range, exclude
});

describe('smallestFittingRange: the narrowest range from the same start that holds every node', () => {
  it.each([
    // Whereabouts hands out neither the network nor the broadcast address.
    ['a full /30 for three nodes', value('192.168.1.0/30'), 3, '192.168.1.0/29'],
    ['a /29 with its first address excluded, for six nodes', value('192.168.1.0/29', ['192.168.1.1/32']), 6, '192.168.1.0/28'],
    ['a range written with host bits, widened from its network', value('10.10.5.7/30'), 10, '10.10.5.0/28'],
    ['a range that already fits', value('192.168.1.0/24'), 3, '192.168.1.0/24'],
    ['an exclude that covers every widening up to /8', value('10.0.0.0/30', ['10.0.0.0/8']), 3, undefined],
    ['an IPv6 range', value('fd00::/120'), 3, undefined],
  ])('%s', (_, v, needed, expected) => {
    expect(smallestFittingRange(v, needed)).toBe(expected);
  });
});
