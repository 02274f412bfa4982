import { FLEET_READ_POLICY } from '../pkg/harvester-vm-migration-network/core/fleet-schedule';
import { simulateFleetReads } from '../tests/support/fleet-schedule-sim';

/**
 * The fleet overview's read schedule, driven as the reader drives it (ticks, reads of 300 ms, 20 rows on screen,
 * one cluster in five rolling out), over four minutes: the load one tab puts on Rancher at 50 and at 1,000 clusters.
 */
for (const rows of [50, 1000]) {
  const run = simulateFleetReads(rows, 20, 5, 300, 240);

  // eslint-disable-next-line no-console
  console.log(`fleet reads, ${ rows } clusters: first screen of rows read by ${ run.firstScreenMs } ms, every row by ${ run.allReadMs } ms; steady ${ run.steadyRequestsPerSecond.toFixed(1) } requests/s (ceiling ${ FLEET_READ_POLICY.readsPerSecond * 5 }); at most ${ run.mostInFlightPerRow } read per cluster at once`);
}
