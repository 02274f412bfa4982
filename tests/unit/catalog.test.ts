import { spawnSync } from 'node:child_process';
import {
  mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  afterAll, beforeAll, describe, expect, it
} from 'vitest';
import { parse } from 'yaml';
import { CatalogResult, makeCatalog } from '../../scripts/catalog.mjs';
import { compareVersionsDesc, sha256 } from '../../scripts/catalog/chart.mjs';
import { tarGz } from '../../scripts/catalog/tar.mjs';

const PKG_DIR = resolve(__dirname, '../../pkg/harvester-vm-migration-network');
const pkg = JSON.parse(readFileSync(join(PKG_DIR, 'package.json'), 'utf8')) as {
  name: string; version: string; rancher: { annotations: Record<string, string> };
};
const BASE = 'https://charts.example.com/repo/';
const ENTRY = `${ pkg.name }-${ pkg.version }.umd.min.js`;

interface Chart { name: string; version: string; appVersion: string; annotations: Record<string, string> }
interface IndexEntry extends Chart { digest: string; urls: string[] }

let tmp: string;
let made: CatalogResult;

/** A fake build: what build-pkg leaves, analysis files included, so the test needs no webpack run. */
function fakeDist(dir: string, version: string): string {
  const dist = join(dir, `dist-${ version }`);

  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, `${ pkg.name }-${ version }.umd.min.js`), 'entry();');
  writeFileSync(join(dist, `${ pkg.name }-${ version }.umd.min.12.js`), 'chunk();');
  writeFileSync(join(dist, `${ pkg.name }-${ version }.umd.min.12.js.map`), '{}');
  writeFileSync(join(dist, 'package.json'), '{}');
  writeFileSync(join(dist, 'report.html'), '<html></html>');
  writeFileSync(join(dist, 'report.json'), '[]');

  return dist;
}

/** Lists or reads an archive with the system tar: a real reader, not one written alongside the writer. */
function tar(args: string[]): string {
  const run = spawnSync('tar', args, { encoding: 'utf8' });

  expect(run.status, run.stderr).toBe(0);

  return run.stdout;
}

const read = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'catalog-'));
  made = makeCatalog({
    pkgDir: PKG_DIR, distDir: fakeDist(tmp, pkg.version), outDir: join(tmp, 'out'), baseUrl: BASE
  });
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('catalog from a build', () => {
  it('writes Chart.yaml with the package name, version and every package annotation, plus the shell chart ones', () => {
    const chart = read<Chart>(join(made.chartDir, 'Chart.yaml'));

    expect(chart).toMatchObject({
      name: pkg.name, version: pkg.version, appVersion: pkg.version, apiVersion: 'v2'
    });
    expect(chart.annotations).toMatchObject(pkg.rancher.annotations);
    expect(Object.keys(pkg.rancher.annotations)).toEqual(expect.arrayContaining([
      'catalog.cattle.io/rancher-version', 'catalog.cattle.io/ui-extensions-version', 'catalog.cattle.io/display-name'
    ]));
    expect(chart.annotations).toMatchObject({
      'catalog.cattle.io/ui-component': 'plugins', 'catalog.cattle.io/namespace': 'cattle-ui-plugin-system', 'catalog.cattle.io/scope': 'management'
    });
  });

  it('points the UIPlugin values at the published plugin files', () => {
    const values = read<{ plugin: { endpoint: string; compressedEndpoint: string; metadata: Record<string, string> } }>(join(made.chartDir, 'values.yaml'));
    const endpoint = `https://charts.example.com/repo/extensions/${ pkg.name }/${ pkg.version }`;

    expect(values.plugin).toMatchObject({ endpoint, compressedEndpoint: `${ endpoint }.tgz` });
    expect(values.plugin.metadata).toEqual(pkg.rancher.annotations);
    expect(readFileSync(join(made.chartDir, 'templates', 'cr.yaml'), 'utf8')).toContain('kind: UIPlugin');
  });

  it('lists the chart in index.yaml with the digest and a URL of its archive', () => {
    const index = read<{ apiVersion: string; entries: Record<string, IndexEntry[]> }>(made.index);
    const [entry] = index.entries[pkg.name];

    expect(index.apiVersion).toBe('v1');
    expect(index.entries[pkg.name]).toHaveLength(1);
    expect(entry).toMatchObject({
      name: pkg.name, version: pkg.version, appVersion: pkg.version
    });
    expect(entry.annotations).toEqual(read<Chart>(join(made.chartDir, 'Chart.yaml')).annotations);
    expect(entry.urls).toEqual([`assets/${ pkg.name }/${ pkg.name }-${ pkg.version }.tgz`]);
    expect(entry.digest).toBe(sha256(readFileSync(join(tmp, 'out', entry.urls[0]))));
  });

  it('packs the chart under a folder named after it, Chart.yaml included and identical', () => {
    expect(tar(['-tzf', made.asset]).trim().split('\n').sort()).toEqual([
      `${ pkg.name }/Chart.yaml`, `${ pkg.name }/templates/_helpers.tpl`, `${ pkg.name }/templates/cr.yaml`, `${ pkg.name }/values.yaml`
    ]);
    expect(tar(['-xzOf', made.asset, `${ pkg.name }/Chart.yaml`])).toBe(readFileSync(join(made.chartDir, 'Chart.yaml'), 'utf8'));
  });

  it('publishes the plugin files without the bundle analysis, with files.txt and the compressed copy', () => {
    const expected = [ENTRY, `${ pkg.name }-${ pkg.version }.umd.min.12.js`, `${ pkg.name }-${ pkg.version }.umd.min.12.js.map`, 'package.json'].sort();

    expect(made.pluginFiles).toEqual(expected);
    expect(readFileSync(join(made.extDir, 'files.txt'), 'utf8')).toBe(expected.map((f) => `plugin/${ f }\n`).join(''));
    expect(tar(['-tzf', `${ made.extDir }.tgz`])).toContain(`${ pkg.version }/plugin/${ ENTRY }`);
    expect(tar(['-xzOf', `${ made.extDir }.tgz`, `${ pkg.version }/plugin/${ ENTRY }`])).toBe('entry();');
  });

  it('packs the same build to the same bytes, so the digest only changes with the content', () => {
    const again = makeCatalog({
      pkgDir: PKG_DIR, distDir: join(tmp, `dist-${ pkg.version }`), outDir: join(tmp, 'out'), baseUrl: BASE
    });

    expect(sha256(readFileSync(again.asset))).toBe(read<{ entries: Record<string, IndexEntry[]> }>(made.index).entries[pkg.name][0].digest);
    expect(read<{ entries: Record<string, IndexEntry[]> }>(made.index).entries[pkg.name]).toHaveLength(1);
  });

  it('keeps an earlier version in the index, newest first', () => {
    const next = join(tmp, 'pkg-next');

    mkdirSync(next, { recursive: true });
    writeFileSync(join(next, 'package.json'), JSON.stringify({ ...pkg, version: '9.0.0' }));
    makeCatalog({
      pkgDir: next, distDir: fakeDist(tmp, '9.0.0'), outDir: join(tmp, 'out'), baseUrl: BASE
    });

    expect(read<{ entries: Record<string, IndexEntry[]> }>(made.index).entries[pkg.name].map((e) => e.version)).toEqual(['9.0.0', pkg.version]);
  });
});

describe('catalog helpers', () => {
  it('order versions numerically, a pre-release before its release', () => {
    expect(['0.9.0', '0.10.0', '0.10.0-rc1', '1.0.0'].sort(compareVersionsDesc)).toEqual(['1.0.0', '0.10.0', '0.10.0-rc1', '0.9.0']);
  });

  it('write names longer than 100 bytes through the ustar prefix, and refuse what cannot fit', () => {
    const long = `${ 'd'.repeat(80) }/${ 'f'.repeat(90) }.js`;
    const file = join(tmp, 'long.tgz');

    writeFileSync(file, tarGz([{ name: long, data: 'x' }], 0));
    expect(tar(['-tzf', file]).trim()).toBe(long);
    expect(() => tarGz([{ name: 'x'.repeat(101), data: '' }], 0)).toThrow(/too long/);
  });
});
