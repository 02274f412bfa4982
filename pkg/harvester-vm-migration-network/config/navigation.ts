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
  /** The editor's `focus`: the field a link from a problem lands in. */
  query?: Record<string, string>;
}

/** A location of one of our pages; the overview belongs to no cluster. */
export function ourRoute(name: OurRoute, cluster: string = NO_CLUSTER, params: Record<string, string> = {}): OurLocation {
  return { name, params: { cluster, ...params } };
}

/** The fleet overview. */
export function overviewRoute(): OurLocation {
  return ourRoute(ROUTE.OVERVIEW, NO_CLUSTER);
}

/**
 * A page that is not ours, by its route: the shell's resource pages (`c-cluster-product-resource-id`) or those of
 * Harvester's UI extension (`harvester-c-cluster-resource-id`). Always a route, never a path: the dashboard lives
 * under a base path in Rancher (`/dashboard/`), and the router adds it.
 */
export interface ShellLocation {
  name: string;
  params: Record<string, string>;
  query?: Record<string, string>;
}

const SETTING_TYPE = 'harvesterhci.io.setting';

/** The shell's own YAML editor for a Harvester setting (what "Edit as YAML" opens). */
export function settingYamlRoute(cluster: string, id: string): ShellLocation {
  return {
    name:   'c-cluster-product-resource-id',
    params: {
      cluster, product: EXPLORER, resource: SETTING_TYPE, id
    },
    query: { mode: 'edit', as: 'yaml' },
  };
}

/** Harvester's resource page of an object (needs Harvester's UI extension, whose route also takes the product). */
function harvesterResourceRoute(cluster: string, resource: string, id: string): ShellLocation {
  return {
    name:   `${ HARVESTER_PRODUCT }-c-cluster-resource-id`,
    params: {
      product: HARVESTER_PRODUCT, cluster, resource, id
    },
  };
}

/** Harvester's own editor of a setting (needs Harvester's UI extension). */
export function harvesterSettingRoute(cluster: string, id: string): ShellLocation {
  return { ...harvesterResourceRoute(cluster, SETTING_TYPE, id), query: { mode: 'edit' } };
}

/** A node's page: Harvester's Host page where Harvester's UI is installed, else the cluster explorer's node page. */
export function nodeRoute(cluster: string, node: string, harvesterInstalled: boolean): ShellLocation {
  return harvesterInstalled ? harvesterResourceRoute(cluster, 'harvesterhci.io.host', node) : {
    name:   'c-cluster-product-resource-id',
    params: {
      cluster, product: EXPLORER, resource: 'node', id: node
    }
  };
}
