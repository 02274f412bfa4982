/**
 * The slice of Go's `encoding/json` the setting value goes through: an ordered tree that keeps number literals
 * and raw text (JSON.parse loses both), read from text that JSON.parse has already accepted.
 */
export type JsonNode =
  | { kind: 'object'; raw: string; entries: [string, JsonNode][] }
  | { kind: 'array'; raw: string; items: JsonNode[] }
  | { kind: 'string'; raw: string; value: string }
  | { kind: 'number'; raw: string }
  | { kind: 'bool'; raw: string; value: boolean }
  | { kind: 'null'; raw: string };

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Reads JSON text into an ordered tree. Returns `{ error }` with the JavaScript parser's message when the
 * text is not JSON; never throws.
 */
export function readJson(text: string): { node?: JsonNode; error?: string } {
  try {
    JSON.parse(text);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  let i = 0;
  const skip = () => {
    while (WS.has(text[i])) {
      i++;
    }
  };
  const read = (): JsonNode => {
    skip();
    const start = i;
    const c = text[i];

    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      const entries: [string, JsonNode][] = [];
      const items: JsonNode[] = [];

      i++;
      skip();
      while (text[i] !== close) {
        if (c === '{') {
          const key = read() as { value: string };

          skip();
          i++; // ':'
          entries.push([key.value, read()]);
        } else {
          items.push(read());
        }
        skip();
        if (text[i] === ',') {
          i++;
          skip();
        }
      }
      i++;
      const raw = text.slice(start, i);

      return c === '{' ? {
        kind: 'object', raw, entries
      } : {
        kind: 'array', raw, items
      };
    }
    if (c === '"') {
      i++;
      while (text[i] !== '"') {
        i += text[i] === '\\' ? 2 : 1;
      }
      i++;
      const raw = text.slice(start, i);

      return {
        kind: 'string', raw, value: JSON.parse(raw) as string
      };
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;

        return word === 'null' ? { kind: 'null', raw: word } : {
          kind: 'bool', raw: word, value: word === 'true'
        };
      }
    }
    NUMBER.lastIndex = i;
    NUMBER.exec(text);
    i = NUMBER.lastIndex;

    return { kind: 'number', raw: text.slice(start, i) };
  };

  return { node: read() };
}

/** Go's case folding of struct field names (ASCII, plus the Kelvin sign and long s). */
export function foldKey(key: string): string {
  return key.replace(/\u212a/g, 'k').replace(/\u017f/g, 's').toLowerCase();
}

/** The text of Go's UnmarshalTypeError for a struct field. */
export function goTypeError(value: string, field: string, type: string): string {
  return `json: cannot unmarshal ${ value } into Go struct field Config.${ field } of type ${ type }`;
}
