import { describe, expect, it } from 'vitest';
import {
  ChunkSize, checkBudget, defaultBudget, KIB, packageOf, shortPath, topModules
} from '../../bench/bundle-budget';
import { buildErrors } from '../../bench/bundle-report';

const budget = defaultBudget('ext', '1.0.0');
const ENTRY = 'ext-1.0.0.umd.min.js';

function chunk(file: string, gzip: number, paths: string[] = ['./index.ts']): ChunkSize {
  return {
    file,
    raw:     gzip * 3,
    gzip,
    modules: paths.map((path, i) => ({
      path, parsed: 100 * (i + 1), gzip: 10 * (i + 1)
    }))
  };
}

const byLabel = (chunks: ChunkSize[]) => Object.fromEntries(checkBudget(chunks, budget).map((r) => [r.label.split(' ')[0], r]));

describe('bundle budget', () => {
  it('passes a small build without host libraries', () => {
    const results = checkBudget([chunk(ENTRY, 3 * KIB), chunk('ext-1.0.0.umd.min.1.js', 100 * KIB, ['./../node_modules/lodash/lodash.js'])], budget);

    expect(results.map((r) => r.pass)).toEqual([true, true, true, true]);
    expect(results[1].detail).toContain('103.0 KiB');
  });

  it('fails an entry chunk over 10 KiB gzipped, and a missing entry chunk', () => {
    expect(byLabel([chunk(ENTRY, 10 * KIB + 1)]).entry.pass).toBe(false);
    expect(byLabel([chunk(ENTRY, 10 * KIB)]).entry.pass).toBe(true);
    expect(byLabel([chunk('other.js', 1)]).entry).toMatchObject({ pass: false, detail: 'not found in the build' });
  });

  it('fails when all chunks together exceed 350 KiB gzipped, and when there are no chunks', () => {
    const big = [chunk(ENTRY, 5 * KIB), chunk('a.js', 200 * KIB), chunk('b.js', 145 * KIB + 1)];

    expect(byLabel(big).all.pass).toBe(false);
    expect(byLabel(big.slice(0, 2)).all.pass).toBe(true);
    expect(byLabel([]).all.pass).toBe(false);
  });

  it('fails and names every host library found, including inside a concatenated module', () => {
    const results = byLabel([
      chunk(ENTRY, KIB, ['./product.ts']),
      chunk('a.js', KIB, [
        './../node_modules/vuex/dist/vuex.esm-bundler.js + 5 modules (concatenated)/../node_modules/vuex/dist/vuex.esm-bundler.js',
        './../node_modules/@vue/runtime-core/dist/runtime-core.esm-bundler.js',
      ]),
      chunk('b.js', KIB, ['./../node_modules/vue-router/dist/vue-router.mjs']),
    ]);

    expect(results.host.pass).toBe(false);
    expect(results.host.detail).toContain('vuex: 0.1 KiB parsed in a.js');
    expect(results.host.detail).toContain('@vue/runtime-core');
    expect(results.host.detail).toContain('vue-router: 0.1 KiB parsed in b.js');
  });

  it('does not mistake build glue or the shell\'s router stub for a host library', () => {
    const results = byLabel([chunk(ENTRY, KIB, [
      './../node_modules/@vue/cli-service/lib/commands/build/entry-lib.js + 6 modules (concatenated)/product.ts',
      './../node_modules/vue-loader/dist/exportHelper.js',
      './../node_modules/@rancher/shell/pkg/vue-router.lib.js',
    ])]);

    expect(results.host.pass).toBe(true);
  });

  it('fails when a chunk has no module data, since a bundled library would then go unseen', () => {
    const results = byLabel([chunk(ENTRY, KIB), { ...chunk('a.js', KIB), modules: [] }]);

    expect(results.module).toMatchObject({ pass: false, detail: 'missing for a.js' });
  });
});

describe('module names', () => {
  it('attribute a concatenated module to its own package', () => {
    expect(packageOf('./../node_modules/@rancher/shell/utils/object.js + 1 modules (concatenated)/../node_modules/jsonpath-plus/dist/x.js')).toBe('jsonpath-plus');
    expect(packageOf('./../node_modules/@vue/cli-service/lib/entry-lib.js + 6 modules (concatenated)/routing.ts')).toBeUndefined();
    expect(packageOf('./../node_modules/@rancher/shell/components/A.vue')).toBe('@rancher/shell');
  });

  it('shorten paths to the package or source file', () => {
    expect(shortPath('./../node_modules/lodash/lodash.js')).toBe('lodash/lodash.js');
    expect(shortPath('./core/index.ts + 18 modules (concatenated)/core/health.ts')).toBe('core/health.ts');
  });

  it('rank modules by gzipped size', () => {
    expect(topModules(chunk('a.js', 1, ['x', 'y', 'z']), 2).map((m) => m.path)).toEqual(['z', 'y']);
  });
});

describe('a failed build', () => {
  it('is reported by its compiler errors, not by its stack trace', () => {
    const log = [
      ' ERROR  Failed to compile with 1 error', ' error  in core/parse.ts:59:5', '', "TS2741: Property 'kept' is missing",
      'Error: Build failed with errors.', '    at /x/webpack.js:329:7'
    ].join('\n');

    expect(buildErrors(log)).toBe(" error  in core/parse.ts:59:5\nTS2741: Property 'kept' is missing");
    expect(buildErrors('sh: 1: vue-cli-service: not found\n')).toBe('sh: 1: vue-cli-service: not found');
  });
});
