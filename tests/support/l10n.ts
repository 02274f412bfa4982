/** The extension's translations as flat `dotted.key → text` maps, for tests that compare them with what the shell holds. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

export const L10N_DIR = resolve(__dirname, '../../pkg/harvester-vm-migration-network/l10n');

export function flatten(node: unknown, prefix = ''): Record<string, string> {
  if (typeof node === 'string') {
    return { [prefix]: node };
  }

  return Object.entries(node as Record<string, unknown>).reduce((out, [k, v]) => ({ ...out, ...flatten(v, prefix ? `${ prefix }.${ k }` : k) }), {});
}

/** One of our l10n files (`en-us.yaml`, `zh-hans.yaml`), flattened. */
export function ourTranslations(file: string): Record<string, string> {
  return flatten(parse(readFileSync(resolve(L10N_DIR, file), 'utf8')));
}
