/**
 * `npm run catalog [-- --base-url <url>] [package...]`: a Helm repository Rancher can use as an extension
 * catalog, in `dist-catalog/`, laid out like the shell's `publish-pkgs` GitHub build (which needs helm, yq,
 * jq and yarn, none of which this project installs):
 *   index.yaml                                  the Helm repository index
 *   assets/<pkg>/<pkg>-<version>.tgz            the packaged chart (a UIPlugin resource)
 *   charts/<pkg>/<version>/                     the chart, unpacked
 *   extensions/<pkg>/<version>/plugin/...       the built extension, where the UIPlugin's endpoint points
 *   extensions/<pkg>/<version>/files.txt        the file list Rancher fetches the plugin by
 *   extensions/<pkg>/<version>.tgz              the same files in one archive (the compressed endpoint)
 * The base URL is where `dist-catalog/` will be served from; Rancher's server fetches the plugin there.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { chartMetadata, chartValues, repositoryIndex, sha256 } from './catalog/chart.mjs';
import { tarGz } from './catalog/tar.mjs';

/** Progress lines are this script's output. */
const log = (line) => process.stdout.write(`${ line }\n`);

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SHELL_CHART = join(ROOT, 'node_modules/@rancher/shell/scripts/extension/helm/charts/ui-plugin-server');

/** Bundle analysis the build leaves next to the plugin: not part of what Rancher loads (the shell drops report.html too). */
const ANALYSIS_FILES = new Set(['report.html', 'report.json']);

/** Relative paths of every file under `dir`, sorted so archives and files.txt do not depend on the file system. */
function filesUnder(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = `${ prefix }${ entry.name }`;

    return entry.isDirectory() ? filesUnder(join(dir, entry.name), `${ rel }/`) : [rel];
  }).sort();
}

/** Archive entries for `files` under `top`, each folder listed before its contents as tar does. */
function archiveEntries(top, sourceDir, files) {
  const folders = new Set([top]);

  for (const file of files) {
    for (let cut = file.indexOf('/'); cut > 0; cut = file.indexOf('/', cut + 1)) {
      folders.add(`${ top }/${ file.slice(0, cut) }`);
    }
  }

  return [...[...folders].sort().map((name) => ({ name })), ...files.map((file) => ({ name: `${ top }/${ file }`, data: readFileSync(join(sourceDir, file)) }))];
}

const yamlText = (value) => YAML.stringify(value, {
  // Quoted values read the same in Go's YAML 1.1 parser (Helm) as here: `1.10` stays a string, not a number.
  defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0
});

function writeText(path, text) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * Writes one package version into the catalog at `outDir` and updates its index.yaml.
 * @param {{ pkgDir: string, distDir: string, outDir: string, baseUrl: string, shellChart?: string, now?: Date }} options
 */
export function makeCatalog({
  pkgDir, distDir, outDir, baseUrl, shellChart = SHELL_CHART, now = new Date()
}) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const { name, version } = pkg;
  const pluginFiles = filesUnder(distDir).filter((file) => !ANALYSIS_FILES.has(file));
  // Archive times come from the build, so the same build always packs to the same bytes and digest.
  const mtime = Math.max(...pluginFiles.map((file) => statSync(join(distDir, file)).mtimeMs)) / 1000;

  // The extension's files, where the UIPlugin points Rancher.
  const extDir = join(outDir, 'extensions', name, version);

  rmSync(extDir, { recursive: true, force: true });
  for (const file of pluginFiles) {
    mkdirSync(dirname(join(extDir, 'plugin', file)), { recursive: true });
    copyFileSync(join(distDir, file), join(extDir, 'plugin', file));
  }
  writeText(join(extDir, 'files.txt'), pluginFiles.map((file) => `plugin/${ file }\n`).join(''));
  writeFileSync(`${ extDir }.tgz`, tarGz(archiveEntries(version, extDir, filesUnder(extDir)), mtime));

  // The chart: the shell's template with this package's metadata and endpoints.
  const chartDir = join(outDir, 'charts', name, version);
  const chart = chartMetadata(YAML.parse(readFileSync(join(shellChart, 'Chart.yaml'), 'utf8')), pkg);
  const endpoint = `${ baseUrl.replace(/\/+$/, '') }/extensions/${ name }/${ version }`;
  const values = chartValues(YAML.parse(readFileSync(join(shellChart, 'values.yaml'), 'utf8')), pkg, endpoint);

  rmSync(chartDir, { recursive: true, force: true });
  writeText(join(chartDir, 'Chart.yaml'), yamlText(chart));
  writeText(join(chartDir, 'values.yaml'), yamlText(values));
  for (const file of filesUnder(join(shellChart, 'templates'))) {
    writeText(join(chartDir, 'templates', file), readFileSync(join(shellChart, 'templates', file)));
  }
  if (existsSync(join(pkgDir, 'README.md'))) {
    copyFileSync(join(pkgDir, 'README.md'), join(chartDir, 'README.md'));
  }

  // The packaged chart: Helm expects one top folder named after the chart.
  const assetUrl = `assets/${ name }/${ name }-${ version }.tgz`;
  const archive = tarGz(archiveEntries(name, chartDir, filesUnder(chartDir)).filter((e) => e.data !== undefined), mtime);

  mkdirSync(join(outDir, 'assets', name), { recursive: true });
  writeFileSync(join(outDir, assetUrl), archive);

  // The index keeps earlier versions whose archives are still here, as `helm repo index --merge` would.
  const indexPath = join(outDir, 'index.yaml');
  const previous = existsSync(indexPath) ? YAML.parse(readFileSync(indexPath, 'utf8')) : undefined;
  const keep = (entry) => (entry.urls ?? []).every((url) => existsSync(join(outDir, url)));
  const index = repositoryIndex([{
    chart, digest: sha256(archive), url: assetUrl
  }], previous, keep, now.toISOString());

  writeText(indexPath, yamlText(index));

  return {
    name, version, endpoint, chartDir, extDir, asset: join(outDir, assetUrl), index: indexPath, pluginFiles
  };
}

/** The newest modification time under a package folder (the shell link and caches are not sources). */
function newestSource(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    if (entry.name === 'node_modules' || entry.name === '.shell') {
      return newest;
    }
    const path = join(dir, entry.name);

    return Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Where the shell's flow would publish: raw files of the origin's `main` branch when it is on GitHub. */
function defaultBaseUrl() {
  const origin = spawnSync('git', ['config', '--get', 'remote.origin.url'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  const repo = origin?.match(/github\.com[:/](.+?)(\.git)?$/)?.[1];

  return repo ? `https://raw.githubusercontent.com/${ repo }/main` : undefined;
}

function main(argv) {
  const at = argv.indexOf('--base-url');
  const baseUrl = (at >= 0 ? argv[at + 1] : undefined) ?? process.env.CATALOG_BASE_URL ?? defaultBaseUrl() ?? 'http://localhost:8000';
  const names = argv.filter((arg, i) => !arg.startsWith('--') && (at < 0 || i !== at + 1));
  const pkgs = names.length ? names : readdirSync(join(ROOT, 'pkg')).filter((n) => existsSync(join(ROOT, 'pkg', n, 'package.json')));
  const outDir = join(ROOT, 'dist-catalog');

  for (const pkgName of pkgs) {
    const pkgDir = join(ROOT, 'pkg', pkgName);
    const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const distDir = join(ROOT, 'dist-pkg', `${ pkgName }-${ version }`);
    const entry = join(distDir, `${ pkgName }-${ version }.umd.min.js`);

    if (!existsSync(entry) || newestSource(pkgDir) > statSync(entry).mtimeMs) {
      log(`catalog: building ${ pkgName } ${ version }...`);
      if (spawnSync('npm', ['run', 'build-pkg', pkgName], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
        throw new Error(`npm run build-pkg ${ pkgName } failed`);
      }
    }
    const made = makeCatalog({
      pkgDir, distDir, outDir, baseUrl
    });

    log(`catalog: ${ made.name } ${ made.version }: chart ${ made.asset.slice(ROOT.length + 1) }, ${ made.pluginFiles.length } plugin files, endpoint ${ made.endpoint }`);
  }
  log(`catalog: index ${ join(outDir, 'index.yaml').slice(ROOT.length + 1) }; serve dist-catalog/ at ${ baseUrl } and add that URL as a Helm repository in Rancher`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
