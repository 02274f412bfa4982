import { canonicalText } from './canonical';
import { foldKey, goTypeError, JsonNode, readJson } from './go-json';
import { problem } from './messages';
import {
  FormState, KeptEntry, MigrationNetworkValue, ParseResult, Problem, ProblemField
} from './types';

type FieldKind = 'string' | 'uint16' | '[]string' | 'bool';

/** Fields of Go's `network.Config` in every release, in struct order. */
const FIELDS: [string, FieldKind][] = [
  ['clusterNetwork', 'string'], ['vlan', 'uint16'], ['range', 'string'], ['exclude', '[]string'],
];
/** Fields a release adds: exclusiveVlan (v1.9, ignored for this setting) and the IPv6 part (v1.10). Both are kept keys. */
const EXCLUSIVE_VLAN: [string, FieldKind] = ['exclusiveVlan', 'bool'];
const V6_FIELDS: [string, FieldKind][] = [['rangeV6', 'string'], ['rangeV6Start', 'string'], ['rangeV6End', 'string']];

/** Which release fields the decoder knows (`ReleaseRules` has both flags); by default v1.9's: exclusiveVlan, no IPv6. */
export interface ParseOptions {
  exclusiveVlan?: boolean;
  dualStack?: boolean;
}

/** The form of a disabled setting. */
export function disabledForm(): FormState {
  return {
    enabled: false, clusterNetwork: '', vlan: '', range: '', exclude: []
  };
}

/** Text of a node the way the form shows it: strings unquoted, everything else as written. */
function asText(node: JsonNode): string {
  return node.kind === 'string' ? node.value : node.raw;
}

/** Go's `UnmarshalTypeError.Value` when `node` does not fit `kind`, else undefined. */
function mismatch(node: JsonNode, kind: FieldKind): string | undefined {
  if (node.kind === 'null') {
    return undefined;
  }
  if (node.kind === 'number' && kind === 'uint16') {
    return /^\d+$/.test(node.raw) && Number(node.raw) <= 65535 ? undefined : `number ${ node.raw }`;
  }
  const fits = (kind === 'string' && node.kind === 'string') || (kind === 'bool' && node.kind === 'bool') || (kind === '[]string' && node.kind === 'array');

  return fits ? undefined : node.kind;
}

function fieldOf(name: string): ProblemField {
  return name === 'exclusiveVlan' ? 'value' : name as ProblemField;
}

/** Fields whose value the form does not hold: written back as stored (kept), still type-checked as Go does. */
const isKeptField = (name: string) => name === 'exclusiveVlan' || name.startsWith('rangeV6');

/**
 * Reads a stored setting value into form state, the way Harvester (Go `encoding/json` into `network.Config`)
 * reads it. Never throws.
 *
 * - `""`, `null` or `undefined` mean disabled (the controller only looks at `value`; an empty string disables).
 * - Keys match exactly or case-insensitively (Go), the last duplicate wins, `null` leaves a field unset,
 *   keys the form does not edit are reported and returned in `kept` (value text as stored), so a save keeps them.
 * - Malformed JSON and wrong types are errors; the offending text is kept in the form (e.g. `"vlan":"100"` gives
 *   `vlan: '100'`) so nothing is lost, and `raw` holds the whole stored string.
 * - IPv6 ranges/excludes are reported (Harvester v1.9 rejects them; older webhooks hang on them).
 */
export function parseValue(raw: string | null | undefined, options: ParseOptions = {}): ParseResult {
  const text = typeof raw === 'string' ? raw : '';
  const fields = [...FIELDS, ...(options.exclusiveVlan ?? true ? [EXCLUSIVE_VLAN] : []), ...(options.dualStack ? V6_FIELDS : [])];

  if (text === '') {
    return {
      raw: text, form: disabledForm(), kept: [], problems: [], canonical: true
    };
  }
  const form: FormState = { ...disabledForm(), enabled: true };
  const problems: Problem[] = [];
  const { node, error } = readJson(text);
  const webhook = (goError: string) => `failed to unmarshal the setting value ${ text }, ${ goError }`;

  if (!node) {
    problems.push(problem('W3_SYNTAX', { args: { error: error ?? '' } }));

    return {
      raw: text, form, kept: [], problems, canonical: false
    };
  }
  if (node.kind !== 'object' && node.kind !== 'null') {
    const goError = `json: cannot unmarshal ${ node.kind } into Go value of type network.Config`;

    problems.push(problem('W3_NOT_OBJECT', { args: { kind: node.kind }, webhookMessage: webhook(goError) }));

    return {
      raw: text, form, kept: [], problems, canonical: false
    };
  }
  const value: MigrationNetworkValue = {
    clusterNetwork: '', vlan: 0, range: '', exclude: []
  };
  const seen = new Set<string>();
  const kept: KeptEntry[] = [];

  form.vlan = '0';

  for (const [key, child] of node.kind === 'object' ? node.entries : []) {
    const field = fields.find(([name]) => name === key) ?? fields.find(([name]) => foldKey(name) === foldKey(key));

    if (!field) {
      kept.push({ key, raw: child.raw });
      problems.push(problem('PARSE_UNKNOWN_KEY', { entry: key, args: { key } }));
      continue;
    }
    const [name, kind] = field;

    if (name !== key) {
      problems.push(problem('PARSE_KEY_CASE', { entry: key, args: { key, field: name } }));
    }
    if (seen.has(name)) {
      problems.push(problem('PARSE_DUPLICATE_KEY', { entry: key, args: { key } }));
    }
    seen.add(name);
    if (isKeptField(name)) {
      kept.push({ key, raw: child.raw });
    }
    if (name === 'exclusiveVlan') {
      problems.push(problem('PARSE_EXCLUSIVE_VLAN', { entry: key, args: { key } }));
    }
    const bad = mismatch(child, kind);
    const typeProblem = (got: string, type: string, index?: number) => problem('W3_TYPE', {
      field: fieldOf(name),
      index,
      entry: key,
      args:  {
        key, expected: type, got
      },
      webhookMessage: webhook(goTypeError(got, name, type))
    });

    if (bad) {
      problems.push(typeProblem(bad, kind));
    }
    if (name === 'exclude') {
      const items = child.kind === 'array' ? child.items : (child.kind === 'null' ? [] : [child]);

      items.forEach((item, index) => {
        const itemBad = child.kind === 'array' ? mismatch(item, 'string') : undefined;

        if (itemBad) {
          problems.push(typeProblem(itemBad, 'string', index));
        }
      });
      form.exclude = items.map((item) => (item.kind === 'null' ? '' : asText(item)));
      value.exclude = form.exclude;
    } else if (child.kind !== 'null' && !isKeptField(name)) {
      (form as unknown as Record<string, string>)[name] = asText(child);
      if (!bad) {
        (value as unknown as Record<string, string | number>)[name] = name === 'vlan' ? Number(child.raw) : asText(child);
      }
    }
  }
  if (value.range.includes(':')) {
    problems.push(problem('PARSE_IPV6', { entry: value.range, args: { entry: value.range } }));
  }
  value.exclude.forEach((entry, index) => {
    if (entry.includes(':')) {
      problems.push(problem('PARSE_IPV6', {
        field: 'exclude', index, entry, args: { entry }
      }));
    }
  });
  const decoded = !problems.some((p) => p.severity === 'error');
  const canonical = decoded && canonicalText(value, kept) === text;

  if (decoded && !canonical) {
    problems.push(problem('PARSE_NON_CANONICAL'));
  }

  return decoded ? {
    raw: text, form, kept, value, problems, canonical
  } : {
    raw: text, form, kept, problems, canonical
  };
}
