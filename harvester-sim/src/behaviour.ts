import { ObjectStore } from './store';
import { Admission, K8sObject, Obj } from './types';

/**
 * A resource action (`POST …/<type>/<id>?action=<name>`). The generic server only routes it; the behaviour
 * that defines it decides what it does. Callers need `update` on the type, as Rancher requires for actions.
 */
export interface ResourceAction {
  type: string;
  name: string;
  run(id: string, body: Obj): unknown;
  /** Whether the API links the action on this object (Harvester's formatter); absent: never linked per object. */
  offered?(obj: K8sObject): boolean;
  /** Its refusals are written as plain text, as Harvester's own API handlers write them. */
  plainErrors?: boolean;
}

/** What a cluster behaviour plugs into one cluster's store: admission hooks, resource actions, a way to stop. */
export interface ClusterBehaviour {
  /** Validating admission keyed by Steve type id. */
  admission: Record<string, Admission>;
  /** The webhook's name in denial messages (`admission webhook "<name>" denied the request: ...`). */
  webhook?: string;
  actions?: ResourceAction[];
  stop(): void;
}

/**
 * The capabilities the control API (`/sim/...`) drives on a Harvester cluster. Each is optional so a behaviour
 * may offer a subset; the control API answers 501 for a missing one.
 */
export interface HarvesterBehaviour extends ClusterBehaviour {
  addNode?(name: string, opts?: { witness?: boolean }): string;
  removeNode?(name: string): void;
  /** Creates a migration for the VMI `namespace/name` and drives it to the end. */
  startMigration?(vmiId: string, targetNode?: string): K8sObject;
  /** The VM migrate action with its gates (KubeVirt ready, target node migratable...). */
  migrateAction?(vmId: string, body?: { nodeName?: string }): K8sObject;
  setStepMs?(ms: number): void;
  /** The next live migration to reach Running fails half-way with this failure reason. */
  failNextMigration?(reason: string): void;
  /** Resolves when every scheduled controller step has run. */
  idle?(): Promise<void>;
}

/** Installs a behaviour on a freshly seeded Harvester cluster store. */
export type InstallBehaviour = (store: ObjectStore) => HarvesterBehaviour;
