import { cidrsOverlap, invalidCidrMessage, ipv6Number, parseCidr } from './cidr';
import { problem } from './messages';
import { Problem } from './types';

/** The IPv6 part of a v1.10 value as typed (each "" when absent). */
export interface V6Part {
  range: string;
  start: string;
  end: string;
}

/** A window this many times larger than the nodes need (and above the floor) is worth a word. */
const WINDOW_LARGE_RATIO = 64;
const WINDOW_LARGE_FLOOR = 1024;

function networkBounds(networkText: string): [bigint, bigint] {
  const [address, bits] = networkText.split('/');
  const first = ipv6Number(address) as bigint;

  return [first, first + (1n << BigInt(128 - Number(bits))) - 1n];
}

/** The rangeV6 checks of v1.10's webhook; returns the parsed range's bounds when it is a clean IPv6 network. */
function checkRangeV6(text: string, out: Problem[]): [bigint, bigint] | undefined {
  if (!text) {
    return undefined;
  }
  const cidr = parseCidr(text);

  if (!cidr) {
    out.push(problem('W24_RANGE_V6_INVALID', {
      entry: text, args: { range: text }, webhookMessage: invalidCidrMessage(text)
    }));
  } else if (cidr.family !== 6) {
    out.push(problem('W24_RANGE_V6_NOT_IPV6', {
      entry: text, args: { range: text }, webhookMessage: `rangeV6 ${ text } is not an IPv6 CIDR`
    }));
  } else if (!cidr.hostBitsZero) {
    out.push(problem('W24_RANGE_V6_HOST_BITS', {
      entry: text, args: { range: text, network: cidr.networkText }, webhookMessage: `rangeV6 should be subnet CIDR ${ cidr.networkText }`
    }));
  } else {
    return networkBounds(cidr.networkText);
  }

  return undefined;
}

/**
 * Checks the IPv6 part of a dual-stack value as v1.10's webhook does (a bad range, a bad window end, start after
 * end), plus our own warnings where the webhook is silent: a window outside the IPv6 range, half a window, a window
 * without range, a window much larger than the nodes need, too small a window for the nodes. Returns the addresses
 * the webhook adds to the IPv4 count: the window's size when it has both ends inside a valid range, else 0.
 */
export function checkDualStack(v6: V6Part, required: number | undefined, out: Problem[]): number {
  const bounds = checkRangeV6(v6.range, out);
  const ends = ([['start', v6.start], ['end', v6.end]] as const).map(([which, text]) => {
    const value = text ? ipv6Number(text) : undefined;

    if (text && value === undefined) {
      out.push(problem(which === 'start' ? 'W25_RANGE_V6_START_INVALID' : 'W25_RANGE_V6_END_INVALID', {
        entry: text, args: { address: text }, webhookMessage: `invalid rangeV6${ which === 'start' ? 'Start' : 'End' }: ${ text }`
      }));
    }

    return value;
  });
  const [start, end] = ends;

  // Without a range the window is neither counted nor compared (the webhook returns before it looks).
  if ((v6.start || v6.end) && !v6.range) {
    out.push(problem('RANGE_V6_WINDOW_WITHOUT_RANGE'));

    return 0;
  }
  if (start !== undefined && end !== undefined && start > end) {
    out.push(problem('W26_RANGE_V6_START_AFTER_END', {
      entry: v6.start, args: { start: v6.start, end: v6.end }, webhookMessage: `rangeV6Start ${ v6.start } must not be after rangeV6End ${ v6.end }`
    }));

    return 0;
  }
  if (!bounds || (v6.start && start === undefined) || (v6.end && end === undefined)) {
    return 0;
  }
  if (start === undefined || end === undefined) {
    // Half a window: said on the end that is missing.
    out.push(problem(v6.start || v6.end ? 'RANGE_V6_HALF_WINDOW' : 'RANGE_V6_NO_WINDOW', { field: v6.start ? 'rangeV6End' : 'rangeV6Start', args: { range: v6.range } }));

    return 0;
  }
  if (start < bounds[0] || end > bounds[1]) {
    const atStart = start < bounds[0];

    out.push(problem('RANGE_V6_WINDOW_OUTSIDE', {
      field: atStart ? 'rangeV6Start' : 'rangeV6End', entry: atStart ? v6.start : v6.end, args: { range: v6.range }
    }));
  }
  const size = end - start + 1n;
  const window = size > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(size);

  if (required !== undefined && window < required) {
    out.push(problem('RANGE_V6_WINDOW_SHORT', { args: { required, window } }));
  } else if (required !== undefined && window > Math.max(WINDOW_LARGE_FLOOR, required * WINDOW_LARGE_RATIO)) {
    out.push(problem('RANGE_V6_WINDOW_LARGE', { args: { required, window: window === Number.MAX_SAFE_INTEGER ? '2⁵³+' : window } }));
  }

  return window;
}

/** The IPv6 range of a peer setting's effective value (rwx-network's inner network), when it has one. */
function peerRangeV6(setting: string, text: string | undefined): string | undefined {
  try {
    const data = JSON.parse(text ?? '') as Record<string, unknown>;
    const network = (setting === 'rwx-network' ? data.network : data) as Record<string, unknown> | undefined;

    return typeof network?.rangeV6 === 'string' && network.rangeV6 ? network.rangeV6 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Our warning where v1.10's webhook may not look (its overlap check is IPv4's): an IPv6 range that overlaps
 * storage-network's or rwx-network's IPv6 part.
 */
export function checkV6PeerOverlap(range: string, peers: { storageNetwork?: string; rwxNetwork?: string } | undefined, out: Problem[]): void {
  const mine = parseCidr(range);

  if (!mine || mine.family !== 6 || !peers) {
    return;
  }
  for (const [setting, text] of [['storage-network', peers.storageNetwork], ['rwx-network', peers.rwxNetwork]] as const) {
    const peerRange = peerRangeV6(setting, text);
    const theirs = peerRange ? parseCidr(peerRange) : undefined;

    if (peerRange && theirs && cidrsOverlap(mine, theirs)) {
      out.push(problem('RANGE_V6_PEER_OVERLAP', {
        entry: setting,
        args:  {
          range, setting, peerRange
        }
      }));
    }
  }
}
