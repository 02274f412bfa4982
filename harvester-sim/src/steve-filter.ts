import { ApiError } from './types';

/**
 * One `filter=` term as Steve's SQL cache parses it (`pkg/stores/sqlpartition/queryparser`): `key=value`
 * (`==` too) is an exact match, `~` a partial one, `!=`/`!~` their negations, `in (…)`/`notin (…)` a set, `<`/`>`
 * an integer comparison, and a bare `key`/`!key` tests that a label exists. Values may be quoted.
 */
export interface Requirement {
  key: string;
  op: '=' | '!=' | '~' | '!~' | 'in' | 'notin' | '<' | '>' | 'exists' | '!exists';
  values: string[];
}

type Token = { kind: 'id' | 'op' | 'end'; text: string };

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<', '~']);
const OPERATORS = new Set(['=', '==', '!', '!=', '~', '!~', '(', ')', ',', '>', '<']);
const LABEL_KEY = /^metadata\.labels\[.+]$/;

function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;

  while (i < text.length) {
    const ch = text[i];

    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === '\'') {
      const close = text.indexOf(ch, i + 1);

      if (close < 0) {
        throw parseError(`unterminated quoted string in ${ text }`);
      }
      tokens.push({ kind: 'id', text: text.slice(i + 1, close) });
      i = close + 1;
    } else if (SPECIAL.has(ch)) {
      // The longest run of symbols that is still an operator (`!=`, `==`, `!~`), as Steve's lexer reads it.
      let op = ch;

      while (i + op.length < text.length && OPERATORS.has(op + text[i + op.length])) {
        op += text[i + op.length];
      }
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    } else {
      let end = i;

      while (end < text.length && !SPECIAL.has(text[end]) && !/\s/.test(text[end])) {
        end++;
      }
      tokens.push({ kind: 'id', text: text.slice(i, end) });
      i = end;
    }
  }
  tokens.push({ kind: 'end', text: '' });

  return tokens;
}

function parseError(message: string): ApiError {
  return new ApiError(400, 'InvalidFormat', `unable to parse requirement: ${ message }`);
}

/** The requirements of one `filter=` parameter; they are OR-ed. Throws a 400 ApiError for text Steve cannot parse. */
export function parseFilter(text: string): Requirement[] {
  const tokens = lex(text);
  let at = 0;
  const next = () => tokens[at++];
  const peek = () => tokens[at];
  const out: Requirement[] = [];

  for (;;) {
    let negate = false;
    let token = next();

    if (token.kind === 'op' && token.text === '!') {
      negate = true;
      token = next();
    }
    if (token.kind !== 'id') {
      throw parseError(`found '${ token.text }', expected: identifier`);
    }
    const key = token.text;
    const after = peek();

    if (after.kind === 'end' || (after.kind === 'op' && after.text === ',')) {
      if (!LABEL_KEY.test(key)) {
        throw parseError(`existence tests are valid only for labels; not valid for field '${ key }'`);
      }
      out.push({
        key, op: negate ? '!exists' : 'exists', values: []
      });
    } else {
      out.push({ key, ...operatorAndValues(next(), next, peek) });
    }
    const sep = next();

    if (sep.kind === 'end') {
      return out;
    }
    if (sep.text !== ',') {
      throw parseError(`found '${ sep.text }', expected: ',' or 'end of string'`);
    }
  }
}

function operatorAndValues(op: Token, next: () => Token, peek: () => Token): Pick<Requirement, 'op' | 'values'> {
  const word = op.text.toLowerCase();

  if (op.kind === 'id' && (word === 'in' || word === 'notin')) {
    if (next().text !== '(') {
      throw parseError(`found '${ op.text }' without '('`);
    }
    const values: string[] = [];

    while (peek().text !== ')') {
      const value = next();

      if (value.kind === 'end') {
        throw parseError('missing \')\'');
      }
      if (value.text !== ',') {
        values.push(value.text);
      }
    }
    next();

    return { op: word, values: values.length ? values : [''] };
  }
  const symbol = op.text === '==' ? '=' : op.kind === 'id' && (word === 'lt' || word === 'gt') ? (word === 'lt' ? '<' : '>') : op.text;

  if (!['=', '!=', '~', '!~', '<', '>'].includes(symbol)) {
    throw parseError(`found '${ op.text }', expected: in, notin, =, ==, !=, ~, !~, gt, lt`);
  }
  const value = peek().kind === 'id' ? next().text : '';

  if ((symbol === '<' || symbol === '>') && !/^-?\d+$/.test(value)) {
    throw parseError(`for 'Gt', 'Lt' operators, the value must be an integer`);
  }

  return { op: symbol as Requirement['op'], values: [value] };
}

/** Whether a field's values (several for a field inside a list, as Steve indexes them) meet the requirement. */
export function meets(requirement: Requirement, values: string[] | undefined): boolean {
  const present = values !== undefined;
  const all = values ?? [''];
  const [wanted] = requirement.values;
  const any = (test: (v: string) => boolean) => all.some(test);

  switch (requirement.op) {
  case 'exists': return present;
  case '!exists': return !present;
  case '=': return any((v) => v === wanted);
  case '!=': return !any((v) => v === wanted);
  case '~': return any((v) => v.toLowerCase().includes(wanted.toLowerCase()));
  case '!~': return !any((v) => v.toLowerCase().includes(wanted.toLowerCase()));
  case 'in': return any((v) => requirement.values.includes(v));
  case 'notin': return !any((v) => requirement.values.includes(v));
  case '<': return any((v) => v !== '' && Number(v) < Number(wanted));
  case '>': return any((v) => v !== '' && Number(v) > Number(wanted));
  }
}
