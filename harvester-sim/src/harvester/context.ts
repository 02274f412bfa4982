import { ObjectStore } from '../store';
import { Scheduler } from './scheduler';

/** Controller errors a test can inject for the next reconcile (the controller's own error reasons). */
/** `MigrationFailed`: the next live migration to reach Running fails half-way with this failure reason. */
export type InjectableFailure = 'UpdateKubeVirtError' | 'RemoveOldNadError' | 'MigrationFailed';

/** What every simulated controller shares: the cluster's store, the step scheduler and the clock. */
export interface SimContext {
  store: ObjectStore;
  scheduler: Scheduler;
  now(): Date;
  /** One-shot failures consumed by the vm-migration-network controller. */
  failures: Map<InjectableFailure, string>;
}
