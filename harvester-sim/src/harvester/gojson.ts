/**
 * Go `encoding/json` syntax checking (the `checkValid` pass of `json.Unmarshal`, scanner.go) with Go's exact
 * error texts, plus a parser that keeps what Go's decoder needs and JavaScript's JSON.parse loses: key order,
 * duplicate keys and the literal text of numbers.
 */
export type GoNode =
  | { kind: 'object'; entries: [string, GoNode][] }
  | { kind: 'array'; items: GoNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; literal: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' };

export { quoteChar } from './gojson-quote';
export { goSyntaxError } from './gojson-scan';
