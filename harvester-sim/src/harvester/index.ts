import { ObjectStore } from '../store';
import { HarvesterBehaviour, ResourceAction } from '../behaviour';
import { canMigrate, migrateAction, migratableNodes } from './action';
import { abortMigration } from './migration-outcomes';
import { T } from './constants';
import { InjectableFailure, SimContext } from './context';
import { installSettingController } from './controller';
import { resumeMigration, startMigration } from './migrations';
import { addNode, removeNode } from './nodes';
import { installRuntime } from './runtime';
import { Scheduler } from './scheduler';
import { settingAdmission } from './webhook';

export { generateCluster } from './generate';
export type { GenerateOptions } from './generate';
export { settingAdmission } from './webhook';

/** The Harvester behaviour plugged into one cluster's store (webhook, controllers, runtime): every capability present. */
export type HarvesterSim = Required<Omit<HarvesterBehaviour, 'actions' | 'webhook'>> & {
  actions: ResourceAction[];
  webhook: string;
  /** Makes the next reconcile that reaches that step fail with `message` (sticky, as in Harvester). */
  failNext(reason: InjectableFailure, message: string): void;
};

/**
 * Installs Harvester's behaviour on `store`: the setting webhook, the vm-migration-network controller, the
 * network-controller NAD labeller, virt-operator, the virt-handler DaemonSet rollout, kubelet + Multus + whereabouts,
 * and live migrations. Every reaction is one step (`stepMs`) after its trigger.
 */
export function installHarvester(store: ObjectStore, options: { stepMs: number; now?: () => Date }): HarvesterSim {
  const ctx: SimContext = {
    store, scheduler: new Scheduler(options.stepMs), now: options.now ?? (() => new Date()), failures: new Map()
  };
  const unsubscribe = [installSettingController(ctx), installRuntime(ctx)];

  store.list(T.vmim).forEach((vmim) => resumeMigration(ctx, vmim));

  return {
    admission: { [T.setting]: settingAdmission },
    webhook:   'validator.harvesterhci.io',
    // Harvester's own action on VMs (its API extension), behind the same gates as the real one.
    actions:   [{
      // Harvester's action answers 204 without a body: the client finds the migration it started by watching.
      type:        T.vm,
      name:        'migrate',
      plainErrors: true,
      run:         (vmId, body) => {
        migrateAction(ctx, vmId, body as { nodeName?: string });
      },
      offered: (vm) => canMigrate(ctx, vm),
    }, {
      type:        T.vm,
      name:        'findMigratableNodes',
      plainErrors: true,
      run:         (vmId) => migratableNodes(ctx, vmId),
      offered:     (vm) => canMigrate(ctx, vm),
    }, {
      type:        T.vm,
      name:        'abortMigration',
      plainErrors: true,
      run:         (vmId) => {
        abortMigration(ctx, vmId);
      },
      offered: (vm) => ['Migrating', 'Pending migration'].includes(ctx.store.get(T.vmi, `${ vm.metadata.namespace }/${ vm.metadata.name }`)?.metadata.annotations?.['harvesterhci.io/migrationState'] ?? ''),
    }],
    addNode:        (name, opts) => addNode(ctx, name, opts),
    removeNode:     (name) => removeNode(ctx, name),
    startMigration: (vmiId, targetNode) => startMigration(ctx, vmiId, targetNode),
    migrateAction:  (vmId, body) => migrateAction(ctx, vmId, body),
    idle:           () => ctx.scheduler.idle(),
    setStepMs:      (ms) => {
      ctx.scheduler.stepMs = ms;
    },
    failNextMigration: (reason) => {
      ctx.failures.set('MigrationFailed', reason);
    },
    failNext: (reason, message) => {
      ctx.failures.set(reason, message);
    },
    stop: () => {
      unsubscribe.forEach((fn) => fn());
      ctx.scheduler.stop();
    },
  };
}
