import { goSyntaxError, GoNode } from './gojson';
import { parseGoJson } from './gojson-parse';

/** Go struct `network.Config` (harvester/harvester pkg/util/network/common.go), shared by the network settings. */
export interface NetworkConfig {
  clusterNetwork: string;
  vlan: number;
  range: string;
  exclude: string[];
  exclusiveVlan: boolean;
  /** v1.10 dual stack: the IPv6 CIDR and the allocation window inside it ("" when absent). */
  rangeV6: string;
  rangeV6Start: string;
  rangeV6End: string;
}

type FieldKind = 'string' | 'uint16' | 'bool' | '[]string';

const CONFIG_FIELDS: [keyof NetworkConfig, FieldKind][] = [
  ['clusterNetwork', 'string'], ['vlan', 'uint16'], ['range', 'string'], ['exclude', '[]string'],
];
/** v1.9 added `exclusiveVlan` to the shared struct; before, it is a key Go ignores. */
const EXCLUSIVE_VLAN_FIELD: [keyof NetworkConfig, FieldKind] = ['exclusiveVlan', 'bool'];
/** Fields v1.10 added; before, they are keys Go ignores. */
const DUAL_STACK_FIELDS: [keyof NetworkConfig, FieldKind][] = [['rangeV6', 'string'], ['rangeV6Start', 'string'], ['rangeV6End', 'string']];

/** Go's case folding for field names (ASCII plus the Kelvin sign and long s that fold onto k and s). */
function fold(key: string): string {
  return key.replace(/\u212a/g, 'k').replace(/\u017f/g, 's').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** The `Value` part of Go's UnmarshalTypeError for a JSON value that does not fit `kind`. */
function mismatch(node: GoNode, kind: FieldKind): string | undefined {
  switch (node.kind) {
  case 'null':
    return undefined;
  case 'string':
    return kind === 'string' ? undefined : 'string';
  case 'bool':
    return kind === 'bool' ? undefined : 'bool';
  case 'object':
    return 'object';
  case 'array':
    return kind === '[]string' ? undefined : 'array';
  case 'number':
    if (kind !== 'uint16') {
      return 'number';
    }

    return /^\d+$/.test(node.literal) && Number(node.literal) <= 65535 ? undefined : `number ${ node.literal }`;
  }
}

class GoDecodeError extends Error {}

function typeError(value: string, field: string | undefined, type: string): GoDecodeError {
  return new GoDecodeError(field ? `json: cannot unmarshal ${ value } into Go struct field ${ field } of type ${ type }` : `json: cannot unmarshal ${ value } into Go value of type ${ type }`);
}

/**
 * `json.Unmarshal([]byte(text), &network.Config{})` with Go's semantics: syntax errors first (whole input), then the
 * first type error wins while decoding carries on; unknown keys are ignored; keys match fields exactly or
 * case-insensitively; the last duplicate wins; `null` leaves a field alone.
 * Returns the config or Go's error text.
 */
export function decodeNetworkConfig(text: string, options: { dualStack?: boolean; exclusiveVlan?: boolean } = {}): { config?: NetworkConfig; error?: string } {
  const fields = [...CONFIG_FIELDS, ...(options.exclusiveVlan ?? true ? [EXCLUSIVE_VLAN_FIELD] : []), ...(options.dualStack ? DUAL_STACK_FIELDS : [])];
  const syntax = goSyntaxError(text);

  if (syntax) {
    return { error: syntax };
  }
  const root = parseGoJson(text);
  const config: NetworkConfig = {
    clusterNetwork: '', vlan: 0, range: '', exclude: [], exclusiveVlan: false, rangeV6: '', rangeV6Start: '', rangeV6End: ''
  };

  if (root.kind === 'null') {
    return { config };
  }
  if (root.kind !== 'object') {
    return { error: typeError(root.kind, undefined, 'network.Config').message };
  }
  let error: string | undefined;
  const save = (e: GoDecodeError) => {
    error = error ?? e.message;
  };

  for (const [key, node] of root.entries) {
    const field = fields.find(([name]) => name === key) ?? fields.find(([name]) => fold(name) === fold(key));

    if (!field) {
      continue;
    }
    const [name, kind] = field;
    const bad = mismatch(node, kind);

    if (bad) {
      save(typeError(bad, `Config.${ name }`, kind));
      continue;
    }
    if (node.kind === 'null') {
      continue;
    }
    if (kind === '[]string' && node.kind === 'array') {
      const items: string[] = [];

      for (const item of node.items) {
        const itemBad = mismatch(item, 'string');

        if (itemBad) {
          save(typeError(itemBad, `Config.${ name }`, 'string'));
        }
        items.push(item.kind === 'string' ? item.value : '');
      }
      config.exclude = items;
    } else if (node.kind === 'string' || node.kind === 'bool') {
      (config as unknown as Record<string, unknown>)[name] = node.value;
    } else if (node.kind === 'number') {
      config.vlan = Number(node.literal);
    }
  }

  return error ? { error } : { config };
}

/** `json.Unmarshal` into `[]string` (the VlanConfig matched-nodes annotation). */
export function decodeStringList(text: string): { list?: string[]; error?: string } {
  const syntax = goSyntaxError(text);

  if (syntax) {
    return { error: syntax };
  }
  const root = parseGoJson(text);

  if (root.kind === 'null') {
    return { list: [] };
  }
  if (root.kind !== 'array') {
    return { error: typeError(root.kind, undefined, '[]string').message };
  }
  const bad = root.items.map((item) => mismatch(item, 'string')).find(Boolean);

  if (bad) {
    return { error: typeError(bad, undefined, 'string').message };
  }

  return { list: root.items.map((item) => (item.kind === 'string' ? item.value : '')) };
}
