/** Route and side-nav names owned by this extension (never Harvester's own, which may be loaded too). */
export const PRODUCT = 'explorer';
export const NAV_GROUP = 'vmMigrationNetworkAdvanced';

export const NAV = {
  SETTINGS: 'vm-migration-network-settings',
  HEALTH:   'vm-migration-network-health',
} as const;

export const ROUTE = {
  SETTINGS:     'c-cluster-product-vm-migration-network-settings',
  SETTING_EDIT: 'c-cluster-product-vm-migration-network-settings-id',
  HEALTH:       'c-cluster-product-vm-migration-network-health',
} as const;

/** A location of one of our pages in a cluster's explorer. */
export function ourRoute(name: typeof ROUTE[keyof typeof ROUTE], cluster: string, params: Record<string, string> = {}) {
  return {
    name,
    params: {
      cluster, product: PRODUCT, ...params
    }
  };
}

/** The shell's own YAML editor for a Harvester setting (what "Edit as YAML" opens). */
export function settingYamlPath(cluster: string, id: string): string {
  return `/c/${ cluster }/${ PRODUCT }/harvesterhci.io.setting/${ id }?mode=edit&as=yaml`;
}
