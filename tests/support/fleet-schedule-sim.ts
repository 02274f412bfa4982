import { FLEET_READ_POLICY, refill, RowReadState, rowsToRead } from '../../pkg/harvester-vm-migration-network/core/fleet-schedule';

const TICK_MS = 500;
const STEP_MS = 50;

/** The most requests one read of a cluster makes (`api/cluster-summary.ts`). */
export const REQUESTS_PER_READ = 5;

export interface FleetReadRun {
  /** When the last of the rows on screen had its first read (ms). */
  firstScreenMs: number;
  /** When every row had its first read. */
  allReadMs: number;
  /** Requests a second over the last minute, after every row was read once. */
  steadyRequestsPerSecond: number;
  /** The most reads of one row under way at once. */
  mostInFlightPerRow: number;
}

/**
 * Drives the schedule as the reader does (a tick every 500 ms, reads that take `readMs`), for `rows` clusters of which
 * the first `onScreen` are in the window and every `busyEvery`-th is rolling out.
 */
export function simulateFleetReads(rows: number, onScreen: number, busyEvery: number, readMs: number, seconds: number): FleetReadRun {
  const state: Record<string, RowReadState> = {};
  const finishing: { id: string; at: number }[] = [];
  const reads: number[] = [];
  let tokens = FLEET_READ_POLICY.burst;
  let firstScreenMs = -1;
  let allReadMs = -1;
  let mostInFlightPerRow = 0;

  for (let i = 0; i < rows; i++) {
    state[`c${ i }`] = {
      inFlight: false, failures: 0, busy: i % busyEvery === 0, onScreen: i < onScreen
    };
  }
  for (let now = 0; now <= seconds * 1000; now += STEP_MS) {
    const done = finishing.filter((f) => f.at <= now);

    for (const read of done) {
      Object.assign(state[read.id], { inFlight: false, finishedAt: read.at });
    }
    finishing.splice(0, finishing.length, ...finishing.filter((f) => f.at > now));
    tokens = refill(tokens, STEP_MS);
    // The reader looks every TICK_MS, and at once when a read ends while rows were never read.
    const firstPass = Object.values(state).some((r) => r.startedAt === undefined);

    if (now % TICK_MS !== 0 && !(done.length && firstPass)) {
      continue;
    }
    for (const id of rowsToRead(state, now, tokens)) {
      mostInFlightPerRow = Math.max(mostInFlightPerRow, state[id].inFlight ? 2 : 1);
      tokens -= state[id].startedAt === undefined ? 0 : 1;
      Object.assign(state[id], { inFlight: true, startedAt: now });
      finishing.push({ id, at: now + readMs });
      reads.push(now);
    }
    const read = Object.values(state).filter((r) => r.startedAt !== undefined);

    if (firstScreenMs < 0 && read.filter((r) => r.onScreen).length === onScreen) {
      firstScreenMs = now;
    }
    if (allReadMs < 0 && read.length === rows) {
      allReadMs = now;
    }
  }
  const lastMinute = reads.filter((at) => at > (seconds - 60) * 1000).length;

  return {
    firstScreenMs, allReadMs, steadyRequestsPerSecond: (lastMinute * REQUESTS_PER_READ) / 60, mostInFlightPerRow
  };
}
