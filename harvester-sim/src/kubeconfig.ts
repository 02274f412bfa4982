import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { Sessions } from './auth';
import { ClusterRegistry } from './cluster';
import { clusterVisible } from './cluster-routes';
import { originOf, readJson } from './http';
import { SIM_CERT } from './listener';
import { AuthedCall, Route } from './router';
import { ApiError, Obj } from './types';

/** What the kubeconfig routes need from the simulator. */
export interface KubeconfigHost {
  readonly sessions: Sessions;
  readonly registry: ClusterRegistry;
  /** The port the simulator listens on: kubeconfigs point at it over HTTPS, as Rancher's point at its `server-url`. */
  readonly port: number;
}

/**
 * A kubeconfig as Rancher generates it: one entry per cluster named by its display name, server
 * `https://<rancher>/k8s/clusters/<id>`, the CA Rancher's certificate was signed with, and a bearer token.
 */
export function kubeconfigYaml(server: string, token: string, clusters: { id: string; name: string }[]): string {
  const ca = Buffer.from(SIM_CERT).toString('base64');

  return stringify({
    apiVersion:        'v1',
    kind:              'Config',
    clusters:          clusters.map((c) => ({ name: c.name, cluster: { server: `${ server }/k8s/clusters/${ c.id }`, 'certificate-authority-data': ca } })),
    users:             [{ name: clusters[0]?.name ?? 'rancher', user: { token } }],
    contexts:          clusters.map((c) => ({ name: c.name, context: { user: clusters[0].name, cluster: c.name } })),
    'current-context': clusters[0]?.name ?? '',
  });
}

function generate(host: KubeconfigHost, call: AuthedCall, ids: string[]): string {
  const clusters = ids.map((id) => {
    const cluster = host.registry.get(id);

    if (!cluster || !clusterVisible(host.registry, call.user, id)) {
      throw new ApiError(404, 'NotFound', `clusters.management.cattle.io "${ id }" not found`);
    }

    return { id, name: cluster.spec.name };
  });
  const host127 = String(call.req.headers.host ?? '').startsWith('localhost') ? 'localhost' : '127.0.0.1';

  return kubeconfigYaml(`https://${ host127 }:${ host.port }`, host.sessions.issue(call.user, 'kubeconfig'), clusters);
}

/**
 * Rancher's two ways to download a kubeconfig: the management cluster's `generateKubeconfig` action (the shell
 * up to Rancher 2.12 calls it) and a created `ext.cattle.io.kubeconfig` whose status carries the file (later shells).
 */
export function kubeconfigRoutes(host: KubeconfigHost): Route<AuthedCall>[] {
  return [
    {
      method:  'POST',
      pattern: /^\/v1\/management\.cattle\.io\.clusters\/([^/]+)$/,
      handler: (call, [, id]) => {
        if (call.url.searchParams.get('action') !== 'generateKubeconfig') {
          throw new ApiError(404, 'NotFound', `action ${ call.url.searchParams.get('action') } not found`);
        }
        call.send(200, { type: 'generateKubeConfigOutput', config: generate(host, call, [decodeURIComponent(id)]) });
      },
    },
    {
      method:  'POST',
      pattern: /^\/v1\/ext\.cattle\.io\.kubeconfigs?$/,
      handler: async(call) => {
        const body = await readJson(call.req);
        const spec = (body.spec ?? {}) as Obj;
        const ids = Array.isArray(spec.clusters) ? spec.clusters.map(String) : [];

        if (!ids.length) {
          throw new ApiError(422, 'Invalid', 'Kubeconfig.ext.cattle.io "" is invalid: spec.clusters: Required value: at least one cluster is required');
        }
        const name = `kubeconfig-${ randomBytes(3).toString('hex') }`;

        call.send(201, {
          id:         name,
          type:       'ext.cattle.io.kubeconfig',
          links:      { self: `${ originOf(call.req) }/v1/ext.cattle.io.kubeconfigs/${ name }` },
          apiVersion: 'ext.cattle.io/v1',
          kind:       'Kubeconfig',
          metadata:   { name, creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') },
          spec,
          status:     { summary: 'Complete', value: generate(host, call, ids) },
        });
      },
    },
  ];
}
