import { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'yaml';
import { SteveApi, admit } from './api';
import { SimUser, TypeAccess } from './auth';
import { readJson } from './http';
import { TypeDef } from './schemas';
import { ApiError, asK8sObject, K8sObject, Obj } from './types';

/** `/apis/<group>/<version>[/namespaces/<ns>]/<resource>/<name>` or `/api/v1/...` for the core group. */
const NATIVE_PATH = /^\/(?:apis\/([^/]+)\/([^/]+)|api\/(v1))(?:\/namespaces\/([^/]+))?\/([^/]+)\/([^/]+)$/;

interface Target {
  def: TypeDef;
  id: string;
  name: string;
}

/** A Kubernetes `Status` failure, the body the apiserver (and Rancher's `/k8s/clusters` proxy) returns. */
function status(error: ApiError, target?: Target): Obj {
  return {
    kind:       'Status',
    apiVersion: 'v1',
    metadata:   {},
    status:     'Failure',
    message:    error.message,
    reason:     error.code,
    details:    target ? {
      name: target.name, group: target.def.group, kind: target.def.resource
    } : undefined,
    code: error.status,
  };
}

function send(res: ServerResponse, code: number, body: unknown, yaml = false): void {
  res.writeHead(code, { 'content-type': yaml ? 'application/yaml' : 'application/json', 'x-api-cattle-auth': 'true' });
  res.end(yaml ? stringify(body) : JSON.stringify(body));
}

function resolve(api: SteveApi, path: string): Target | undefined {
  const match = NATIVE_PATH.exec(path);
  const group = match?.[1] ?? '';
  const def = match && api.types.find((t) => t.group === group && t.version === (match[2] ?? match[3]) && t.resource === match[5] && t.namespaced === !!match[4]);

  if (!match || !def) {
    return undefined;
  }
  const name = decodeURIComponent(match[6]);

  return {
    def, name, id: match[4] ? `${ decodeURIComponent(match[4]) }/${ name }` : name
  };
}

function forbidden(user: SimUser, target: Target, verb: string): ApiError {
  const { def, name } = target;

  return new ApiError(403, 'Forbidden', `${ def.resource }.${ def.group } "${ name }" is forbidden: User "${ user.id }" cannot ${ verb } resource "${ def.resource }" in API group "${ def.group }" at the cluster scope`);
}

/** PUT with the apiserver's order: name check, conflict, admission; `?dryRun=All` admits and stores nothing. */
async function put(api: SteveApi, user: SimUser, access: TypeAccess, target: Target, req: IncomingMessage, params: URLSearchParams): Promise<K8sObject> {
  const { def } = target;
  const current = api.store.get(def.id, target.id) as K8sObject;

  if (!access(def.id).update) {
    throw forbidden(user, target, 'update');
  }
  const body = asK8sObject(await readJson(req), false);

  if (body.metadata.name !== target.name) {
    throw new ApiError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
  }
  const sent = body.metadata.resourceVersion;

  if (sent && sent !== current.metadata.resourceVersion) {
    throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${ def.resource }.${ def.group } "${ target.name }": the object has been modified; please apply your changes to the latest version and try again`);
  }
  const object: K8sObject = {
    ...body, apiVersion: def.group ? `${ def.group }/${ def.version }` : def.version, kind: def.kind
  };

  admit(api, def, 'UPDATE', object, current);
  if (params.get('dryRun') === 'All') {
    return {
      ...object,
      metadata: {
        ...current.metadata, ...object.metadata, resourceVersion: current.metadata.resourceVersion
      }
    };
  }

  return api.store.update(def.id, object);
}

/**
 * The plain Kubernetes API path Rancher proxies, for one object of a served type: GET as JSON or YAML (Steve's
 * `links.view`, which the shell's YAML editor reads) and PUT, including `?dryRun=All` (admission runs, nothing is
 * stored; the extension dry-runs its setting writes this way).
 */
export async function handleKubeApi(api: SteveApi, user: SimUser, access: TypeAccess, req: IncomingMessage, res: ServerResponse, path: string, params: URLSearchParams): Promise<void> {
  const target = resolve(api, path);

  try {
    if (!target) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    const current = api.store.get(target.def.id, target.id);

    if (!access(target.def.id).list) {
      throw forbidden(user, target, 'get');
    }
    if (!current) {
      throw new ApiError(404, 'NotFound', `${ target.def.resource }.${ target.def.group } "${ target.name }" not found`);
    }
    if (req.method === 'GET') {
      return send(res, 200, current, String(req.headers.accept).includes('yaml'));
    }
    if (req.method !== 'PUT') {
      throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
    send(res, 200, await put(api, user, access, target, req, params));
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));

    send(res, error.status, status(error, target));
  }
}
