import { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'yaml';
import { SteveApi, admit } from './api';
import { SimUser, TypeAccess } from './auth';
import { readJson } from './http';
import { ApiError, K8sObject } from './types';

const SETTING = 'harvesterhci.io.setting';
const SETTING_PATH = /^\/apis\/harvesterhci\.io\/v1beta1\/settings\/([^/]+)$/;

/** A Kubernetes `Status` failure, the body the apiserver (and Rancher's `/k8s/clusters` proxy) returns. */
function status(error: ApiError, name?: string): Record<string, unknown> {
  return {
    kind:       'Status',
    apiVersion: 'v1',
    metadata:   {},
    status:     'Failure',
    message:    error.message,
    reason:     error.code,
    details:    name ? {
      name, group: 'harvesterhci.io', kind: 'settings'
    } : undefined,
    code: error.status,
  };
}

function send(res: ServerResponse, code: number, body: unknown, yaml = false): void {
  res.writeHead(code, { 'content-type': yaml ? 'application/yaml' : 'application/json', 'x-api-cattle-auth': 'true' });
  res.end(yaml ? stringify(body) : JSON.stringify(body));
}

/** `GET` of any object by its native path (Steve's `links.view`), as JSON or YAML (the shell's YAML editor asks for YAML). */
function getNative(api: SteveApi, access: TypeAccess, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const match = /^\/(?:apis\/([^/]+)\/[^/]+|api\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)\/([^/]+)$/.exec(path);
  const def = match && api.types.find((t) => t.group === (match[1] ?? '') && t.resource === match[3]);

  if (req.method !== 'GET' || !match || !def) {
    return false;
  }
  const obj = api.store.get(def.id, match[2] ? `${ match[2] }/${ match[4] }` : match[4]);

  if (!access(def.id).list || !obj) {
    const error = access(def.id).list ? new ApiError(404, 'NotFound', `${ def.resource }.${ def.group } "${ match[4] }" not found`) : new ApiError(403, 'Forbidden', `${ def.resource }.${ def.group } "${ match[4] }" is forbidden`);

    send(res, error.status, status(error, match[4]));

    return true;
  }
  send(res, 200, obj, String(req.headers.accept).includes('yaml'));

  return true;
}

/**
 * The plain Kubernetes API path Rancher proxies, for the one resource the extension writes there:
 * GET and PUT of `harvesterhci.io/v1beta1` settings, including `?dryRun=All` (admission runs, nothing is stored;
 * Harvester's webhooks declare `sideEffects: None`, so a real cluster accepts dry runs).
 */
export async function handleKubeApi(api: SteveApi, user: SimUser, typeAccess: TypeAccess, req: IncomingMessage, res: ServerResponse, path: string, params: URLSearchParams): Promise<void> {
  const match = SETTING_PATH.exec(path);
  const name = match ? decodeURIComponent(match[1]) : undefined;

  if ((!match || req.method === 'GET') && getNative(api, typeAccess, req, res, path)) {
    return;
  }

  try {
    if (!name) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    const access = typeAccess(SETTING);
    const current = api.store.get(SETTING, name);

    if (!access.list) {
      throw new ApiError(403, 'Forbidden', `settings.harvesterhci.io "${ name }" is forbidden: User "${ user.id }" cannot get resource "settings" in API group "harvesterhci.io" at the cluster scope`);
    }
    if (!current) {
      throw new ApiError(404, 'NotFound', `settings.harvesterhci.io "${ name }" not found`);
    }
    if (req.method === 'GET') {
      return send(res, 200, current);
    }
    if (req.method !== 'PUT') {
      throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    }
    if (!access.update) {
      throw new ApiError(403, 'Forbidden', `settings.harvesterhci.io "${ name }" is forbidden: User "${ user.id }" cannot update resource "settings" in API group "harvesterhci.io" at the cluster scope`);
    }
    const body = (await readJson(req)) as unknown as K8sObject;

    if (body.metadata?.name !== name) {
      throw new ApiError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
    }
    const sent = body.metadata.resourceVersion;

    if (sent && sent !== current.metadata.resourceVersion) {
      throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on settings.harvesterhci.io "${ name }": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const object = {
      ...body, apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting'
    };
    const apiDef = api.types.find((t) => t.id === SETTING);

    if (apiDef) {
      admit(api, apiDef, 'UPDATE', object, current);
    }
    if (params.get('dryRun') === 'All') {
      return send(res, 200, {
        ...object,
        metadata: {
          ...current.metadata, ...object.metadata, resourceVersion: current.metadata.resourceVersion
        }
      });
    }

    return send(res, 200, api.store.update(SETTING, object));
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));

    send(res, error.status, status(error, name));
  }
}
