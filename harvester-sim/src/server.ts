import { IncomingMessage, ServerResponse, STATUS_CODES } from 'node:http';
import { WebSocketServer } from 'ws';
import { RequestContext, SteveApi } from './api';
import { managementAccess, Sessions, SimUser, tokenFrom } from './auth';
import { Cluster, ClusterRegistry, ClusterSpec } from './cluster';
import { clusterRoutes, clusterVisible, ClusterUse, useCluster } from './cluster-routes';
import { handleControl, ResetOptions, SimControl } from './control';
import { Faults, lastingFaults } from './faults';
import { DEFAULT_FLEET, Fleet, loadFleet, withScenario } from './fleet';
import { originOf, sendJson, steveError } from './http';
import { kubeconfigRoutes } from './kubeconfig';
import { DualListener } from './listener';
import { isBrowserNavigation, sendOlderUi } from './older-ui';
import { PluginRegistry } from './plugins';
import { managementCluster, seedManagement } from './rancher';
import { RancherDialect, rancherDialect } from './rancher-version';
import { SimulatorOptions } from './options';
import { managementRoutes, publicRoutes, RancherHost } from './rancher-routes';
import { callOf, findRoute, requireUser, Route } from './router';
import { loadScenario } from './scenario';
import { MANAGEMENT_TYPES } from './schemas';
import { socketTarget, SocketHost } from './sockets';
import { ObjectStore } from './store';
import { ApiError, K8sObject, PlainTextError } from './types';
import { WatchHub } from './watch';

export type { SimulatorOptions } from './options';

const MGMT_CLUSTER = 'management.cattle.io.cluster';
const LOCAL_TYPES = MANAGEMENT_TYPES.filter((t) => t.id === 'namespace');

/**
 * The Rancher + Harvester simulator: one HTTP server with the management API and, per cluster of the registry,
 * its Steve API, Kubernetes path and websockets. Requests go through one ordered route table.
 */
export class Simulator implements SimControl, RancherHost, SocketHost {
  readonly sessions = new Sessions();
  readonly faults = new Faults();
  readonly plugins = new PluginRegistry();
  readonly registry = new ClusterRegistry();
  readonly rancher: RancherDialect;
  readonly mgmt: SteveApi;

  readonly mgmtHub: WatchHub;
  fleet!: Fleet;
  private server?: DualListener;
  /** The port the simulator listens on (HTTP and HTTPS), once it does. */
  port = 0;
  private readonly routes: Route[];

  constructor(private readonly options: SimulatorOptions) {
    this.rancher = rancherDialect(options.rancher);
    this.mgmt = {
      store: new ObjectStore(), types: MANAGEMENT_TYPES, admission: {}, rancher: this.rancher
    };
    this.mgmtHub = new WatchHub(this.mgmt);
    for (const dir of options.plugins ?? []) {
      this.plugins.add(dir, false);
    }
    this.routes = [...publicRoutes(this), ...[...clusterRoutes(this), ...kubeconfigRoutes(this), ...managementRoutes(this)].map(requireUser)];
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
    const named = loadFleet(options.fleet ?? this.options.fleet ?? DEFAULT_FLEET);
    // The start-up `--scenario` belongs to the start-up fleet; a scenario given here goes to its cluster on top.
    const fleet = withScenario(options.fleet ? named : withScenario(named, this.options.scenario), options.scenario, options.cluster);
    const objects = new Map(fleet.clusters.map((spec) => [spec.id, this.objectsFor(spec)]));

    this.faults.clear();
    lastingFaults(fleet.clusters).forEach((rule) => this.faults.add(rule));
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
    seedManagement(this.mgmt.store, this.rancher);
    for (const cluster of this.registry.list()) {
      this.mgmt.store.seed(MGMT_CLUSTER, managementCluster(cluster));
    }
  }

  setReady(id: string, ready: boolean): void {
    const cluster = this.registry.get(id);

    if (!cluster) {
      throw new ApiError(404, 'NotFound', `cluster ${ id } not found`);
    }
    cluster.ready = ready;
    this.refreshManagementCluster(cluster);
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

  use(user: SimUser, id: string): ClusterUse {
    return useCluster(this.registry, user, id);
  }

  managementContext(req: IncomingMessage, user?: SimUser): RequestContext {
    const access = managementAccess(user);
    const ctx: RequestContext = { base: `${ originOf(req) }/v1`, access: () => access };

    if (user) {
      // Rancher lists only the clusters a user has a role in.
      ctx.visible = (type, obj) => type !== MGMT_CLUSTER || clusterVisible(this.registry, user, obj.metadata.name);
    }

    return ctx;
  }

  async listen(): Promise<number> {
    const wss = new WebSocketServer({ noServer: true });
    const server = new DualListener((req, res) => {
      this.handle(req, res).catch((err: unknown) => fail(res, err, true));
    }, (req, socket, head) => {
      const target = socketTarget(this, req, this.sessions.userFor(tokenFrom(req.headers)));

      if ('status' in target) {
        socket.write(`HTTP/1.1 ${ target.status } ${ STATUS_CODES[target.status] }\r\n\r\n`);
        socket.destroy();

        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => target.hub?.attach(ws, target.ctx));
    });

    this.server = server;
    this.port = await server.listen(this.options.port, this.options.host ?? '127.0.0.1');

    return this.port;
  }

  async close(): Promise<void> {
    this.registry.list().forEach((c) => c.unload());
    this.dropWebsockets();
    await this.server?.close();
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
    const cluster = new Cluster(spec, spec.provider === 'harvester' ? this.options.clusterTypes ?? [] : LOCAL_TYPES, this.rancher);

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

      if (!found && isBrowserNavigation(req)) {
        return sendOlderUi(res, call.path);
      }
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

  if (res.headersSent) {
    return;
  }
  if (error instanceof PlainTextError) {
    res.writeHead(error.status, { 'content-type': 'text/plain; charset=utf-8', 'x-api-cattle-auth': authed ? 'true' : 'false' });
    res.end(error.message);
  } else {
    sendJson(res, error.status, steveError(error), authed);
  }
}
