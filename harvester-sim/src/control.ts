import { IncomingMessage, ServerResponse } from 'node:http';
import type { Simulator } from './server';
import { readJson } from './http';
import { steveType, idOf } from './store';
import { ApiError, K8sObject } from './types';
import { HARVESTER_CLUSTER_ID } from './rancher';

type Obj = Record<string, unknown>;

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Calls an optional capability of the installed cluster behaviour (addNode, startMigration...). */
async function callBehaviour(sim: Simulator, name: string, ...args: unknown[]): Promise<unknown> {
  const fn = sim.behaviour?.[name];

  if (typeof fn !== 'function') {
    throw new ApiError(501, 'NotImplemented', `the cluster behaviour has no ${ name }`);
  }

  return await (fn as (...a: unknown[]) => unknown).apply(sim.behaviour, args);
}

/**
 * Test-only control API under `/sim/` (the server listens on loopback only): reset, scenarios, nodes,
 * migrations, raw server-side writes, fault injection, websocket drops and controller speed.
 */
export async function handleControl(sim: Simulator, req: IncomingMessage, res: ServerResponse, path: string, params: URLSearchParams): Promise<void> {
  const method = req.method ?? 'GET';

  try {
    const body: Obj = method === 'GET' || method === 'DELETE' ? {} : await readJson(req);
    const store = sim.harvester.store;

    if (path === '/sim/reset' && method === 'POST') {
      sim.reset(typeof body.scenario === 'string' ? body.scenario : undefined);

      return reply(res, 200, { scenario: sim.scenario.name });
    }
    if (path === '/sim/state' && method === 'GET') {
      return reply(res, 200, {
        scenario: sim.scenario.name, revision: store.revision, faults: sim.faults.list(), counts: Object.fromEntries(store.types().map((t) => [t, store.list(t).length]))
      });
    }
    if (path === '/sim/faults') {
      if (method === 'DELETE') {
        sim.faults.clear();
      } else {
        sim.faults.add({
          path: String(body.path ?? '/'), method: body.method as string | undefined, count: Number(body.count ?? 1), status: body.status as number | undefined, message: body.message as string | undefined, delayMs: body.delayMs as number | undefined
        });
      }

      return reply(res, 200, { faults: sim.faults.list() });
    }
    if (path === '/sim/websockets/drop' && method === 'POST') {
      const dropped = Object.values(sim.hubs).reduce((sum, hub) => sum + hub.dropAll(), 0);

      return reply(res, 200, { dropped });
    }
    if (path === '/sim/speed' && method === 'POST') {
      await callBehaviour(sim, 'setStepMs', Number(body.stepMs));

      return reply(res, 200, { stepMs: Number(body.stepMs) });
    }
    if (path === '/sim/idle' && method === 'POST') {
      await callBehaviour(sim, 'idle');

      return reply(res, 200, { revision: store.revision });
    }
    if (path === '/sim/nodes' && method === 'POST') {
      return reply(res, 200, { node: await callBehaviour(sim, 'addNode', String(body.name), { witness: body.witness === true }) ?? body.name });
    }
    const node = /^\/sim\/nodes\/([^/]+)$/.exec(path);

    if (node && method === 'DELETE') {
      await callBehaviour(sim, 'removeNode', decodeURIComponent(node[1]));

      return reply(res, 200, { removed: node[1] });
    }
    if (path === '/sim/migrations' && method === 'POST') {
      return reply(res, 200, { migration: await callBehaviour(sim, 'startMigration', String(body.vmi), body.targetNode as string | undefined) });
    }
    if (path === '/sim/objects' && (method === 'PUT' || method === 'POST')) {
      // A server-side write, as another client or controller would make it (no admission, no RBAC).
      const obj = body as unknown as K8sObject;
      const type = steveType(obj.apiVersion, obj.kind);
      const exists = store.get(type, idOf(obj));
      const written = exists ? store.update(type, { ...obj, metadata: { ...obj.metadata, resourceVersion: undefined } }) : store.create(type, obj);

      return reply(res, 200, written);
    }
    const object = /^\/sim\/objects\/([^/]+)\/(.+)$/.exec(path);

    if (object && method === 'GET') {
      const found = store.get(object[1], decodeURIComponent(object[2]));

      return found ? reply(res, 200, found) : reply(res, 404, { message: 'not found' });
    }
    if (object && method === 'DELETE') {
      return reply(res, 200, store.remove(object[1], decodeURIComponent(object[2])));
    }
    throw new ApiError(404, 'NotFound', `${ method } ${ path } is not a control endpoint (cluster ${ HARVESTER_CLUSTER_ID }; params ${ params.toString() })`);
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));

    reply(res, error.status, { message: error.message });
  }
}
