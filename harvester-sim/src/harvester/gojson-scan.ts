/**
 * Go `encoding/json` syntax checking: the `checkValid` pass of `json.Unmarshal` (scanner.go), with Go's exact error
 * texts.
 */
import { quoteChar } from './gojson-quote';

type Parse = 'objectKey' | 'objectValue' | 'arrayValue';
type State = (c: number) => void;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

class SyntaxError extends Error {}

/** Returns Go's syntax error message for `text`, or undefined when it is valid JSON. */
export function goSyntaxError(text: string): string | undefined {
  const bytes = Buffer.from(text, 'utf8');
  const stack: Parse[] = [];
  let endTop = false;
  let step: State;
  const fail = (c: number, context: string): never => {
    throw new SyntaxError(`invalid character ${ quoteChar(c) } ${ context }`);
  };
  const literal = (rest: string, name: string, index = 0): State => (c) => {
    if (c !== rest.charCodeAt(index)) {
      fail(c, `in literal ${ name } (expecting '${ rest[index] }')`);
    }
    step = index + 1 < rest.length ? literal(rest, name, index + 1) : endValue;
  };
  const endTopState: State = (c) => {
    if (!isSpace(c)) {
      fail(c, 'after top-level value');
    }
  };
  const endValue: State = (c) => {
    const top = stack[stack.length - 1];

    if (!top) {
      endTop = true;
      step = endTopState;

      return endTopState(c);
    }
    if (isSpace(c)) {
      return;
    }
    if (top === 'objectKey') {
      if (c !== 0x3a) {
        fail(c, 'after object key');
      }
      stack[stack.length - 1] = 'objectValue';
      step = beginValue;
    } else if (top === 'objectValue') {
      if (c === 0x2c) {
        stack[stack.length - 1] = 'objectKey';
        step = beginString;
      } else if (c === 0x7d) {
        stack.pop();
        step = endValue;
      } else {
        fail(c, 'after object key:value pair');
      }
    } else if (c === 0x2c) {
      step = beginValue;
    } else if (c === 0x5d) {
      stack.pop();
      step = endValue;
    } else {
      fail(c, 'after array element');
    }
  };
  const inString: State = (c) => {
    if (c === 0x22) {
      step = endValue;
    } else if (c === 0x5c) {
      step = inEscape;
    } else if (c < 0x20) {
      fail(c, 'in string literal');
    }
  };
  const hex = (left: number): State => (c) => {
    if (!isHex(c)) {
      fail(c, 'in \\u hexadecimal character escape');
    }
    step = left > 1 ? hex(left - 1) : inString;
  };
  const inEscape: State = (c) => {
    if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
      step = inString;
    } else if (c === 0x75) {
      step = hex(4);
    } else {
      fail(c, 'in string escape code');
    }
  };
  const exponentDigits: State = (c) => {
    if (!isDigit(c)) {
      endValue(c);
    }
  };
  const exponentSign: State = (c) => {
    if (!isDigit(c)) {
      fail(c, 'in exponent of numeric literal');
    }
    step = exponentDigits;
  };
  const exponent: State = (c) => {
    if (c === 0x2b || c === 0x2d) {
      step = exponentSign;
    } else {
      exponentSign(c);
    }
  };
  const fraction: State = (c) => {
    if (c === 0x65 || c === 0x45) {
      step = exponent;
    } else if (!isDigit(c)) {
      endValue(c);
    }
  };
  const dot: State = (c) => {
    if (!isDigit(c)) {
      fail(c, 'after decimal point in numeric literal');
    }
    step = fraction;
  };
  const zero: State = (c) => {
    if (c === 0x2e) {
      step = dot;
    } else if (c === 0x65 || c === 0x45) {
      step = exponent;
    } else {
      endValue(c);
    }
  };
  const digits: State = (c) => (isDigit(c) ? undefined : zero(c));
  const negative: State = (c) => {
    if (c === 0x30) {
      step = zero;
    } else if (c >= 0x31 && c <= 0x39) {
      step = digits;
    } else {
      fail(c, 'in numeric literal');
    }
  };
  const beginValue: State = (c) => {
    if (isSpace(c)) {
      return;
    }
    const starts: Record<number, () => void> = {
      0x7b: () => {
        stack.push('objectKey');
        step = beginStringOrEmpty;
      },
      0x5b: () => {
        stack.push('arrayValue');
        step = beginValueOrEmpty;
      },
      0x22: () => (step = inString),
      0x2d: () => (step = negative),
      0x30: () => (step = zero),
      0x74: () => (step = literal('rue', 'true')),
      0x66: () => (step = literal('alse', 'false')),
      0x6e: () => (step = literal('ull', 'null')),
    };

    if (starts[c]) {
      return starts[c]();
    }
    if (c >= 0x31 && c <= 0x39) {
      step = digits;

      return;
    }
    fail(c, 'looking for beginning of value');
  };
  const beginValueOrEmpty: State = (c) => {
    if (isSpace(c)) {
      return;
    }
    if (c === 0x5d) {
      stack.pop();
      step = endValue;

      return;
    }
    beginValue(c);
  };
  const beginString: State = (c) => {
    if (isSpace(c)) {
      return;
    }
    if (c !== 0x22) {
      fail(c, 'looking for beginning of object key string');
    }
    step = inString;
  };
  const beginStringOrEmpty: State = (c) => {
    if (isSpace(c)) {
      return;
    }
    if (c === 0x7d) {
      stack.pop();
      step = endValue;

      return;
    }
    beginString(c);
  };

  step = beginValue;
  try {
    for (const c of bytes) {
      step(c);
    }
    // scanner.eof(): one more space, then "unexpected end of JSON input" unless the value ended.
    if (!endTop) {
      step(0x20);
    }
  } catch (err) {
    if (err instanceof SyntaxError) {
      return err.message;
    }
    throw err;
  }

  return endTop ? undefined : 'unexpected end of JSON input';
}
