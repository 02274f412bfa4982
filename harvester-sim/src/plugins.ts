import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { ApiError, Obj } from './types';

/** `<name>-<version>.umd.min.js`: the entry file a UI extension build produces; chunks add `.<chunk>` before `.js`. */
const ENTRY = /^(.+?)-(\d+\.\d+\.\d+[^/]*?)\.umd\.min\.js$/;

/** The API version range a chart built by Rancher's extension tooling declares when the package does not. */
const DEFAULT_EXTENSIONS_VERSION = '>= 3.0.0 < 4.0.0';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.html': 'text/html', '.map': 'application/json', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf'
};

/** A UI extension Rancher serves: where its files are and what `/v1/uiplugins` says about it. */
export interface UiPlugin {
  name: string;
  version: string;
  /** Folder holding the entry file and its chunks. */
  root: string;
  /** Given at start-up (kept by `/sim/reset`) or at run time. */
  runtime: boolean;
  metadata: Record<string, string>;
}

function entryIn(dir: string): { name: string; version: string } | undefined {
  for (const file of readdirSync(dir)) {
    const match = ENTRY.exec(file);

    if (match) {
      return { name: match[1], version: match[2] };
    }
  }

  return undefined;
}

/** Chart annotations from the package's `package.json` (`rancher.annotations`), with the API version Rancher requires. */
function metadataOf(root: string, name: string): Record<string, string> {
  const file = join(root, 'package.json');
  let annotations: Record<string, string> = {};

  if (existsSync(file)) {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { rancher?: unknown };
    const rancher = pkg.rancher && typeof pkg.rancher === 'object' ? pkg.rancher as { annotations?: Record<string, string> } : {};

    annotations = { ...rancher.annotations };
  }

  return {
    'catalog.cattle.io/display-name': name, 'catalog.cattle.io/ui-extensions-version': DEFAULT_EXTENSIONS_VERSION, ...annotations
  };
}

/**
 * Reads a plugin folder in one of the two layouts: the entry file and chunks directly in it (a build output
 * folder), or in a subfolder named after the version (a package as published).
 */
export function readPluginDir(dir: string, runtime: boolean): UiPlugin {
  const base = resolve(dir);

  if (!existsSync(base) || !statSync(base).isDirectory()) {
    throw new ApiError(400, 'BadRequest', `plugin folder ${ dir } does not exist`);
  }
  const direct = entryIn(base);

  if (direct) {
    return {
      ...direct, root: base, runtime, metadata: metadataOf(base, direct.name)
    };
  }
  for (const sub of readdirSync(base)) {
    const root = join(base, sub);
    const found = statSync(root).isDirectory() ? entryIn(root) : undefined;

    if (found && found.version === sub) {
      return {
        ...found, root, runtime, metadata: metadataOf(root, found.name)
      };
    }
  }
  throw new ApiError(400, 'BadRequest', `no <name>-<version>.umd.min.js in ${ dir } or its version folders`);
}

/** The UI extensions this Rancher has installed, keyed by name (a later folder of the same name replaces it). */
export class PluginRegistry {
  private readonly plugins = new Map<string, UiPlugin>();

  add(dir: string, runtime: boolean): UiPlugin {
    const plugin = readPluginDir(dir, runtime);

    this.plugins.set(plugin.name, plugin);

    return plugin;
  }

  /** Removes the plugins added at run time; start-up ones stay. */
  clearRuntime(): void {
    for (const [name, plugin] of this.plugins) {
      if (plugin.runtime) {
        this.plugins.delete(name);
      }
    }
  }

  list(): UiPlugin[] {
    return [...this.plugins.values()];
  }

  /** `/v1/uiplugins` as Rancher answers it: `{ entries: { <name>: UIPluginEntry } }`. */
  index(origin: string): Obj {
    return {
      entries: Object.fromEntries(this.list().map((p) => [p.name, {
        name: p.name, version: p.version, endpoint: `${ origin }/v1/uiplugins/${ p.name }/${ p.version }/plugin`, noCache: false, noAuth: true, metadata: p.metadata
      }]))
    };
  }

  /** A file of `/v1/uiplugins/<name>/<version>/plugin/<file>`, never outside the plugin's folder. */
  file(name: string, version: string, path: string): { body: Buffer; contentType: string } {
    const plugin = this.plugins.get(name);
    const full = plugin && plugin.version === version ? resolve(plugin.root, path) : undefined;

    if (!full || !full.startsWith(plugin?.root + sep) || !existsSync(full) || !statSync(full).isFile()) {
      throw new ApiError(404, 'NotFound', `plugin file ${ name }/${ version }/${ path } not found`);
    }

    return { body: readFileSync(full), contentType: CONTENT_TYPES[extname(full)] ?? 'application/octet-stream' };
  }
}
