/** `npm run bench`: every benchmark of the project (printed figures); the browser ones one after the other. */
import './bundle-size.bench';
import './core.bench';
import './fleet-schedule.bench';
import { healthPageDone } from './health-page.bench';
import { benchLoadTime } from './load-time.bench';
import { benchFleetOverview } from './fleet-overview.bench';
import { benchFleetLoad } from './fleet-load.bench';
import { benchBusyCluster } from './busy-cluster.bench';

(async() => {
  await healthPageDone;
  await benchLoadTime();
  await benchFleetOverview();
  await benchFleetLoad();
  await benchBusyCluster();
})();
