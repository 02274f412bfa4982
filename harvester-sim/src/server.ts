import {
  createServer, IncomingMessage, Server, ServerResponse, STATUS_CODES
} from 'node:http';
import { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { RequestContext, SteveApi } from './api';
import {
  clusterAccess, managementAccess, Sessions, SimUser, tokenFrom
} from './auth';
import { InstallBehaviour } from './behaviour';
import { Cluster, ClusterRegistry, ClusterSpec } from './cluster';
import {
  clusterContext, clusterRoutes, ClusterHost, ClusterUse, steveBase
} from './cluster-routes';
import { handleControl, ResetOptions, SimControl } from './control';
import { Faults } from './faults';
import { DEFAULT_FLEET, Fleet, loadFleet, withScenario } from './fleet';
import { originOf, sendJson, steveError } from './http';
import { PluginRegistry } from './plugins';
import { managementCluster, seedManagement } from './rancher';
import { managementRoutes, publicRoutes, RancherHost } from './rancher-routes';
import { callOf, findRoute, requireUser, Route } from './router';
import { loadScenario } from './scenario';
import { CLUSTER_TYPES, MANAGEMENT_TYPES } from './schemas';
import { ObjectStore } from './store';
import { ApiError, K8sObject, Obj } from './types';
import { WatchHub } from './watch';

export interface SimulatorOptions {
  port: number;
  host?: string;
  /** Fleet file name (default `default`). */
  fleet?: string;
  /** Cluster scenario loaded into the fleet's primary cluster instead of the one the fleet names. */
  scenario?: string;
  /** Installs the cluster behaviour (Harvester's webhook and controllers) on each Harvester cluster's store. */
  install?: InstallBehaviour;
  /** Expands a scenario's `generate` parameters into objects. */
  generate?: (params: Obj) => K8sObject[];
  /** Adapts a scenario's objects to the cluster declared in the fleet (e.g. its version setting). */
  prepare?: (spec: ClusterSpec, objects: K8sObject[]) => K8sObject[];
  /** UI extension folders served by `/v1/uiplugins` from the start (kept across resets). */
  plugins?: string[];
}

const MGMT_CLUSTER = 'management.cattle.io.cluster';
const LOCAL_TYPES = MANAGEMENT_TYPES.filter((t) => t.id === 'namespace');

/**
 * The Rancher + Harvester simulator: one HTTP server with the management API and, per cluster of the registry,
 * its Steve API, Kubernetes path and websockets. Requests go through one ordered route table.
 */
export class Simulator implements SimControl, RancherHost, ClusterHost {
  readonly sessions = new Sessions();
  readonly faults = new Faults();
  readonly plugins = new PluginRegistry();
  readonly registry = new ClusterRegistry();
  readonly mgmt: SteveApi = {
    store: new ObjectStore(), types: MANAGEMENT_TYPES, admission: {}
  };

  readonly mgmtHub = new WatchHub(this.mgmt);
  fleet!: Fleet;
  private server?: Server;
  private readonly routes: Route[];

  constructor(private readonly options: SimulatorOptions) {
    for (const dir of options.plugins ?? []) {
      this.plugins.add(dir, false);
    }
    this.routes = [...publicRoutes(this), ...[...clusterRoutes(this), ...managementRoutes(this)].map(requireUser)];
    this.reset({});
  }

  get fleetName(): string {
    return this.fleet.name;
  }

  get primary(): string {
    return this.fleet.primary;
  }

  cluster(id: string): Cluster | undefined {
    return this.registry.get(id);
  }

  clusters(): Cluster[] {
    return this.registry.list();
  }

  /** Every object is computed before anything changes, so a reset with an unknown scenario leaves the state as it was. */
  reset(options: ResetOptions = {}): void {
    const startScenario = options.fleet ? undefined : this.options.scenario;
    const fleet = withScenario(loadFleet(options.fleet ?? this.options.fleet ?? DEFAULT_FLEET), options.scenario ?? startScenario, options.cluster);
    const objects = new Map(fleet.clusters.map((spec) => [spec.id, this.objectsFor(spec)]));

    this.faults.clear();
    this.plugins.clearRuntime();
    for (const gone of this.registry.sync(fleet.clusters, (spec) => this.createCluster(spec))) {
      gone.unload();
      gone.hub.dropAll();
    }
    this.fleet = fleet;
    for (const spec of fleet.clusters) {
      this.registry.get(spec.id)?.load(spec, objects.get(spec.id) ?? [], spec.provider === 'harvester' ? this.options.install : undefined);
    }
    this.mgmt.store.clear();
    seedManagement(this.mgmt.store);
    for (const cluster of this.registry.list()) {
      this.mgmt.store.seed(MGMT_CLUSTER, managementCluster(cluster));
    }
  }

  setConnected(id: string, connected: boolean): void {
    const cluster = this.registry.get(id);

    if (!cluster) {
      throw new ApiError(404, 'NotFound', `cluster ${ id } not found`);
    }
    cluster.connected = connected;
    if (!connected) {
      cluster.hub.dropAll();
    }
    this.refreshManagementCluster(cluster);
  }

  dropWebsockets(id?: string): number {
    const hubs = id ? [this.registry.get(id)?.hub] : [this.mgmtHub, ...this.registry.list().map((c) => c.hub)];

    return hubs.reduce((sum, hub) => sum + (hub?.dropAll() ?? 0), 0);
  }

  /** Rancher's proxy answers for a cluster: unknown 404, not yours 403, agent disconnected 503. */
  use(user: SimUser, id: string): ClusterUse {
    const cluster = this.registry.get(id);

    if (!cluster) {
      throw new ApiError(404, 'NotFound', `cluster ${ id } not found`);
    }
    const access = clusterAccess(user, { writable: cluster.isHarvester, members: cluster.spec.members });

    if (!access) {
      throw new ApiError(403, 'Forbidden', `clusters.management.cattle.io "${ id }" is forbidden: User "${ user.id }" cannot get resource "clusters" in API group "management.cattle.io" at the cluster scope`);
    }
    if (!cluster.connected) {
      throw new ApiError(503, 'ServiceUnavailable', `cluster agent disconnected for cluster ${ id }`);
    }

    return { cluster, access };
  }

  managementContext(req: IncomingMessage, user?: SimUser): RequestContext {
    const access = managementAccess(user);
    const ctx: RequestContext = { base: `${ originOf(req) }/v1`, access: () => access };

    if (user) {
      // Rancher lists only the clusters a user has a role in.
      ctx.visible = (type, obj) => type !== MGMT_CLUSTER || this.visibleTo(user, obj.metadata.name);
    }

    return ctx;
  }

  async listen(): Promise<number> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => fail(res, err, true));
    });
    const wss = new WebSocketServer({ noServer: true });

    server.on('upgrade', (req, socket, head) => {
      const target = this.socketTarget(req);

      if ('status' in target) {
        socket.write(`HTTP/1.1 ${ target.status } ${ STATUS_CODES[target.status] }\r\n\r\n`);
        socket.destroy();

        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => target.hub?.attach(ws, target.ctx));
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.options.port, this.options.host ?? '127.0.0.1', resolve));

    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.registry.list().forEach((c) => c.unload());
    this.dropWebsockets();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private visibleTo(user: SimUser, clusterId: string): boolean {
    const cluster = this.registry.get(clusterId);

    return !cluster || !!clusterAccess(user, { writable: cluster.isHarvester, members: cluster.spec.members });
  }

  private objectsFor(spec: ClusterSpec): K8sObject[] {
    if (spec.provider !== 'harvester') {
      return [];
    }
    const scenario = loadScenario(spec.scenario ?? 'default');
    const objects = [...(scenario.generate && this.options.generate ? this.options.generate(scenario.generate) : []), ...(scenario.objects ?? [])];

    return this.options.prepare ? this.options.prepare(spec, objects) : objects;
  }

  private createCluster(spec: ClusterSpec): Cluster {
    const cluster = new Cluster(spec, spec.provider === 'harvester' ? CLUSTER_TYPES : LOCAL_TYPES);

    // Rancher's cluster object follows the downstream node count.
    cluster.store.onChange((event) => {
      if (event.type === 'node' && event.kind !== 'change' && this.registry.get(spec.id) === cluster) {
        this.refreshManagementCluster(cluster);
      }
    });

    return cluster;
  }

  private refreshManagementCluster(cluster: Cluster): void {
    if (this.mgmt.store.get(MGMT_CLUSTER, cluster.id)) {
      this.mgmt.store.update(MGMT_CLUSTER, managementCluster(cluster));
    }
  }

  private socketTarget(req: IncomingMessage): { status: number } | { hub?: WatchHub; ctx: RequestContext } {
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    const user = this.sessions.userFor(tokenFrom(req.headers));
    const match = /^\/k8s\/clusters\/([^/]+)\/v1(\/harvester)?\/subscribe$/.exec(path);

    if (!user) {
      return { status: 401 };
    }
    if (path === '/v1/subscribe' || path === '/v3/subscribe') {
      // The shell opens the Norman socket too; nothing is published on it.
      return { hub: path === '/v1/subscribe' ? this.mgmtHub : undefined, ctx: this.managementContext(req, user) };
    }
    if (!match) {
      return { status: 404 };
    }
    try {
      const use = this.use(user, match[1]);

      return { hub: use.cluster.hub, ctx: clusterContext(use, steveBase(req, match[1], !!match[2])) };
    } catch (err) {
      return { status: err instanceof ApiError ? err.status : 500 };
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const user = this.sessions.userFor(tokenFrom(req.headers));
    const call = callOf(req, res, user);

    if (call.path.startsWith('/sim/')) {
      return handleControl(this, req, res, call.url);
    }
    if (await this.faults.intercept(call.method, call.path, res, !!user)) {
      return;
    }
    try {
      const found = findRoute(this.routes, call.method, call.path);

      if (!found) {
        throw new ApiError(user ? 404 : 401, user ? 'NotFound' : 'Unauthorized', user ? `${ call.path } not found` : 'must authenticate');
      }
      await found.route.handler(call, found.match);
    } catch (err) {
      fail(res, err, !!user);
    }
  }
}

function fail(res: ServerResponse, err: unknown, authed: boolean): void {
  const error = err instanceof ApiError ? err : new ApiError(500, 'InternalError', err instanceof Error ? err.message : String(err));

  if (!res.headersSent) {
    sendJson(res, error.status, steveError(error), authed);
  }
}
