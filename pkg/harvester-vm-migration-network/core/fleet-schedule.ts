/**
 * When each fleet row is read: a budget for Rancher, whatever the fleet's size. A read of one cluster costs at most
 * 5 requests through Rancher's cluster proxy (`api/cluster-summary.ts`), so `readsPerSecond` 2 holds one tab's
 * steady load to 10 requests a second at 50 clusters and at 1,000. Pure: the reader (`composables/fleet-reader.ts`)
 * supplies the clock and the state of each row.
 */
export interface FleetReadPolicy {
  /** A row on screen whose state is changing (a rollout, a stuck or failing cluster): read this often. */
  busyMs: number;
  /** A quiet row on screen. */
  quietMs: number;
  /** A row nobody looks at (scrolled away, filtered out). */
  offScreenMs: number;
  /**
   * A read not answered by then is given up (ended at the transport) and the cluster shown as not answering; doubled
   * per failure in a row, up to `timeoutMaxMs`, so a slow cluster is read in the end. Short at first because over
   * HTTP/1.1 (six connections to Rancher) a few silent clusters would hold every connection, and all the others wait.
   */
  timeoutMs: number;
  timeoutMaxMs: number;
  /** After a failed or unanswered read: this, doubled per failure in a row, up to `backoffMaxMs`. */
  backoffMs: number;
  backoffMaxMs: number;
  /** Steady budget: reads started per second once every row has been read once. */
  readsPerSecond: number;
  /** Reads a budget may save up while nothing is due (a burst after a quiet spell). */
  burst: number;
  /**
   * Reads under way at once, first reads included: enough for a fleet of 1,000 to be read in under 30 s when a
   * read takes 300 ms, since a finished read makes room for the next at once.
   */
  maxInFlight: number;
}

export const FLEET_READ_POLICY: FleetReadPolicy = {
  busyMs:         5_000,
  quietMs:        30_000,
  offScreenMs:    120_000,
  timeoutMs:      5_000,
  timeoutMaxMs:   20_000,
  backoffMs:      10_000,
  backoffMaxMs:   300_000,
  readsPerSecond: 2,
  burst:          4,
  maxInFlight:    12,
};

/** What the schedule knows of one row. */
export interface RowReadState {
  /** Epoch ms the last read started; undefined before the first. */
  startedAt?: number;
  /** Epoch ms the last read ended (answered, failed or timed out). */
  finishedAt?: number;
  /** A read is under way: a row never has two. */
  inFlight: boolean;
  /** Failed or unanswered reads in a row. */
  failures: number;
  /** Its state is changing (rolling out, stuck, failing), so it is worth reading often. */
  busy: boolean;
  onScreen: boolean;
  /** A read that asks nothing (a cluster Rancher cannot reach): it counts against no limit. */
  costless?: boolean;
}

/** When the row's next read is due (epoch ms); 0 for a row never read. */
export function nextReadAt(row: RowReadState, policy: FleetReadPolicy = FLEET_READ_POLICY): number {
  if (row.startedAt === undefined) {
    return 0;
  }
  const every = !row.onScreen ? policy.offScreenMs : row.busy ? policy.busyMs : policy.quietMs;
  // A cluster that fails or does not answer waits longer after each failure, counted from when it gave up.
  const backoff = row.failures ? Math.min(policy.backoffMs * 2 ** (row.failures - 1), policy.backoffMaxMs) : 0;

  return Math.max(row.startedAt + every, row.failures ? (row.finishedAt ?? row.startedAt) + backoff : 0);
}

/** How long the next read of a row waits for an answer, after `failures` failed or unanswered reads in a row. */
export function readTimeoutMs(failures: number, policy: FleetReadPolicy = FLEET_READ_POLICY): number {
  return Math.min(policy.timeoutMs * 2 ** failures, policy.timeoutMaxMs);
}

/** First reads first, then rows on screen, then the longest overdue: one number per row, smaller first. */
function priority(row: RowReadState, now: number, policy: FleetReadPolicy): [number, number, number] {
  return [row.startedAt === undefined ? 0 : 1, row.onScreen ? 0 : 1, nextReadAt(row, policy) - now];
}

function before(a: number[], b: number[]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The rows to read now, most urgent first: due, not already being read, within `maxInFlight`, and (for rows read
 * before) within the `tokens` the budget holds. First reads need no token: a fleet's first screen must not wait
 * for the steady budget.
 */
export function rowsToRead(rows: Record<string, RowReadState>, now: number, tokens: number, policy: FleetReadPolicy = FLEET_READ_POLICY): string[] {
  const inFlight = Object.values(rows).filter((r) => r.inFlight && !r.costless).length;
  // Each row's priority is worked out once, not on each of the n log n comparisons (1,000 rows, after every read).
  const due = Object.entries(rows)
    .filter(([, row]) => !row.inFlight && nextReadAt(row, policy) <= now)
    .map(([id, row]) => ({
      id, row, rank: priority(row, now, policy)
    }))
    .sort((a, b) => before(a.rank, b.rank));
  const out: string[] = [];
  let left = Math.floor(tokens);
  let started = 0;

  for (const { id, row } of due) {
    if (row.costless) {
      out.push(id);
      continue;
    }
    if (inFlight + started >= policy.maxInFlight) {
      continue;
    }
    if (row.startedAt !== undefined) {
      if (left < 1) {
        continue;
      }
      left -= 1;
    }
    started += 1;
    out.push(id);
  }

  return out;
}

/** The budget after `elapsedMs`: `readsPerSecond` accrue, up to `burst`. */
export function refill(tokens: number, elapsedMs: number, policy: FleetReadPolicy = FLEET_READ_POLICY): number {
  return Math.min(policy.burst, tokens + (elapsedMs / 1000) * policy.readsPerSecond);
}
