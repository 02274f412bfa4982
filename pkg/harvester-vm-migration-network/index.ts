import { IPlugin } from '@shell/core/types';
import routes from './routing';

/** Table of contents: metadata, the side-nav entries and our routes. */
export default function(plugin: IPlugin): void {
  plugin.metadata = require('./package.json');
  plugin.addProduct(require('./product'));
  plugin.addRoutes(routes);
}
