import { describe, expect, it } from 'vitest';
import {
  FLEET_READ_POLICY, nextReadAt, readTimeoutMs, RowReadState, rowsToRead
} from '../fleet-schedule';
import { REQUESTS_PER_READ, simulateFleetReads } from '../../../../tests/support/fleet-schedule-sim';

describe('the fleet read schedule', () => {
  it.each([[50], [1000]])('holds %d clusters to the same steady ceiling of 10 requests a second, each read once at a time', (rows) => {
    const run = simulateFleetReads(rows, 20, 5, 300, 240);

    // eslint-disable-next-line no-console
    console.log(`fleet-schedule ${ rows } clusters: first screen ${ run.firstScreenMs } ms, every row ${ run.allReadMs } ms, steady ${ run.steadyRequestsPerSecond.toFixed(1) } requests/s`);
    expect(run.steadyRequestsPerSecond).toBeLessThanOrEqual(FLEET_READ_POLICY.readsPerSecond * REQUESTS_PER_READ);
    expect(run.mostInFlightPerRow).toBe(1);
    expect(run.firstScreenMs).toBeLessThan(2_000);
    expect(run.allReadMs).toBeLessThan(rows === 50 ? 5_000 : 60_000);
  });

  it('reads first what was never read, then what is on screen, most overdue first', () => {
    const rows: Record<string, RowReadState> = {
      offOld: {
        inFlight: false, failures: 0, busy: false, onScreen: false, startedAt: 0
      },
      onLate: {
        inFlight: false, failures: 0, busy: true, onScreen: true, startedAt: 0
      },
      onLater: {
        inFlight: false, failures: 0, busy: true, onScreen: true, startedAt: -10_000
      },
      fresh: {
        inFlight: false, failures: 0, busy: false, onScreen: false
      },
    };

    expect(rowsToRead(rows, 200_000, 10)).toEqual(['fresh', 'onLater', 'onLate', 'offOld']);
    expect(rowsToRead(rows, 200_000, 1)).toEqual(['fresh', 'onLater']);
  });

  it('backs a failing cluster off from when it gave up, doubling up to 5 minutes', () => {
    const failing = (failures: number): RowReadState => ({
      inFlight: false, failures, busy: true, onScreen: true, startedAt: 0, finishedAt: 10_000
    });

    expect([1, 2, 3, 9].map((n) => nextReadAt(failing(n)))).toEqual([20_000, 30_000, 50_000, 310_000]);
    expect(nextReadAt({ ...failing(0) })).toBe(5_000);
  });

  it('starts no more than maxInFlight reads at once, and asks a cluster Rancher cannot reach without counting it', () => {
    const rows: Record<string, RowReadState> = {};

    for (let i = 0; i < 20; i++) {
      rows[`c${ i }`] = {
        inFlight: i < 2, failures: 0, busy: false, onScreen: true, costless: i === 19
      };
    }
    // Two under way: ten more, and the costless one.
    expect(rowsToRead(rows, 0, 0)).toHaveLength(FLEET_READ_POLICY.maxInFlight - 2 + 1);
    expect(rowsToRead(rows, 0, 0)).toContain('c19');
  });

  it('waits 5 s for a first answer, twice as long after each failure in a row, and never more than 20 s', () => {
    expect([0, 1, 2, 3, 8].map((failures) => readTimeoutMs(failures))).toEqual([5_000, 10_000, 20_000, 20_000, 20_000]);
  });
});
