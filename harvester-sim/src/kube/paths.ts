/** What a path under a cluster's Kubernetes API (`/k8s/clusters/<id>/...`) asks for. */
export type KubePath =
  | { kind: 'versions' }
  | { kind: 'groups' }
  | { kind: 'group'; group: string }
  | { kind: 'resources'; group: string; version: string }
  | {
      kind: 'resource';
      group: string;
      version: string;
      resource: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    };

/**
 * Reads `/api`, `/api/v1[/namespaces/<ns>]/<resource>[/<name>[/<sub>]]`, `/apis`, `/apis/<group>[/<version>[/...]]`.
 * `/api/v1/namespaces/<name>` is the namespace object itself, as in the apiserver's own routing.
 */
export function parseKubePath(path: string): KubePath | undefined {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [root] = segments;

  if (root !== 'api' && root !== 'apis') {
    return undefined;
  }
  const core = root === 'api';

  if (segments.length === 1) {
    return { kind: core ? 'versions' : 'groups' };
  }
  if (!core && segments.length === 2) {
    return { kind: 'group', group: segments[1] };
  }
  const group = core ? '' : segments[1];
  const version = core ? segments[1] : segments[2];
  let rest = segments.slice(core ? 2 : 3);

  if (!rest.length) {
    return {
      kind: 'resources', group, version
    };
  }
  let namespace: string | undefined;

  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length > 3) {
    return undefined;
  }

  return {
    kind: 'resource', group, version, resource: rest[0], namespace, name: rest[1], subresource: rest[2]
  };
}
