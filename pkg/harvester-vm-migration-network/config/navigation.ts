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
