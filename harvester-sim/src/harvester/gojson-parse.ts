import { GoNode } from './gojson';

/** Parses text that `goSyntaxError` accepted into a GoNode tree. */
export function parseGoJson(text: string): GoNode {
  let i = 0;
  const skip = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) {
      i++;
    }
  };
  const value = (): GoNode => {
    skip();
    const c = text[i];

    if (c === '{') {
      i++;
      const entries: [string, GoNode][] = [];

      skip();
      if (text[i] === '}') {
        i++;

        return { kind: 'object', entries };
      }
      for (;;) {
        skip();
        const key = value() as { kind: 'string'; value: string };

        skip();
        i++; // ':'
        entries.push([key.value, value()]);
        skip();
        if (text[i++] === '}') {
          return { kind: 'object', entries };
        }
      }
    }
    if (c === '[') {
      i++;
      const items: GoNode[] = [];

      skip();
      if (text[i] === ']') {
        i++;

        return { kind: 'array', items };
      }
      for (;;) {
        items.push(value());
        skip();
        if (text[i++] === ']') {
          return { kind: 'array', items };
        }
      }
    }
    if (c === '"') {
      const start = i++;

      while (text[i] !== '"') {
        i += text[i] === '\\' ? 2 : 1;
      }
      i++;

      return { kind: 'string', value: JSON.parse(text.slice(start, i)) as string };
    }
    for (const [word, node] of [['true', { kind: 'bool', value: true }], ['false', { kind: 'bool', value: false }], ['null', { kind: 'null' }]] as [string, GoNode][]) {
      if (text.startsWith(word, i)) {
        i += word.length;

        return node;
      }
    }
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i)) as RegExpExecArray;

    i += match[0].length;

    return { kind: 'number', literal: match[0] };
  };

  return value();
}
