import { ExtensionPlugin } from './config/plugin';
import { STEVE_TYPES } from './core/constants';
import { NAV, NAV_GROUP, PRODUCT, ROUTE } from './config/navigation';

/**
 * Adds Advanced > Settings and Advanced > Migration Network to the cluster explorer's side nav,
 * shown only when the cluster serves Harvester settings (i.e. a Harvester cluster).
 */
export function init($plugin: ExtensionPlugin, store: unknown): void {
  const { virtualType, basicType, labelGroup } = $plugin.DSL(store, PRODUCT);

  virtualType({
    labelKey:   'vmMigrationNetwork.nav.settings',
    name:       NAV.SETTINGS,
    namespaced: false,
    weight:     2,
    ifHaveType: STEVE_TYPES.setting,
    route:      { name: ROUTE.SETTINGS, params: { product: PRODUCT } },
    exact:      false,
  });
  virtualType({
    labelKey:   'vmMigrationNetwork.nav.health',
    name:       NAV.HEALTH,
    namespaced: false,
    weight:     1,
    ifHaveType: STEVE_TYPES.setting,
    route:      { name: ROUTE.HEALTH, params: { product: PRODUCT } },
    exact:      true,
  });
  basicType([NAV.SETTINGS, NAV.HEALTH], NAV_GROUP);
  labelGroup(NAV_GROUP, 'Advanced', 'vmMigrationNetwork.nav.advanced');
}
