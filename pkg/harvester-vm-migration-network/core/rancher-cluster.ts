/**
 * Rancher's record of a downstream cluster (`management.cattle.io.cluster`), read the way the shell reads it: one
 * place for "is it Harvester" and "can it be reached", used by the overview and by the panels on Harvester's pages.
 */
export interface RancherCluster {
  id: string;
  spec?: { displayName?: string };
  metadata?: { name?: string; labels?: Record<string, string> };
  status?: { provider?: string; conditions?: { type?: string; status?: string }[] };
}

/** Harvester clusters are those whose provider is `harvester` (label or status, as Rancher checks). */
export function isHarvesterCluster(c: RancherCluster): boolean {
  return c.status?.provider === 'harvester' || c.metadata?.labels?.['provider.cattle.io'] === 'harvester';
}

/**
 * The cluster can be reached through Rancher's proxy: the shell's own rule (its cluster model's `isReady`) is the
 * `Connected` condition when Rancher reports one, else `Ready` (Rancher before 2.6). `Ready` alone can be False while
 * the agent is connected and the cluster answers, for instance while Harvester upgrades itself.
 */
export function clusterReachable(c: RancherCluster): boolean {
  const conditions = c.status?.conditions ?? [];
  const connected = conditions.find((x) => x.type === 'Connected');

  return (connected ?? conditions.find((x) => x.type === 'Ready'))?.status === 'True';
}

/** The name Rancher shows. */
export function clusterDisplayName(c: RancherCluster): string {
  return c.spec?.displayName || c.metadata?.name || c.id;
}
