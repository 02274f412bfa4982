import { importTypes } from '@rancher/auto-import';
import { ExtensionPlugin } from './config/plugin';
import { addHarvesterPageExtras, addPanels } from './config/panels';
import routes from './routing';

/** Table of contents: metadata, translations, our product and its nav, our routes, the panels, column and tab on Harvester's pages. */
export default function(plugin: ExtensionPlugin): void {
  // Registers l10n/*.yaml and formatters/ (the Hosts list's Migration IP cell); we ship no models, edit or list
  // components: Harvester's own extension owns those types.
  importTypes(plugin);
  plugin.metadata = require('./package.json');
  plugin.addProduct(require('./product'));
  plugin.addRoutes(routes);
  addPanels(plugin);
  addHarvesterPageExtras(plugin);
}
