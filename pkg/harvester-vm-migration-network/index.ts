import { importTypes } from '@rancher/auto-import';
import { ExtensionPlugin } from './config/plugin';
import routes from './routing';

/** Table of contents: metadata, translations, the side-nav entries and our routes. */
export default function(plugin: ExtensionPlugin): void {
  // Registers l10n/*.yaml (we ship no models, edit or list components: Harvester's own extension owns those types).
  importTypes(plugin);
  plugin.metadata = require('./package.json');
  plugin.addProduct(require('./product'));
  plugin.addRoutes(routes);
}
