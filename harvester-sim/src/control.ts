import { IncomingMessage, ServerResponse } from 'node:http';
import { HarvesterBehaviour } from './behaviour';
import { Cluster } from './cluster';
import { Faults } from './faults';
import { readJson } from './http';
import { PluginRegistry } from './plugins';
import { findRoute, Route } from './router';
import { idOf, steveType } from './store';
import { ApiError, asK8sObject, K8sObject, Obj } from './types';

export interface ResetOptions {
  fleet?: string;
  /** Cluster scenario for `cluster` (default: the fleet's primary cluster). */
  scenario?: string;
  cluster?: string;
}

/**
 * The narrow view of the simulator the control API drives. The simulator implements it; this module depends on
 * nothing else of it, so the server can import the control routes without a cycle.
 */
export interface SimControl {
  readonly faults: Faults;
  readonly plugins: PluginRegistry;
  readonly fleetName: string;
  /** The cluster `?cluster=` defaults to. */
  readonly primary: string;
  cluster(id: string): Cluster | undefined;
  clusters(): Cluster[];
  /** Back to the start state (the start-up fleet and scenario unless told otherwise); run-time plugins are removed. */
  reset(options: ResetOptions): void;
  setConnected(id: string, connected: boolean): void;
  /** Rancher's `Ready` of a cluster apart from its connection (an upgrade: connected, not ready). */
  setReady(id: string, ready: boolean): void;
  /** Closes the websockets of one cluster, or every websocket (management API included). */
  dropWebsockets(cluster?: string): number;
}

interface ControlCall {
  sim: SimControl;
  method: string;
  params: URLSearchParams;
  body: Obj;
  /** The `?cluster=` cluster (default: primary), created or not: it must exist. */
  cluster(): Cluster;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const missing = (name: keyof HarvesterBehaviour): never => {
  throw new ApiError(501, 'NotImplemented', `the cluster behaviour has no ${ name }`);
};

function behaviourOf(call: ControlCall): HarvesterBehaviour {
  const cluster = call.cluster();

  if (!cluster.behaviour) {
    throw new ApiError(501, 'NotImplemented', `cluster ${ cluster.id } has no behaviour installed`);
  }

  return cluster.behaviour;
}

function clusterState(cluster: Cluster): Obj {
  return {
    id: cluster.id, name: cluster.spec.name, provider: cluster.spec.provider, scenario: cluster.spec.scenario, harvesterVersion: cluster.spec.harvesterVersion, connected: cluster.connected, ready: cluster.ready, nodes: cluster.nodeCount(), members: cluster.spec.members
  };
}

/** A server-side write, as another client or controller would make it (no admission, no RBAC). */
function writeObject(cluster: Cluster, obj: K8sObject): K8sObject {
  const type = steveType(obj.apiVersion, obj.kind);
  const exists = cluster.store.get(type, idOf(obj));

  return exists ? cluster.store.update(type, { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }) : cluster.store.create(type, obj);
}

/** The control routes; each answers a JSON body. */
const ROUTES: Route<ControlCall, unknown>[] = [];
const on = (method: string, pattern: RegExp, handler: Route<ControlCall, unknown>['handler']) => ROUTES.push({
  method, pattern, handler
});

on('POST', /^\/sim\/reset$/, ({ sim, body, params }) => {
  const cluster = params.get('cluster') ?? undefined;

  sim.reset({
    fleet: text(body.fleet), scenario: text(body.scenario), cluster
  });

  return {
    fleet: sim.fleetName, scenario: sim.cluster(cluster ?? sim.primary)?.spec.scenario, clusters: sim.clusters().map((c) => c.id)
  };
});
on('GET', /^\/sim\/state$/, ({ sim, cluster }) => {
  const { store, spec } = cluster();

  return {
    fleet: sim.fleetName, cluster: spec.id, scenario: spec.scenario, revision: store.revision, faults: sim.faults.list(), counts: Object.fromEntries(store.types().map((t) => [t, store.list(t).length]))
  };
});
on('GET', /^\/sim\/clusters$/, ({ sim }) => ({
  fleet: sim.fleetName, primary: sim.primary, clusters: sim.clusters().map(clusterState)
}));
on('POST', /^\/sim\/clusters\/([^/]+)\/connected$/, ({ sim, body }, [, id]) => {
  if (typeof body.connected !== 'boolean') {
    throw new ApiError(400, 'BadRequest', 'body must be {"connected": true|false}');
  }
  sim.setConnected(decodeURIComponent(id), body.connected);

  return clusterState(sim.cluster(decodeURIComponent(id)) as Cluster);
});
on('POST', /^\/sim\/clusters\/([^/]+)\/ready$/, ({ sim, body }, [, id]) => {
  if (typeof body.ready !== 'boolean') {
    throw new ApiError(400, 'BadRequest', 'body must be {"ready": true|false}');
  }
  sim.setReady(decodeURIComponent(id), body.ready);

  return clusterState(sim.cluster(decodeURIComponent(id)) as Cluster);
});
on('POST', /^\/sim\/clusters\/([^/]+)\/compact$/, ({ sim }, [, id]) => {
  const cluster = sim.cluster(decodeURIComponent(id));

  if (!cluster) {
    throw new ApiError(404, 'NotFound', `cluster ${ id } not found`);
  }
  // As an etcd compaction: watches from an older revision get 410 Expired and must list again.
  cluster.store.compact();

  return { revision: cluster.store.revision, oldest: cluster.store.oldestRevision };
});
on('DELETE', /^\/sim\/faults$/, ({ sim }) => {
  sim.faults.clear();

  return { faults: sim.faults.list() };
});
on('POST', /^\/sim\/faults$/, ({
  sim, body, params, cluster
}) => {
  // With `?cluster=` and no path, the fault covers every request to that cluster.
  const path = text(body.path) ?? (params.has('cluster') ? `/k8s/clusters/${ cluster().id }/` : '/');

  sim.faults.add({
    path, method: text(body.method), count: Number(body.count ?? 1), status: typeof body.status === 'number' ? body.status : undefined, message: text(body.message), delayMs: typeof body.delayMs === 'number' ? body.delayMs : undefined
  });

  return { faults: sim.faults.list() };
});
on('POST', /^\/sim\/websockets\/drop$/, ({ sim, params, cluster }) => ({ dropped: sim.dropWebsockets(params.has('cluster') ? cluster().id : undefined) }));
on('POST', /^\/sim\/speed$/, (call) => {
  const b = behaviourOf(call);
  const stepMs = Number(call.body.stepMs);

  b.setStepMs ? b.setStepMs(stepMs) : missing('setStepMs');

  return { stepMs };
});
on('POST', /^\/sim\/idle$/, async(call) => {
  const b = behaviourOf(call);

  await (b.idle ? b.idle() : missing('idle'));

  return { revision: call.cluster().store.revision };
});
on('POST', /^\/sim\/nodes$/, (call) => {
  const b = behaviourOf(call);
  const name = String(call.body.name);

  return { node: b.addNode ? b.addNode(name, { witness: call.body.witness === true }) : missing('addNode') };
});
on('DELETE', /^\/sim\/nodes\/([^/]+)$/, (call, [, node]) => {
  const b = behaviourOf(call);

  b.removeNode ? b.removeNode(decodeURIComponent(node)) : missing('removeNode');

  return { removed: node };
});
on('POST', /^\/sim\/migrations$/, (call) => {
  const b = behaviourOf(call);

  return { migration: b.startMigration ? b.startMigration(String(call.body.vmi), text(call.body.targetNode)) : missing('startMigration') };
});
on('POST', /^\/sim\/migrations\/fail-next$/, (call) => {
  const b = behaviourOf(call);
  const reason = text(call.body.reason) ?? 'Live migration failed error encountered during MigrateToURI3 libvirt api call: virError(Code=1, Domain=7, Message=\'internal error: client socket is closed\')';

  b.failNextMigration ? b.failNextMigration(reason) : missing('failNextMigration');

  return { failNext: reason };
});
on('PUT', /^\/sim\/objects$/, (call) => writeObject(call.cluster(), asK8sObject(call.body)));
on('POST', /^\/sim\/objects$/, (call) => writeObject(call.cluster(), asK8sObject(call.body)));
on('GET', /^\/sim\/objects\/([^/]+)$/, (call, [, type]) => ({ items: call.cluster().store.list(decodeURIComponent(type)) }));
on('GET', /^\/sim\/objects\/([^/]+)\/(.+)$/, (call, [, type, id]) => {
  const found = call.cluster().store.get(type, decodeURIComponent(id));

  if (!found) {
    throw new ApiError(404, 'NotFound', 'not found');
  }

  return found;
});
on('DELETE', /^\/sim\/objects\/([^/]+)\/(.+)$/, (call, [, type, id]) => call.cluster().store.remove(type, decodeURIComponent(id)));
on('GET', /^\/sim\/plugins$/, ({ sim }) => ({ plugins: sim.plugins.list() }));
on('POST', /^\/sim\/plugins$/, ({ sim, body }) => ({ plugin: sim.plugins.add(String(body.dir ?? ''), true) }));
on('DELETE', /^\/sim\/plugins$/, ({ sim }) => {
  sim.plugins.clearRuntime();

  return { plugins: sim.plugins.list() };
});

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body ?? {}));
}

/**
 * Test-only control API under `/sim/` (the server listens on loopback only): reset, clusters and their connection,
 * nodes, migrations, raw server-side writes, fault injection, websocket drops, controller speed and plugins.
 * Every endpoint takes `?cluster=<id>` (default: the fleet's primary cluster).
 */
export async function handleControl(sim: SimControl, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';

  try {
    const found = findRoute(ROUTES, method, url.pathname);

    if (!found) {
      throw new ApiError(404, 'NotFound', `${ method } ${ url.pathname } is not a control endpoint`);
    }
    const id = url.searchParams.get('cluster') ?? sim.primary;
    const call: ControlCall = {
      sim,
      method,
      params:  url.searchParams,
      body:    method === 'GET' || method === 'DELETE' ? {} : await readJson(req),
      cluster: () => sim.cluster(id) ?? (() => {
        throw new ApiError(404, 'NotFound', `cluster ${ id } not found`);
      })(),
    };

    reply(res, 200, await found.route.handler(call, found.match));
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(500, 'InternalError', err instanceof Error ? err.message : String(err));

    reply(res, error.status, { message: error.message });
  }
}
