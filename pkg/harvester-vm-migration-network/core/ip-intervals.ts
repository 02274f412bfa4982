import { Cidr, ipv4Text, parseCidr } from './cidr';

/**
 * IP planning by interval arithmetic on IPv4 numbers: counts, overlap and containment for ranges of any size
 * without enumerating addresses. An interval is `[first, last]`, both inclusive.
 */
export type Interval = [number, number];

/** How excludes remove addresses: Harvester's webhook (`ip.go`) or Whereabouts (the real allocator). */
export type ExcludeMode = 'webhook' | 'whereabouts';

export interface PlanSegment {
  kind: 'free' | 'excluded' | 'reserved';
  first: string;
  last: string;
  size: number;
}

/** Sorts and merges overlapping or adjacent intervals. The input is not modified. */
export function mergeIntervals(list: Interval[]): Interval[] {
  let ordered = true;

  for (let i = 1; i < list.length && ordered; i++) {
    ordered = list[i - 1][0] <= list[i][0];
  }
  const sorted = ordered ? list : list.slice().sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];

  for (const [first, last] of sorted) {
    const top = out[out.length - 1];

    if (top && first <= top[1] + 1) {
      top[1] = Math.max(top[1], last);
    } else {
      out.push([first, last]);
    }
  }

  return out;
}

/** Number of addresses in merged, disjoint intervals. */
export function intervalsSize(list: Interval[]): number {
  let size = 0;

  for (const [first, last] of list) {
    size += last - first + 1;
  }

  return size;
}

/** `base` minus the merged, sorted `cut` intervals. */
export function subtractIntervals(base: Interval, cut: Interval[]): Interval[] {
  const out: Interval[] = [];
  let next = base[0];

  for (const [first, last] of cut) {
    if (last < next || first > base[1]) {
      continue;
    }
    if (first > next) {
      out.push([next, first - 1]);
    }
    next = Math.max(next, last + 1);
  }
  if (next <= base[1]) {
    out.push([next, base[1]]);
  }

  return out;
}

/** True when two sorted, disjoint interval lists share an address (two-pointer walk). */
export function intervalsIntersect(a: Interval[], b: Interval[]): boolean {
  let i = 0;
  let j = 0;

  while (i < a.length && j < b.length) {
    if (a[i][0] <= b[j][1] && b[j][0] <= a[i][1]) {
      return true;
    }
    if (a[i][1] < b[j][1]) {
      i++;
    } else {
      j++;
    }
  }

  return false;
}

/**
 * The addresses an exclude removes. Webhook: from the literal IP written to the end of its masked network
 * (`10.0.0.5/30` removes .5–.7). Whereabouts: the whole masked network (.4–.7).
 */
export function excludeInterval(cidr: Cidr, mode: ExcludeMode): Interval {
  return [mode === 'webhook' ? cidr.ip : cidr.network, cidr.broadcast];
}

/** The range without its network and broadcast addresses (from the literal IP, as ip.go enumerates); undefined when empty. */
export function hostInterval(range: Cidr): Interval | undefined {
  const first = Math.max(range.ip, range.network + 1);
  const last = range.broadcast - 1;

  return first <= last ? [first, last] : undefined;
}

/** First address an exclude removes (see `excludeInterval`). */
function excludeStart(cidr: Cidr, mode: ExcludeMode): number {
  return mode === 'webhook' ? cidr.ip : cidr.network;
}

/**
 * The IPv4 excludes by the first address they remove: the list itself when it holds only IPv4 ones in that order
 * (nearly always: rows are written in address order), else a filtered, sorted copy.
 */
function excludesInOrder(excludes: Cidr[], mode: ExcludeMode): Cidr[] {
  for (let i = 0; i < excludes.length; i++) {
    if (excludes[i].family !== 4 || (i > 0 && excludeStart(excludes[i - 1], mode) > excludeStart(excludes[i], mode))) {
      return excludes.filter((ex) => ex.family === 4).sort((a, b) => excludeStart(a, mode) - excludeStart(b, mode));
    }
  }

  return excludes;
}

/**
 * Counts the usable addresses of an IPv4 `range` after `excludes` (parsed IPv4 CIDRs; others are ignored, as they
 * can never match an IPv4 address) and adds them to `out` as sorted disjoint intervals, when given. Taking the
 * excludes one by one in order of their first address gives the same intervals as merging them first
 * (`subtractIntervals` after `mergeIntervals`) without building the merged list; one plain loop without callbacks,
 * as this runs over every exclude on every keystroke.
 */
function walkUsable(range: Cidr, excludes: Cidr[], mode: ExcludeMode, out?: Interval[]): number {
  const hosts = hostInterval(range);

  if (!hosts || range.family !== 4) {
    return 0;
  }
  const sorted = excludesInOrder(excludes, mode);
  const end = hosts[1];
  let next = hosts[0];
  let size = 0;

  for (let i = 0; i < sorted.length; i++) {
    const first = excludeStart(sorted[i], mode);
    const last = sorted[i].broadcast;

    if (last < next || first > end) {
      continue;
    }
    if (first > next) {
      size += first - next;
      out?.push([next, first - 1]);
    }
    next = Math.max(next, last + 1);
  }
  if (next <= end) {
    size += end - next + 1;
    out?.push([next, end]);
  }

  return size;
}

/** Usable addresses of an IPv4 `range` after `excludes`, as sorted disjoint intervals (see `walkUsable`). */
export function usableIntervals(range: Cidr, excludes: Cidr[], mode: ExcludeMode): Interval[] {
  const out: Interval[] = [];

  walkUsable(range, excludes, mode, out);

  return out;
}

/** Usable-address count (see `walkUsable`). */
export function countUsable(range: Cidr, excludes: Cidr[], mode: ExcludeMode): number {
  return walkUsable(range, excludes, mode);
}

/** Number of addresses in an IPv4 CIDR, network and broadcast included. */
export function cidrSize(cidr: Cidr): number {
  return cidr.broadcast - cidr.network + 1;
}

/**
 * Free / excluded / reserved segments of a range as Whereabouts sees it, in address order, for display.
 * Unparsable text gives an empty list; excludes that do not parse or are IPv6 are ignored.
 */
export function planSegments(rangeText: string, excludeTexts: string[]): PlanSegment[] {
  const range = parseCidr(rangeText);

  if (!range || range.family !== 4) {
    return [];
  }
  const excludes = excludeTexts.map((t) => parseCidr(t.trim())).filter((c): c is Cidr => c?.family === 4);
  const segment = (kind: PlanSegment['kind'], [first, last]: Interval): PlanSegment => ({
    kind, first: ipv4Text(first), last: ipv4Text(last), size: last - first + 1
  });
  const hosts = hostInterval(range);
  const out: PlanSegment[] = [segment('reserved', [range.network, range.network])];

  if (hosts) {
    const cut = mergeIntervals(excludes.map((ex) => excludeInterval(ex, 'whereabouts')))
      .map(([first, last]): Interval => [Math.max(first, hosts[0]), Math.min(last, hosts[1])])
      .filter(([first, last]) => first <= last);
    const tagged: [PlanSegment['kind'], Interval][] = [
      ...subtractIntervals(hosts, cut).map((iv): [PlanSegment['kind'], Interval] => ['free', iv]),
      ...cut.map((iv): [PlanSegment['kind'], Interval] => ['excluded', iv]),
    ];

    tagged.sort((a, b) => a[1][0] - b[1][0]);
    out.push(...tagged.map(([kind, iv]) => segment(kind, iv)));
  }
  if (range.broadcast !== range.network) {
    out.push(segment('reserved', [range.broadcast, range.broadcast]));
  }

  return out;
}
