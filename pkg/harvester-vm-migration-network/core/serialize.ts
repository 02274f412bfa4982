import { canonicalText } from './canonical';
import { keptWithV6, sameV6 } from './dual-stack';
import { parseValue } from './parse';
import { FormState, MigrationNetworkValue, ParseResult } from './types';

/** An exclude row as it will be written, with its row number in the form. */
export interface ExcludeEntry {
  text: string;
  index: number;
}

const VLAN_TEXT = /^(0|[1-9]\d*)$/;

/** The vlan text as a number, when it is a plain decimal integer (no sign, no leading zero, no fraction). */
export function vlanNumber(text: string): number | undefined {
  return VLAN_TEXT.test(text) && text.length < 16 ? Number(text) : undefined;
}

/** Exclude rows as written: trimmed, empty rows dropped, row numbers kept for messages. */
export function cleanExcludes(exclude: string[]): ExcludeEntry[] {
  const out: ExcludeEntry[] = [];

  for (let index = 0; index < exclude.length; index++) {
    const text = exclude[index].trim();

    if (text !== '') {
      out.push({ text, index });
    }
  }

  return out;
}

/** The value the form means, or undefined when it is disabled or its vlan is not a plain integer. */
export function formToValue(form: FormState, cleaned: ExcludeEntry[] = cleanExcludes(form.exclude)): MigrationNetworkValue | undefined {
  const vlan = vlanNumber(form.vlan);

  if (!form.enabled || vlan === undefined) {
    return undefined;
  }

  return {
    clusterNetwork: form.clusterNetwork,
    vlan,
    range:          form.range,
    exclude:        cleaned.map((e) => e.text),
  };
}

function sameValue(a: MigrationNetworkValue, b: MigrationNetworkValue): boolean {
  return a.clusterNetwork === b.clusterNetwork && a.vlan === b.vlan && a.range === b.range &&
    a.exclude.length === b.exclude.length && a.exclude.every((e, i) => e === b.exclude[i]);
}

/**
 * True when the form means exactly what Harvester decodes from `stored` (disabled and `""` are equal).
 * Whitespace, key order, key case and unknown keys of the stored text do not matter to Harvester's decoder.
 */
export function isSemanticallyEqual(form: FormState, stored: string | null | undefined, parsed: ParseResult = parseValue(stored)): boolean {
  if (!form.enabled || !parsed.form.enabled) {
    return form.enabled === parsed.form.enabled;
  }
  const value = formToValue(form);

  return !!value && !!parsed.value && sameValue(value, parsed.value) && (!form.v6 || sameV6(form.v6, parsed.kept));
}

/**
 * The setting value to write for a form. Disabled writes `""`. Otherwise the canonical JSON (`canonicalText`):
 * keys clusterNetwork, vlan, range, exclude; vlan a number; excludes trimmed, empty rows dropped; exclude always
 * present; no whitespace; then the form's IPv6 part when it edits one (v1.10: rangeV6, rangeV6Start, rangeV6End, the
 * non-empty ones); then every key of `stored` the form does not edit, byte for byte, in stored order. When the form means the same as `stored`, `stored` is returned byte for byte: the
 * controller hashes the raw string, so any textual change creates a new NAD and restarts every virt-handler.
 * Returns undefined when the vlan text is not a plain non-negative integer (the form cannot be written).
 * `cleaned` may pass `cleanExcludes(form.exclude)` when the caller already has it.
 */
export function serializeForm(form: FormState, stored?: string | null, cleaned?: ExcludeEntry[]): string | undefined {
  const parsed = parseValue(stored);

  if (stored !== undefined && stored !== null && isSemanticallyEqual(form, stored, parsed)) {
    return stored;
  }
  if (!form.enabled) {
    return '';
  }
  const value = formToValue(form, cleaned);

  return value ? canonicalText(value, form.v6 ? keptWithV6(parsed.kept, form.v6) : parsed.kept) : undefined;
}
