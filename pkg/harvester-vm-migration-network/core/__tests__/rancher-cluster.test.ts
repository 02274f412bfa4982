import { describe, expect, it } from 'vitest';
import { clusterReachable, isHarvesterCluster } from '../rancher-cluster';

const cluster = (conditions: { type: string; status: string }[]) => ({ id: 'c-1', status: { provider: 'harvester', conditions } });

describe('clusterReachable: the shell\'s own rule (Connected when Rancher reports it, else Ready)', () => {
  it.each([
    ['connected and ready', [{ type: 'Connected', status: 'True' }, { type: 'Ready', status: 'True' }], true],
    // Harvester upgrading itself: Rancher's Ready is False, the agent is connected and the cluster answers.
    ['connected, not ready (an upgrade)', [{ type: 'Connected', status: 'True' }, { type: 'Ready', status: 'False' }], true],
    ['disconnected, still marked ready', [{ type: 'Connected', status: 'False' }, { type: 'Ready', status: 'True' }], false],
    ['disconnected', [{ type: 'Connected', status: 'False' }, { type: 'Ready', status: 'False' }], false],
    ['no Connected condition (Rancher before 2.6): Ready decides', [{ type: 'Ready', status: 'True' }], true],
    ['no Connected condition, not ready', [{ type: 'Ready', status: 'False' }], false],
    ['no conditions yet', [], false],
  ])('%s', (_, conditions, reachable) => {
    expect(clusterReachable(cluster(conditions))).toBe(reachable);
  });
});

describe('isHarvesterCluster', () => {
  it('reads the provider from the status or the label', () => {
    expect(isHarvesterCluster({ id: 'a', status: { provider: 'harvester' } })).toBe(true);
    expect(isHarvesterCluster({ id: 'b', metadata: { labels: { 'provider.cattle.io': 'harvester' } } })).toBe(true);
    expect(isHarvesterCluster({ id: 'c', status: { provider: 'k3s' } })).toBe(false);
  });
});
