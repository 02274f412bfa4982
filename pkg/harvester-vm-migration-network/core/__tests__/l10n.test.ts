import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CORE_L10N_KEYS, MESSAGES, problem } from '../messages';

function flatten(node: unknown, prefix = ''): Record<string, string> {
  if (typeof node === 'string') {
    return { [prefix]: node };
  }

  return Object.entries(node as Record<string, unknown>).reduce((out, [k, v]) => ({ ...out, ...flatten(v, prefix ? `${ prefix }.${ k }` : k) }), {});
}

// The extension's l10n files are the single home of every string; the core module's keys must all be there.
const files = ['en-us.yaml', 'zh-hans.yaml'];

describe.each(files)('%s', (file) => {
  const texts = flatten(parse(readFileSync(resolve(__dirname, '..', '..', 'l10n', file), 'utf8')));

  it('has every key the module can emit', () => {
    expect(Object.keys(CORE_L10N_KEYS).filter((key) => !(key in texts))).toStrictEqual([]);
  });

  it.each(Object.entries(CORE_L10N_KEYS))('%s uses exactly its arguments', (key, args) => {
    // A plain `{name}` or an ICU argument such as `{count, plural, …}`.
    const placeholders = [...(texts[key] ?? '').matchAll(/\{(\w+)(?:\}|,\s*(?:plural|select|number)\b)/g)].map((m) => m[1]);

    expect([...new Set(placeholders)].sort()).toStrictEqual([...args].sort());
  });
});

describe('problem()', () => {
  it('builds every code with its key, severity and field', () => {
    for (const [code, spec] of Object.entries(MESSAGES)) {
      const p = problem(code as keyof typeof MESSAGES);

      expect(p).toStrictEqual({
        code, severity: spec.severity, field: spec.field, key: spec.key, args: {}
      });
      expect(p.key.startsWith('vmMigrationNetwork.')).toBe(true);
    }
  });
});
