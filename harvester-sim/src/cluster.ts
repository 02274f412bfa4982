import { SteveApi } from './api';
import { rancherDialect } from './rancher-version';
import { HarvesterBehaviour } from './behaviour';
import { TypeDef } from './schemas';
import { ObjectStore, steveType } from './store';
import { K8sObject } from './types';
import { WatchHub } from './watch';

export type Provider = 'harvester' | 'k3s';

/** How a cluster is declared in a fleet: identity, what it is loaded with, and its connection state. */
export interface ClusterSpec {
  id: string;
  name: string;
  provider: Provider;
  /** Cluster scenario loaded into its store (Harvester clusters only). */
  scenario?: string;
  /** Value of its `server-version` Harvester setting, e.g. `v1.8.0`. */
  harvesterVersion?: string;
  connected: boolean;
  /** Usernames with the `member` role that may use this cluster (with admin rights). */
  members: string[];
  /** A cluster in trouble behind a connected agent: every request through Rancher's proxy hangs, or fails with 502. */
  answers?: 'hang' | 'fail';
}

/**
 * One downstream cluster: its own store, Steve API, websocket hub and installed behaviour. The store and hub
 * live as long as the cluster does, so open websockets survive a reset that keeps the cluster.
 */
export class Cluster {
  readonly api: SteveApi;
  readonly hub: WatchHub;
  behaviour?: HarvesterBehaviour;
  connected: boolean;
  /**
   * Rancher's `Ready` condition, apart from the connection: False while the agent is connected and the cluster
   * answers, as when Harvester upgrades itself (Rancher reports `Connected` True and `Ready` False).
   */
  ready = true;

  constructor(public spec: ClusterSpec, types: TypeDef[], rancher = rancherDialect()) {
    this.api = {
      store: new ObjectStore(), types, admission: {}, rancher
    };
    this.hub = new WatchHub(this.api);
    this.connected = spec.connected;
  }

  get id(): string {
    return this.spec.id;
  }

  get store(): ObjectStore {
    return this.api.store;
  }

  get isHarvester(): boolean {
    return this.spec.provider === 'harvester';
  }

  /** Replaces the cluster's objects and installs a fresh behaviour on them (the old one is stopped first). */
  load(spec: ClusterSpec, objects: K8sObject[], install?: (store: ObjectStore) => HarvesterBehaviour): void {
    this.unload();
    this.spec = spec;
    this.connected = spec.connected;
    this.ready = true;
    this.store.clear();
    for (const obj of objects) {
      this.store.seed(steveType(obj.apiVersion, obj.kind), obj);
    }
    this.behaviour = install?.(this.store);
    this.api.admission = this.behaviour?.admission ?? {};
    this.api.webhook = this.behaviour?.webhook;
  }

  unload(): void {
    this.behaviour?.stop();
    this.behaviour = undefined;
  }

  nodeCount(): number {
    return this.store.list('node').length;
  }
}

/** The downstream clusters Rancher manages, in fleet order (`local` first). */
export class ClusterRegistry {
  private readonly byId = new Map<string, Cluster>();

  get(id: string): Cluster | undefined {
    return this.byId.get(id);
  }

  list(): Cluster[] {
    return [...this.byId.values()];
  }

  /** Keeps clusters still wanted with the same provider (same store and hub), creates new ones, returns the dropped ones. */
  sync(specs: ClusterSpec[], create: (spec: ClusterSpec) => Cluster): Cluster[] {
    const previous = new Map(this.byId);

    this.byId.clear();
    for (const spec of specs) {
      const old = previous.get(spec.id);
      const keep = old && old.spec.provider === spec.provider;

      this.byId.set(spec.id, keep ? old : create(spec));
      if (keep) {
        previous.delete(spec.id);
      }
    }

    return [...previous.values()];
  }
}
