/** Go's `quoteChar` (encoding/json scanner.go): how a byte is printed in "invalid character ..." messages. */
export function quoteChar(c: number): string {
  if (c === 0x27) {
    return '\'\\\'\'';
  }
  if (c === 0x22) {
    return '\'"\'';
  }
  const named: Record<number, string> = {
    7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 0x5c: '\\\\'
  };

  if (named[c]) {
    return `'${ named[c] }'`;
  }
  if (c < 0x20 || c === 0x7f) {
    return `'\\x${ c.toString(16).padStart(2, '0') }'`;
  }
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) {
    return `'\\u${ c.toString(16).padStart(4, '0') }'`;
  }

  return `'${ String.fromCharCode(c) }'`;
}
