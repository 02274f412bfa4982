import { ExtensionPlugin, PANEL_LOCATION } from './plugin';
import { EXPLORER, HARVESTER_PRODUCT } from './navigation';
import { SETTING_ID, STEVE_TYPES } from '../core/constants';

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
