import { IncomingMessage } from 'node:http';
import { RequestContext } from './api';
import { SimUser } from './auth';
import { clusterContext, ClusterHost, steveBase } from './cluster-routes';
import { ApiError } from './types';
import { WatchHub } from './watch';

/** What the websocket paths need: the management hub and context, and the cluster access decision. */
export interface SocketHost extends ClusterHost {
  readonly mgmtHub: WatchHub;
  managementContext(req: IncomingMessage, user?: SimUser): RequestContext;
}

/**
 * Where a websocket upgrade goes: the management API's `/v1/subscribe`, Norman's `/v3/subscribe` (opened by the
 * shell, nothing is published on it), or a cluster's `/v1/subscribe` and `/v1/harvester/subscribe`, refused with
 * the status its HTTP API would answer (401, 403, 404, 503).
 */
export function socketTarget(host: SocketHost, req: IncomingMessage, user: SimUser | undefined): { status: number } | { hub?: WatchHub; ctx: RequestContext } {
  const path = new URL(req.url ?? '/', 'http://sim').pathname;
  const match = /^\/k8s\/clusters\/([^/]+)\/v1(\/harvester)?\/subscribe$/.exec(path);

  if (!user) {
    return { status: 401 };
  }
  if (path === '/v1/subscribe' || path === '/v3/subscribe') {
    return { hub: path === '/v1/subscribe' ? host.mgmtHub : undefined, ctx: host.managementContext(req, user) };
  }
  if (!match) {
    return { status: 404 };
  }
  try {
    const use = host.use(user, match[1]);

    return { hub: use.cluster.hub, ctx: clusterContext(use, steveBase(req, match[1], !!match[2])) };
  } catch (err) {
    return { status: err instanceof ApiError ? err.status : 500 };
  }
}
