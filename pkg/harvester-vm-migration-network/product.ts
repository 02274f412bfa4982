import { ExtensionPlugin } from './config/plugin';
import { STEVE_TYPES } from './core/constants';
import {
  NAV, NAV_GROUP, NO_CLUSTER, PRODUCT, ROUTE
} from './config/navigation';

/**
 * "Migration Networks", a global app in the ☰ menu (Rancher hides Harvester clusters from Home, the ☰ cluster list
 * and the explorer, and Harvester's own product cannot be extended). Its landing page is the fleet overview; a
 * cluster's Advanced > Settings and Advanced > Migration Network show only while a Harvester cluster is open.
 * The classic DSL, and only what every 3.x shell has: the group's label and the product's name come from our
 * translations (`nav.group.<group>`, `product.<name>`), because 3.0.5 has neither `labelGroup` nor a product `labelKey`.
 */
export function init($plugin: ExtensionPlugin, store: unknown): void {
  const { product, virtualType, basicType } = $plugin.DSL(store, PRODUCT);
  const harvesterCluster = { type: STEVE_TYPES.setting, store: 'cluster' };

  product({
    svg:                 require('./assets/icon.svg'),
    labelKey:            'vmMigrationNetwork.product.label',
    inStore:             'cluster',
    // Our own root: a cluster-store product is otherwise folded into the cluster explorer's nav and header.
    rootProduct:         PRODUCT,
    isMultiClusterApp:   true,
    showClusterSwitcher: false,
    removable:           false,
    weight:              95,
    to:                  { name: ROUTE.OVERVIEW, params: { cluster: NO_CLUSTER } },
  });
  virtualType({
    labelKey:   'vmMigrationNetwork.nav.overview',
    group:      'Root',
    name:       NAV.OVERVIEW,
    namespaced: false,
    weight:     3,
    route:      { name: ROUTE.OVERVIEW, params: { cluster: NO_CLUSTER } },
    exact:      true,
  });
  virtualType({
    labelKey:   'vmMigrationNetwork.nav.settings',
    name:       NAV.SETTINGS,
    namespaced: false,
    weight:     2,
    ifHaveType: harvesterCluster,
    route:      { name: ROUTE.SETTINGS },
    exact:      false,
  });
  virtualType({
    labelKey:   'vmMigrationNetwork.nav.health',
    name:       NAV.HEALTH,
    namespaced: false,
    weight:     1,
    ifHaveType: harvesterCluster,
    route:      { name: ROUTE.HEALTH },
    exact:      true,
  });
  basicType([NAV.OVERVIEW]);
  basicType([NAV.SETTINGS, NAV.HEALTH], NAV_GROUP);
}
