/**
 * The package's size budget as pure functions over a list of chunks, so a unit test can feed a fake list
 * and see each check fail. Reading the build lives in `bundle-report.ts`.
 */

export interface ModuleSize {
  /** The module's path as the bundle analyzer names it (may include a concatenation prefix). */
  path: string;
  parsed: number;
  gzip: number;
}

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
  /** Empty when the analyzer report has no entry for this file (then the host-library check cannot run). */
  modules: ModuleSize[];
}

export interface Budget {
  entryFile: string;
  entryMaxGzip: number;
  totalMaxGzip: number;
  /** npm packages the host shell provides at run time: bundling one ships a second copy. */
  hostPackages: string[];
}

export interface CheckResult {
  pass: boolean;
  label: string;
  detail: string;
}

export const KIB = 1024;

/**
 * Vue itself is split over `vue` and the `@vue/*` runtime packages; all of them come from the host
 * (`window.Vue`), as do the store and the router. `@vue/cli-service` and `vue-loader` helpers are build
 * glue, not the runtime, so they are not listed.
 */
export const HOST_PACKAGES = ['vue', '@vue/runtime-core', '@vue/runtime-dom', '@vue/reactivity', '@vue/shared', 'vuex', 'vue-router'];

export function defaultBudget(name: string, version: string): Budget {
  return {
    entryFile: `${ name }-${ version }.umd.min.js`, entryMaxGzip: 10 * KIB, totalMaxGzip: 350 * KIB, hostPackages: HOST_PACKAGES
  };
}

export const kib = (bytes: number): string => `${ (bytes / KIB).toFixed(1) } KiB`;

/** A module's own path: a concatenated module is named `<outer module> + N modules (concatenated)/<inner path>`. */
const innerPath = (path: string): string => path.split(' (concatenated)/').pop() ?? path;

/** The npm package a module comes from: the innermost `node_modules/<name>` of its own path. */
export function packageOf(path: string): string | undefined {
  const matches = [...innerPath(path).matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];

  return matches.length ? matches[matches.length - 1][1] : undefined;
}

/** The readable part of a module path: from its package folder on, or relative to the package sources. */
export function shortPath(path: string): string {
  const inner = innerPath(path);
  const at = inner.lastIndexOf('node_modules/');

  return at >= 0 ? inner.slice(at + 'node_modules/'.length) : inner.replace(/^(\.\.?\/)+/, '');
}

/** The biggest modules of a chunk by gzipped size, ties broken by parsed size. */
export function topModules(chunk: ChunkSize, count: number): ModuleSize[] {
  return [...chunk.modules].sort((a, b) => (b.gzip - a.gzip) || (b.parsed - a.parsed)).slice(0, count);
}

export function checkBudget(chunks: ChunkSize[], budget: Budget): CheckResult[] {
  const entry = chunks.find((c) => c.file === budget.entryFile);
  const total = chunks.reduce((sum, c) => sum + c.gzip, 0);
  const results: CheckResult[] = [];

  results.push(entry ? {
    pass:   entry.gzip <= budget.entryMaxGzip,
    label:  `entry chunk ${ budget.entryFile }`,
    detail: `${ kib(entry.gzip) } gzipped (${ entry.gzip } B), budget ${ kib(budget.entryMaxGzip) }`,
  } : {
    pass: false, label: `entry chunk ${ budget.entryFile }`, detail: 'not found in the build'
  });

  results.push({
    pass:   chunks.length > 0 && total <= budget.totalMaxGzip,
    label:  `all ${ chunks.length } chunks`,
    detail: `${ kib(total) } gzipped (${ total } B), budget ${ kib(budget.totalMaxGzip) }`,
  });

  // Without module data a missing library would look like a pass, so that is a failure of its own.
  const blind = chunks.filter((c) => c.modules.length === 0).map((c) => c.file);

  results.push({
    pass:   blind.length === 0,
    label:  'module data for every chunk',
    detail: blind.length ? `missing for ${ blind.join(', ') }` : `${ chunks.reduce((n, c) => n + c.modules.length, 0) } modules`,
  });

  const found = new Map<string, { parsed: number; chunks: Set<string> }>();

  for (const chunk of chunks) {
    for (const mod of chunk.modules) {
      const pkg = packageOf(mod.path);

      if (pkg && budget.hostPackages.includes(pkg)) {
        const seen = found.get(pkg) ?? { parsed: 0, chunks: new Set<string>() };

        seen.parsed += mod.parsed;
        seen.chunks.add(chunk.file);
        found.set(pkg, seen);
      }
    }
  }

  results.push({
    pass:   found.size === 0,
    label:  `host libraries not bundled (${ budget.hostPackages.join(', ') })`,
    detail: found.size === 0 ? 'none found' : [...found].map(([pkg, s]) => `${ pkg }: ${ kib(s.parsed) } parsed in ${ [...s.chunks].join(', ') }`).join('; '),
  });

  return results;
}
