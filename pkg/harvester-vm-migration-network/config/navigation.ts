/**
 * Names of our product, side-nav entries and routes: one module, so nobody repeats them. Never Harvester's own
 * names: its extension may be loaded beside ours. Route names do not start with `c-cluster-`, because the shell
 * reads the product out of such names (up to the first dash); ours come from the route's `meta.product`.
 */
/** Our product in the ☰ menu (a global app, like Fleet): the fleet overview and each cluster's pages. */
export const PRODUCT = 'migration-networks';
/** The cluster explorer, whose node pages and YAML editor we link to. */
export const EXPLORER = 'explorer';
/** Harvester's own product (Harvester's UI extension), whose Settings list our panels appear on. */
export const HARVESTER_PRODUCT = 'harvester';
/** The shell's pseudo cluster of pages that belong to no cluster (`BLANK_CLUSTER`). */
export const NO_CLUSTER = '_';
export const NAV_GROUP = 'vmMigrationNetworkAdvanced';

export const NAV = {
  OVERVIEW: 'migration-networks-overview',
  SETTINGS: 'migration-networks-settings',
  HEALTH:   'migration-networks-health',
} as const;

export const ROUTE = {
  OVERVIEW:     'migration-networks-overview',
  SETTINGS:     'migration-networks-settings',
  SETTING_EDIT: 'migration-networks-setting',
  HEALTH:       'migration-networks-health',
} as const;

export type OurRoute = typeof ROUTE[keyof typeof ROUTE];

/** A named location of one of our pages. */
export interface OurLocation {
  name: OurRoute;
  params: Record<string, string>;
}

/** A location of one of our pages; the overview belongs to no cluster. */
export function ourRoute(name: OurRoute, cluster: string = NO_CLUSTER, params: Record<string, string> = {}): OurLocation {
  return { name, params: { cluster, ...params } };
}

/** The fleet overview. */
export function overviewRoute(): OurLocation {
  return ourRoute(ROUTE.OVERVIEW, NO_CLUSTER);
}

/** The shell's own YAML editor for a Harvester setting (what "Edit as YAML" opens). */
export function settingYamlPath(cluster: string, id: string): string {
  return `/c/${ cluster }/${ EXPLORER }/harvesterhci.io.setting/${ id }?mode=edit&as=yaml`;
}

/** Harvester's own Settings list of a cluster (needs Harvester's UI extension). */
export function harvesterSettingsPath(cluster: string): string {
  return `/${ HARVESTER_PRODUCT }/c/${ cluster }/harvesterhci.io.setting`;
}
