import ipaddr from 'ipaddr.js';
import {
  Cidr, cidrsOverlap, forgetWithCidrMemo, invalidCidrMessage, ipv4Text, parseCidr, parseIPv4, parsePrefixMessage
} from './cidr';
import { MIN_PREFIX_LENGTH } from './constants';
import { problem } from './messages';
import { ExcludeEntry } from './serialize';
import { Problem } from './types';
import type { Subject } from './validate-local';

function isBareAddress(text: string): boolean {
  return parseIPv4(text) !== undefined || (!text.includes('%') && ipaddr.IPv6.isValid(text));
}

/**
 * The first of W10–W14 an exclude row fails (the webhook's order), undefined when it passes. `prior` is the
 * previous row's CIDR when W14 can compare with it.
 */
function excludeError({ text, index }: ExcludeEntry, ex: Cidr | undefined, range: Cidr | undefined, prior: Cidr | undefined): Problem | undefined {
  if (!ex) {
    return isBareAddress(text) ? problem('W10_EXCLUDE_BARE_IP', {
      index, entry: text, args: { exclude: text, suggestion: `${ text }/${ text.includes(':') ? 128 : 32 }` }, webhookMessage: invalidCidrMessage(text)
    }) : problem('W10_EXCLUDE_INVALID', {
      index, entry: text, args: { exclude: text }, webhookMessage: invalidCidrMessage(text)
    });
  }
  if (ex.prefix < MIN_PREFIX_LENGTH) {
    return problem('W11_EXCLUDE_PREFIX', {
      index,
      entry: text,
      args:  {
        exclude: text, prefix: ex.prefix, min: MIN_PREFIX_LENGTH
      },
      webhookMessage: `min supported prefix length for network is ${ MIN_PREFIX_LENGTH }, exclude Range PrefixLen received ${ ex.prefix }`
    });
  }
  const placement = range && rangeError(text, index, ex, range);

  if (placement) {
    return placement;
  }
  if (prior && ex.strictPrefix && cidrsOverlap(ex, prior)) {
    return problem('W14_EXCLUDE_OVERLAP', {
      index, entry: text, args: { exclude: text, previous: prior.text }, webhookMessage: `exclude ranges have overlapping subnets ${ text } ${ prior.text }`
    });
  }

  return undefined;
}

/** W12 and W13 of an exclude row: how it sits against the range. */
function rangeError(text: string, index: number, ex: Cidr, range: Cidr): Problem | undefined {
  const notStrict = range.strictPrefix ? (ex.strictPrefix ? undefined : ex) : range;

  if (notStrict) {
    return problem('W12_PREFIX_LEADING_ZERO', {
      index, entry: text, args: { entry: notStrict.text }, webhookMessage: parsePrefixMessage(notStrict.text)
    });
  }
  if (!cidrsOverlap(range, ex)) {
    return problem('W12_EXCLUDE_OUTSIDE', {
      index, entry: text, args: { exclude: text, range: range.text }, webhookMessage: `exclude range ${ text } do not overlap include range ${ range.text }`
    });
  }
  if (ex.prefix <= range.prefix) {
    return problem('W13_EXCLUDE_COVERS_RANGE', {
      index, entry: text, args: { exclude: text, range: range.text }, webhookMessage: `exclude Range ${ text } includes include Range ${ range.text }, no allocatable ip addresses`
    });
  }

  return undefined;
}

/** The exclude rows last parsed, by position (see `parseRows`). */
let lastRows: { texts: string[]; cidrs: (Cidr | undefined)[] } = { texts: [], cidrs: [] };

forgetWithCidrMemo(() => {
  lastRows = { texts: [], cidrs: [] };
});

/**
 * Each row's CIDR. A keystroke changes one row at most, and comparing a row with the one last parsed at its
 * position costs less than finding its text among every CIDR parsed (`parseCidr`'s memo).
 */
function parseRows(entries: ExcludeEntry[]): (Cidr | undefined)[] {
  const rows: typeof lastRows = { texts: [], cidrs: [] };

  for (let i = 0; i < entries.length; i++) {
    const text = entries[i].text;

    rows.texts.push(text);
    rows.cidrs.push(text === lastRows.texts[i] ? lastRows.cidrs[i] : parseCidr(text));
  }
  lastRows = rows;

  return rows.cidrs;
}

/**
 * W10–W14 per exclude row, in order (the webhook stops at the first failure; here each row stops at its own
 * first failure and all rows are checked). W14 compares each row with the previous one only, as Harvester does.
 * Returns the excludes that passed, for address counting. Plain loops: a thousand rows run on every keystroke.
 */
export function checkExcludes(subject: Subject, range: Cidr | undefined, out: Problem[]): Cidr[] {
  const entries = subject.excludes;
  const valid: Cidr[] = [];
  const parsed = parseRows(entries);
  let previous: Cidr | undefined;

  for (let position = 0; position < entries.length; position++) {
    const entry = entries[position];
    const ex = parsed[position];
    const error = excludeError(entry, ex, range, previous);

    previous = ex?.strictPrefix ? ex : undefined;
    if (error) {
      out.push(error);
    } else if (ex?.family === 4) {
      if (!ex.hostBitsZero) {
        out.push(problem('EXCLUDE_HOST_BITS', {
          index: entry.index,
          entry: entry.text,
          args:  {
            exclude: entry.text, first: ipv4Text(ex.network), last: ipv4Text(ex.broadcast)
          }
        }));
      }
      if (range) {
        valid.push(ex);
      }
    }
  }
  warnNonAdjacentOverlaps(entries, parsed, out);

  return valid;
}

/** Positions of the IPv4 excludes the overlap warning compares, by network address (sorted only when written out of order). */
function byNetwork(cidrs: (Cidr | undefined)[]): number[] {
  const order: number[] = [];
  let ordered = true;
  let last = -1;

  for (let position = 0; position < cidrs.length; position++) {
    const c = cidrs[position];

    if (c?.family === 4 && c.prefix >= MIN_PREFIX_LENGTH) {
      ordered &&= last <= c.network;
      last = c.network;
      order.push(position);
    }
  }

  return ordered ? order : order.sort((a, b) => (cidrs[a] as Cidr).network - (cidrs[b] as Cidr).network);
}

/** Overlapping excludes that are not neighbours in the list: Harvester lets them through; they only waste effort. */
function warnNonAdjacentOverlaps(entries: ExcludeEntry[], cidrs: (Cidr | undefined)[], out: Problem[]): void {
  const order = byNetwork(cidrs);
  let widest = -1;
  let reach = -1;

  for (let i = 0; i < order.length; i++) {
    const position = order[i];
    const cidr = cidrs[position] as Cidr;

    if (widest >= 0 && cidr.network <= reach && Math.abs(widest - position) > 1) {
      const later = entries[Math.max(widest, position)];
      const other = entries[Math.min(widest, position)];

      out.push(problem('EXCLUDE_OVERLAP', {
        index: later.index, entry: later.text, args: { exclude: later.text, other: other.text }
      }));
    }
    // `reach`: the broadcast address of the exclude at `widest`, the one reaching furthest so far.
    if (widest < 0 || cidr.broadcast > reach) {
      widest = position;
      reach = cidr.broadcast;
    }
  }
}
