import { IncomingMessage } from 'node:http';
import { RequestContext } from './api';
import { clusterAccess, SimUser, TypeAccess } from './auth';
import { Cluster, ClusterRegistry } from './cluster';
import { originOf } from './http';
import { handleKubeApi } from './kube/handler';
import { kubeVersion } from './rancher-routes';
import { AuthedCall, Route } from './router';
import { steveRequest } from './steve-router';
import { ApiError } from './types';

/** A downstream cluster the caller may use right now, with the caller's per-type access there. */
export interface ClusterUse {
  cluster: Cluster;
  access: TypeAccess;
}

/** What the cluster routes need from the simulator. */
export interface ClusterHost {
  /** The cluster behind `/k8s/clusters/<id>`; throws 404 (unknown), 403 (not for this user) or 503 (agent gone). */
  use(user: SimUser, id: string): ClusterUse;
}

/**
 * The Steve API of a cluster at `<origin>/k8s/clusters/<id>/v1`, or at `.../v1/harvester`: Harvester's own UI
 * extension talks to that second path (Rancher proxies it to Harvester's API, which serves the same resources).
 */
export function steveBase(req: IncomingMessage, id: string, harvesterPath: boolean): string {
  return `${ originOf(req) }/k8s/clusters/${ id }/v1${ harvesterPath ? '/harvester' : '' }`;
}

function accessIn(user: SimUser, cluster: Cluster): TypeAccess | undefined {
  return clusterAccess(user, { writable: cluster.isHarvester, members: cluster.spec.members });
}

/** Rancher's proxy answers for a cluster: unknown 404, not yours 403, agent disconnected 503. */
export function useCluster(registry: ClusterRegistry, user: SimUser, id: string): ClusterUse {
  const cluster = registry.get(id);

  if (!cluster) {
    throw new ApiError(404, 'NotFound', `cluster ${ id } not found`);
  }
  const access = accessIn(user, cluster);

  if (!access) {
    throw new ApiError(403, 'Forbidden', `clusters.management.cattle.io "${ id }" is forbidden: User "${ user.id }" cannot get resource "clusters" in API group "management.cattle.io" at the cluster scope`);
  }
  if (!cluster.connected) {
    throw new ApiError(503, 'ServiceUnavailable', `cluster agent disconnected for cluster ${ id }`);
  }

  return { cluster, access };
}

/** Whether the management cluster object `id` is listed for `user` (Rancher lists only clusters a user has a role in). */
export function clusterVisible(registry: ClusterRegistry, user: SimUser, id: string): boolean {
  const cluster = registry.get(id);

  return !cluster || !!accessIn(user, cluster);
}

export function clusterContext(use: ClusterUse, base: string): RequestContext {
  return { base, access: use.access };
}

/** `/k8s/clusters/<id>/...`: Steve (both paths), the cluster's version, and the plain Kubernetes API. */
export function clusterRoutes(host: ClusterHost): Route<AuthedCall>[] {
  const steve = (harvesterPath: boolean) => async(call: AuthedCall, [, id, rest]: string[]) => {
    const use = host.use(call.user, id);
    const ctx = clusterContext(use, steveBase(call.req, id, harvesterPath));
    const actions = use.cluster.behaviour?.actions ?? [];

    if (harvesterPath) {
      ctx.objectActions = (type, obj) => actions.filter((a) => a.type === type && a.offered?.(obj)).map((a) => a.name);
    }

    call.send(...await steveRequest(use.cluster.api, ctx, call.method, rest, call.url.searchParams, call.req, use.cluster.behaviour?.actions));
  };

  return [
    { pattern: /^\/k8s\/clusters\/([^/]+)\/v1\/harvester(\/.*)$/, handler: steve(true) },
    { pattern: /^\/k8s\/clusters\/([^/]+)\/v1(\/.*)$/, handler: steve(false) },
    {
      pattern: /^\/k8s\/clusters\/([^/]+)\/version$/,
      handler: (call, [, id]) => {
        host.use(call.user, id);
        call.send(200, kubeVersion('v1.34.2+rke2r1'));
      },
    },
    {
      pattern: /^\/k8s\/clusters\/([^/]+)(\/.*)$/,
      handler: (call, [, id, rest]) => {
        const use = host.use(call.user, id);

        return handleKubeApi({
          api: use.cluster.api, user: call.user, access: use.access, req: call.req, res: call.res, path: rest, params: call.url.searchParams
        });
      },
    },
  ];
}
