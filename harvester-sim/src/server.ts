import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  SteveApi, RequestContext, resolveType, listSchemas, schemaFor, counts, listResources, getResource, createResource, updateResource, removeResource
} from './api';
import { Sessions, SimUser, tokenFrom } from './auth';
import { sendJson, steveError, readJson, originOf } from './http';
import { normanGet } from './norman';
import { HARVESTER_CLUSTER_ID, PUBLIC_SETTINGS, seedManagement } from './rancher';
import { CLUSTER_TYPES, MANAGEMENT_TYPES } from './schemas';
import { ObjectStore, steveType } from './store';
import { loadScenario, Scenario } from './scenario';
import { WatchHub } from './watch';
import { Access } from './steve';
import { ApiError, K8sObject } from './types';
import { Faults } from './faults';
import { handleKubeApi } from './kube-api';
import { handleControl } from './control';

type Obj = Record<string, unknown>;

/** What a cluster behaviour (the Harvester webhook and controllers) plugs into a cluster's store. */
export interface ClusterBehaviour {
  admission: SteveApi['admission'];
  stop(): void;
  [key: string]: unknown;
}

export interface SimulatorOptions {
  port: number;
  host?: string;
  scenario: string;
  /** Installs Harvester's behaviour on the Harvester cluster's store. */
  install?: (store: ObjectStore) => ClusterBehaviour;
  /** Expands a scenario's `generate` parameters into objects. */
  generate?: (params: Record<string, unknown>) => K8sObject[];
}

const READ_ONLY: Access = {
  list: true, create: false, update: false, remove: false
};
const FULL: Access = {
  list: true, create: true, update: true, remove: true
};

/** The Rancher + Harvester simulator: one HTTP server with the management API, the cluster APIs and their websockets. */
export class Simulator {
  readonly sessions = new Sessions();
  readonly faults = new Faults();
  readonly mgmt: SteveApi = {
    store: new ObjectStore(), types: MANAGEMENT_TYPES, admission: {}
  };

  readonly harvester: SteveApi = {
    store: new ObjectStore(), types: CLUSTER_TYPES, admission: {}
  };

  readonly local: SteveApi = {
    store: new ObjectStore(), types: MANAGEMENT_TYPES.filter((t) => t.id === 'namespace'), admission: {}
  };

  readonly hubs: Record<string, WatchHub>;
  behaviour?: ClusterBehaviour;
  scenario!: Scenario;
  private server?: Server;
  private readonly preferences = new Map<string, Obj>();

  constructor(private readonly options: SimulatorOptions) {
    this.hubs = {
      mgmt: new WatchHub(this.mgmt), [HARVESTER_CLUSTER_ID]: new WatchHub(this.harvester), local: new WatchHub(this.local)
    };
    this.reset(options.scenario);
  }

  /** Restores the management objects and loads a scenario into the Harvester cluster. */
  reset(scenarioName = this.options.scenario): void {
    const scenario = loadScenario(scenarioName);

    this.behaviour?.stop();
    this.faults.clear();
    this.mgmt.store.clear();
    seedManagement(this.mgmt.store);
    this.harvester.store.clear();
    const objects = [...(scenario.generate && this.options.generate ? this.options.generate(scenario.generate) : []), ...(scenario.objects ?? [])];

    for (const obj of objects) {
      this.harvester.store.seed(steveType(obj.apiVersion, obj.kind), obj);
    }
    this.scenario = scenario;
    this.behaviour = this.options.install?.(this.harvester.store);
    this.harvester.admission = this.behaviour?.admission ?? {};
  }

  async listen(): Promise<number> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => this.fail(res, err, true));
    });
    const wss = new WebSocketServer({ noServer: true });

    server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://sim');
      const user = this.sessions.userFor(tokenFrom(req.headers));
      const match = /^\/k8s\/clusters\/([^/]+)\/v1\/subscribe$/.exec(url.pathname);
      const hub = url.pathname === '/v1/subscribe' ? this.hubs.mgmt : match ? this.hubs[match[1]] : url.pathname === '/v3/subscribe' ? undefined : null;

      if (!user || hub === null) {
        socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
        socket.destroy();

        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (hub) {
          hub.attach(ws, this.context(req, user, match ? match[1] : 'mgmt'));
        }
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.options.port, this.options.host ?? '127.0.0.1', resolve));

    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.behaviour?.stop();
    Object.values(this.hubs).forEach((hub) => hub.dropAll());
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  apiFor(cluster: string): SteveApi | undefined {
    return cluster === 'mgmt' ? this.mgmt : cluster === HARVESTER_CLUSTER_ID ? this.harvester : cluster === 'local' ? this.local : undefined;
  }

  context(req: IncomingMessage, user: SimUser, cluster: string): RequestContext {
    const origin = originOf(req);

    if (cluster === 'mgmt') {
      return { base: `${ origin }/v1`, access: () => (user.username === 'admin' ? FULL : READ_ONLY) };
    }

    return { base: `${ origin }/k8s/clusters/${ cluster }/v1`, access: cluster === HARVESTER_CLUSTER_ID ? (type) => user.access(type) : () => READ_ONLY };
  }

  private fail(res: ServerResponse, err: unknown, authed: boolean): void {
    const error = err instanceof ApiError ? err : new ApiError(500, 'InternalError', err instanceof Error ? err.message : String(err));

    if (!res.headersSent) {
      sendJson(res, error.status, steveError(error), authed);
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const user = this.sessions.userFor(tokenFrom(req.headers));
    const authed = !!user;

    if (path.startsWith('/sim/')) {
      return handleControl(this, req, res, path, url.searchParams);
    }
    if (await this.faults.intercept(method, path, res, authed)) {
      return;
    }
    const send = (status: number, body: unknown, headers?: Record<string, string>) => sendJson(res, status, body, authed, headers);

    try {
      if (await this.handlePublic(req, res, method, path, url, user)) {
        return;
      }
      if (!user) {
        throw new ApiError(401, 'Unauthorized', 'must authenticate');
      }
      const cluster = /^\/k8s\/clusters\/([^/]+)(\/.*)$/.exec(path);

      if (cluster) {
        const api = this.apiFor(cluster[1]);

        if (!api) {
          throw new ApiError(404, 'NotFound', `cluster ${ cluster[1] } not found`);
        }
        if (cluster[2].startsWith('/v1/')) {
          return send(...await this.steve(api, this.context(req, user, cluster[1]), method, cluster[2].slice(4), url.searchParams, req));
        }
        if (cluster[2] === '/version') {
          return send(200, kubeVersion('v1.34.2+rke2r1'));
        }

        return handleKubeApi(api, user, req, res, cluster[2], url.searchParams);
      }
      if (path.startsWith('/v3/')) {
        return send(200, normanGet(path.slice(4) + url.search, originOf(req), user));
      }
      if (path === '/v1/logout' && method === 'POST') {
        this.sessions.logout(tokenFrom(req.headers));

        return sendJson(res, 200, {}, false, { 'set-cookie': 'R_SESS=; Path=/; HttpOnly; Secure; Max-Age=0' });
      }
      if (path === '/v1/ext.cattle.io.selfuser' || path === '/v1/ext.cattle.io.selfusers') {
        return send(200, {
          apiVersion: 'ext.cattle.io/v1', kind: 'SelfUser', type: 'ext.cattle.io.selfuser', metadata: {}, status: { userID: user.id }
        });
      }
      if (path.startsWith('/v1/userpreference')) {
        return send(200, await this.userPreferences(req, method, user));
      }
      if (path.startsWith('/v1/')) {
        return send(...await this.steve(this.mgmt, this.context(req, user, 'mgmt'), method, path.slice(4), url.searchParams, req));
      }
      throw new ApiError(404, 'NotFound', `${ path } not found`);
    } catch (err) {
      this.fail(res, err, authed);
    }
  }

  /** Endpoints Rancher serves without a session. Returns true when answered. */
  private async handlePublic(req: IncomingMessage, res: ServerResponse, method: string, path: string, url: URL, user?: SimUser): Promise<boolean> {
    const authed = !!user;
    const send = (status: number, body: unknown, headers?: Record<string, string>) => sendJson(res, status, body, authed, headers);

    if (path === '/rancherversion') {
      send(200, {
        Version: 'v2.15.0', GitCommit: 'harvester-sim', RancherPrime: 'false'
      });
    } else if (path === '/version') {
      send(200, kubeVersion('v1.31.1+k3s1'));
    } else if (path === '/v1/uiplugins') {
      send(200, { entries: {} });
    } else if (path === '/v1-public/authproviders' || path === '/v3-public/authProviders' || path === '/v3-public/authproviders') {
      send(200, {
        type:         'collection',
        resourceType: 'authProvider',
        data:         [{
          id: 'local', type: 'localProvider', links: {}
        }]
      });
    } else if (path === '/v1-public/login' && method === 'POST') {
      const body = await readJson(req);
      const token = this.sessions.login(body.username, body.password);

      if (!token) {
        throw new ApiError(401, 'Unauthorized', 'authentication failed');
      }
      sendJson(res, 200, {}, true, { 'set-cookie': `R_SESS=${ token }; Path=/; HttpOnly; Secure; SameSite=Lax` });
    } else if (!user && path.startsWith('/v1/management.cattle.io.setting')) {
      // Before login Rancher lists only its public settings.
      const publicCtx: RequestContext = { base: `${ originOf(req) }/v1`, access: () => READ_ONLY };
      const [status, body] = await this.steve(this.mgmt, publicCtx, method === 'GET' ? 'GET' : 'DENY', path.slice(4), url.searchParams, req);
      const data = (body as { data?: Obj[] }).data;

      if (data) {
        (body as { data: Obj[] }).data = data.filter((s) => PUBLIC_SETTINGS.has(String(s.id)));
      } else if (!PUBLIC_SETTINGS.has(String((body as Obj).id))) {
        throw new ApiError(401, 'Unauthorized', 'must authenticate');
      }
      send(status, body);
    } else {
      return false;
    }

    return true;
  }

  private async userPreferences(req: IncomingMessage, method: string, user: SimUser): Promise<Obj> {
    const base = `${ originOf(req) }/v1/userpreferences`;
    const current = this.preferences.get(user.id) ?? {
      id: user.id, type: 'userpreference', links: { self: `${ base }/${ user.id }`, update: `${ base }/${ user.id }` }, metadata: { name: user.id }, data: {}
    };

    if (method === 'PUT') {
      const body = await readJson(req);

      current.data = (body.data as Obj) ?? {};
      this.preferences.set(user.id, current);

      return current;
    }

    return req.url?.includes('/userpreferences/') ? current : {
      type: 'collection', resourceType: 'userpreference', links: { self: base }, data: [current]
    };
  }

  /** Resource actions (`POST …/<type>/<id>?action=<name>`): Harvester's VM `migrate`, gated on KubeVirt being ready. */
  private async resourceAction(type: string, id: string, action: string, ctx: RequestContext, body: Obj): Promise<unknown> {
    if (type !== 'kubevirt.io.virtualmachine' || action !== 'migrate') {
      throw new ApiError(404, 'NotFound', `action ${ action } not found on ${ type }`);
    }
    if (!ctx.access(type).update) {
      throw new ApiError(403, 'Forbidden', `virtualmachines.kubevirt.io "${ id }" is forbidden: User cannot migrate`);
    }
    const migrate = this.behaviour?.migrateAction;

    if (typeof migrate !== 'function') {
      throw new ApiError(501, 'NotImplemented', 'migrations are not simulated');
    }

    return migrate(id, body);
  }

  /** Steve's `/v1/<type>[/<namespace>][/<name>]` routes for one API. Returns [status, body]. */
  private async steve(api: SteveApi, ctx: RequestContext, method: string, rest: string, params: URLSearchParams, req: IncomingMessage): Promise<[number, unknown]> {
    const [segment, ...ids] = rest.split('/').filter(Boolean).map(decodeURIComponent);

    if (segment === 'schemas') {
      if (!ids.length) {
        return [200, listSchemas(api, ctx)];
      }
      const def = resolveType(api, ids[0]);
      const schema = def && schemaFor(def, ctx);

      if (!schema) {
        throw new ApiError(404, 'NotFound', `schema ${ ids[0] } not found`);
      }

      return [200, schema];
    }
    if (segment === 'schemaDefinitions') {
      return [200, {
        type:           'schemaDefinition',
        definitionType: ids[0],
        definitions:    {
          [ids[0]]: {
            id: ids[0], type: 'schemaDefinition', resourceFields: {}
          }
        }
      }];
    }
    if (segment === 'counts') {
      return [200, counts(api, ctx)];
    }
    const def = segment ? resolveType(api, segment) : undefined;

    if (!def) {
      throw new ApiError(404, 'NotFound', `resource type ${ segment } not found`);
    }
    const namespaceOnly = def.namespaced && ids.length === 1 && method === 'GET';
    const id = ids.join('/');

    if (method === 'GET') {
      return [200, !id || namespaceOnly ? listResources(api, def, ctx, params, namespaceOnly ? ids[0] : undefined) : getResource(api, def, ctx, id)];
    }
    const action = params.get('action');

    if (method === 'POST' && action && id) {
      return [200, await this.resourceAction(def.id, id, action, ctx, await readJson(req))];
    }
    if (method === 'POST' && (!id || def.namespaced)) {
      return [201, createResource(api, def, ctx, await readJson(req), id || undefined)];
    }
    if (method === 'PUT' && id) {
      return [200, updateResource(api, def, ctx, id, await readJson(req))];
    }
    if (method === 'PATCH' && id) {
      const current = getResource(api, def, ctx, id);

      return [200, updateResource(api, def, ctx, id, mergePatch(current, await readJson(req)) as Obj)];
    }
    if (method === 'DELETE' && id) {
      return [200, removeResource(api, def, ctx, id)];
    }
    throw new ApiError(405, 'MethodNotAllowed', `method ${ method } not allowed`);
  }
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    return patch;
  }
  const out: Obj = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Obj) } : {};

  for (const [key, value] of Object.entries(patch as Obj)) {
    if (value === null) {
      delete out[key];
    } else {
      out[key] = mergePatch(out[key], value);
    }
  }

  return out;
}

function kubeVersion(gitVersion: string): Obj {
  const [major, minor] = gitVersion.slice(1).split('.');

  return {
    major, minor, gitVersion, gitCommit: 'harvester-sim', gitTreeState: 'clean', buildDate: '2026-03-01T00:00:00Z', goVersion: 'go1.24', compiler: 'gc', platform: 'linux/amd64'
  };
}
