/**
 * What a save changes, field by field, for the review: the stored value beside the one to be written, in the
 * words of the form (Enabled/Disabled, cluster network, VLAN, range, excludes) and then any key the form keeps
 * without editing it; v1.10's IPv6 keys read as text. Pure: both sides are read with the same parser the editor uses.
 */
import { isV6Key } from './dual-stack';
import { parseValue } from './parse';

/** An IPv6 key's value as the form shows it (a string unquoted); anything else as stored. */
function asText(raw: string): string {
  try {
    const value: unknown = JSON.parse(raw);

    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}

export interface FieldChange {
  /** A form field (`state`, `clusterNetwork`, `vlan`, `range`, `exclude`), or a key the form keeps as it is. */
  field: string;
  /** The text shown; `undefined` where the side has no such field (disabled, or the key absent). */
  before?: string;
  after?: string;
  changed: boolean;
}

function sides(raw: string): Map<string, string | undefined> {
  const { form, kept } = parseValue(raw);
  const out = new Map<string, string | undefined>([['state', form.enabled ? 'enabled' : 'disabled']]);
  const on = (text: string) => (form.enabled ? text : undefined);

  out.set('clusterNetwork', on(form.clusterNetwork));
  out.set('vlan', on(form.vlan));
  out.set('range', on(form.range));
  out.set('exclude', on(form.exclude.filter((e) => e.trim() !== '').join(', ')));
  for (const { key, raw: text } of kept) {
    out.set(key, isV6Key(key) ? asText(text) : text);
  }

  return out;
}

/** Every field of either value, in the form's order, each marked changed or not. */
export function valueChanges(previous: string, next: string): FieldChange[] {
  const before = sides(previous);
  const after = sides(next);
  const fields = [...new Set([...before.keys(), ...after.keys()])];

  return fields.map((field) => ({
    field, before: before.get(field), after: after.get(field), changed: before.get(field) !== after.get(field)
  })).filter((change) => change.before !== undefined || change.after !== undefined);
}
