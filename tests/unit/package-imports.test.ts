import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PKG = resolve(__dirname, '../../pkg/harvester-vm-migration-network');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);

    if (statSync(path).isDirectory()) {
      return ['node_modules', '.shell'].includes(name) ? [] : sources(path);
    }

    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

/** `import { A, type B } from './X.vue'`: named imports of a single-file component (only a default export is real). */
const NAMED_VUE_IMPORT = /import\s+(?:type\s+)?(?:[A-Za-z_$][\w$]*\s*,\s*)?\{[^}]*\}\s+from\s+['"][^'"]+\.vue['"]/g;

/**
 * The package build type-checks with the `*.vue` shim, which declares only a default export: a type imported
 * from an SFC compiles in dev but breaks `build-pkg`. Shared types belong in `.ts` modules.
 */
describe('package sources', () => {
  const files = sources(PKG);

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('import no named member (type or value) from a .vue file', () => {
    const offenders = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(NAMED_VUE_IMPORT)].map((m) => `${ relative(PKG, file) }: ${ m[0] }`));

    expect(offenders).toEqual([]);
  });

  it('the check catches such an import', () => {
    expect("import { CapacityView } from '../components/CapacityPanel.vue';".match(NAMED_VUE_IMPORT)).toHaveLength(1);
    expect("import CapacityPanel from '../components/CapacityPanel.vue';".match(NAMED_VUE_IMPORT)).toBeNull();
  });
});
