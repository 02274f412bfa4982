import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ourTranslations } from '../support/l10n';

const PKG = resolve(__dirname, '../../pkg/harvester-vm-migration-network');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);

    if (statSync(path).isDirectory()) {
      return ['node_modules', '__tests__', '.shell'].includes(name) ? [] : sources(path);
    }

    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

/** Every literal `vmMigrationNetwork.…` key the UI code uses. */
const usedKeys = [...new Set(sources(PKG).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/['"](vmMigrationNetwork(?:\.[A-Za-z0-9]+)+)['"]/g)].map((m) => m[1])))];
const en = ourTranslations('en-us.yaml');
const zh = ourTranslations('zh-hans.yaml');

describe('l10n', () => {
  it('finds the keys the UI uses', () => {
    expect(usedKeys.length).toBeGreaterThan(30);
  });

  it.each(usedKeys)('%s exists in en-us and zh-hans', (key) => {
    expect(en[key], 'en-us').toBeTypeOf('string');
    expect(zh[key], 'zh-hans').toBeTypeOf('string');
  });

  it('en-us and zh-hans have the same keys and placeholders', () => {
    expect(Object.keys(zh).sort()).toStrictEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)/g)].map((m) => m[1]))].sort();

      expect(names(zh[key]), key).toStrictEqual(names(en[key]));
    }
  });
});
