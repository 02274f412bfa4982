import {
  ExtensionPlugin, PANEL_LOCATION, TAB_LOCATION_RESOURCE_DETAIL, TAB_LOCATION_RESOURCE_DETAIL_PAGE, TABLE_COLUMN_LOCATION_RESOURCE
} from './plugin';
import { EXPLORER, HARVESTER_PRODUCT } from './navigation';
import { SETTING_ID, STEVE_TYPES } from '../core/constants';

/** Harvester's host type (its Hosts list shows Kubernetes nodes under this name). */
const HARVESTER_HOST = 'harvesterhci.io.host';

/**
 * Entry points where Harvester admins already work, through the shell's panel hooks only (never by replacing
 * Harvester's own components): above Harvester's Settings list and on its vm-migration-network page. The same
 * panels on the explorer's Harvester settings list, which also goes through the shell's resource list.
 */
export function addPanels(plugin: ExtensionPlugin): void {
  const panel = { component: () => import('../components/MigrationNetworkPanel.vue') };
  const resource = [STEVE_TYPES.setting];

  plugin.addPanel(PANEL_LOCATION.RESOURCE_LIST, { product: [HARVESTER_PRODUCT, EXPLORER], resource }, panel);
  plugin.addPanel(PANEL_LOCATION.DETAILS_MASTHEAD, {
    product: [HARVESTER_PRODUCT, EXPLORER], resource, id: [SETTING_ID]
  }, panel);
}

/**
 * Our facts where Harvester admins look at hosts and VMs, through the shell's column and tab hooks (Harvester's own
 * components untouched): a "Migration IP" column on Harvester's Hosts list, and a "Migrations" tab on its VM page.
 */
export function addHarvesterPageExtras(plugin: ExtensionPlugin): void {
  const column = {
    name: 'vmmn-migration-ip', labelKey: 'vmMigrationNetwork.hosts.column', value: 'id', formatter: 'VmmnMigrationIp', sort: false, search: false
  };

  plugin.addTableColumn(TABLE_COLUMN_LOCATION_RESOURCE, { product: [HARVESTER_PRODUCT], resource: [HARVESTER_HOST] }, column, column);
  const tab = {
    name: 'vmmn-migrations', labelKey: 'vmMigrationNetwork.vmTab.label', weight: -10, showHeader: false, component: () => import('../components/VmMigrationsTab.vue')
  };

  // Rancher 2.12's shell (3.0.5) reads only the older detail-tab location; 3.0.13 prefers the detail page's own and
  // reads the older one only when no extension uses the new one: registered at both, the tab shows once in each.
  for (const location of [TAB_LOCATION_RESOURCE_DETAIL, TAB_LOCATION_RESOURCE_DETAIL_PAGE]) {
    plugin.addTab(location, { product: [HARVESTER_PRODUCT], resource: [STEVE_TYPES.vm] }, tab);
  }
}
