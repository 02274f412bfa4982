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
  // The ☰ menu said "Migration Networks" and the page it opens "Migration networks".
  it.each([['en-us', en], ['zh-hans', zh]])('%s names the overview as the ☰ menu names the product', (_, texts) => {
    expect(texts['vmMigrationNetwork.fleet.title']).toBe(texts['vmMigrationNetwork.product.label']);
  });

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
      // An argument is `{name}` or `{name, plural, …}`; the texts inside a plural's branches (`=1 {1 node}`) are not.
      const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

      expect(names(zh[key]), key).toStrictEqual(names(en[key]));
    }
  });
});

/**
 * Keys built in template literals (`${ K }.state.${ row.state }`): each is resolved as far as the source allows
 * (`L10N_ROOT` and a file's own `const K = ...`), a ternary of string literals is enumerated, and any other
 * expression matches one key segment. Each must name at least one key, the same ones in both files.
 */
function templateKeys(): { file: string; pattern: RegExp; literals: string[] }[] {
  const out: { file: string; pattern: RegExp; literals: string[] }[] = [];

  for (const file of sources(PKG)) {
    const text = readFileSync(file, 'utf8');
    const k = /const K = `\$\{ L10N_ROOT \}([^`]*)`/.exec(text)?.[1];

    // Without the definition of K itself, which is a prefix, not a key.
    for (const [template] of text.replace(/const K = `[^`]*`/, '').matchAll(/`[^`\n]*\$\{[^`\n]*`/g)) {
      const resolved = template.slice(1, -1).replace(/\$\{ L10N_ROOT \}/g, 'vmMigrationNetwork').replace(/\$\{ K \}/g, k === undefined ? 'K' : `vmMigrationNetwork${ k }`);

      // messages.ts builds every core key from its table, which the core l10n test checks.
      if (!resolved.startsWith('vmMigrationNetwork.') || file.endsWith('core/messages.ts')) {
        continue;
      }
      const parts = resolved.split(/(\$\{[^}]*\})/);
      const dynamic = parts.filter((p) => p.startsWith('${'));
      const choices = dynamic.length === 1 ? [...dynamic[0].matchAll(/[?:]\s*'([A-Za-z0-9]+)'/g)].map((m) => m[1]) : [];
      const literals = choices.length > 1 ? choices.map((c) => parts.map((p) => (p.startsWith('${') ? c : p)).join('')) : [];

      out.push({
        file, literals, pattern: new RegExp(`^${ parts.map((p) => (p.startsWith('${') ? '[A-Za-z0-9]+' : p.replace(/\./g, '\\.'))).join('') }$`)
      });
    }
  }

  return out;
}

/** Reason keys the rollout steps give (`because('…')`), which the tracker shows under `health.rollout.reasons`. */
const ROLLOUT_REASONS = [...readFileSync(join(PKG, 'core/health/rollout.ts'), 'utf8').matchAll(/because\('(\w+)'/g)].map((m) => m[1]);

describe('l10n: keys built at run time', () => {
  const templates = templateKeys();

  it('finds them', () => {
    expect(templates.length).toBeGreaterThan(15);
  });

  it.each(templates.map((t) => [`${ t.pattern.source } (${ t.file.split('/').pop() })`, t] as const))('%s names keys in both files', (_, t) => {
    const matches = (texts: Record<string, string>) => Object.keys(texts).filter((key) => t.pattern.test(key)).sort();

    expect(matches(en).length).toBeGreaterThan(0);
    expect(matches(zh)).toStrictEqual(matches(en));
    for (const key of t.literals) {
      expect(en[key], key).toBeTypeOf('string');
      expect(zh[key], key).toBeTypeOf('string');
    }
  });

  it.each([...new Set(ROLLOUT_REASONS)])('rollout reason %s has its words', (reason) => {
    expect(en[`vmMigrationNetwork.health.rollout.reasons.${ reason }`]).toBeTypeOf('string');
    expect(zh[`vmMigrationNetwork.health.rollout.reasons.${ reason }`]).toBeTypeOf('string');
  });
});
