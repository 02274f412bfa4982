import { readJson } from '../http';
import { ApiError, K8sObject, Obj } from '../types';
import { apiVersionOf, isCustom, kubeTypes, objectsOf } from './catalogue';
import { serveDocuments } from './documents';
import {
  createObject, current, deleteObject, forbidden, KubeTarget, patchObject, replaceObject
} from './objects';
import { parsePatchBody, patchTypeOf } from './patch';
import { parseKubePath } from './paths';
import { KubeCall, readText, send, status } from './respond';
import { fieldFilter, labelFilter, ObjectFilter } from './selectors';
import { toTable, wantsTable } from './table';
import { streamWatch } from './watch-stream';

/** Objects sorted as etcd keys are, namespace then name: the order lists come in. */
function byKey(a: K8sObject, b: K8sObject): number {
  return `${ a.metadata.namespace ?? '' }/${ a.metadata.name }`.localeCompare(`${ b.metadata.namespace ?? '' }/${ b.metadata.name }`);
}

function filterOf(target: KubeTarget, params: URLSearchParams): ObjectFilter {
  const labels = labelFilter(params.get('labelSelector'));
  const fields = fieldFilter(target.def.resource, params.get('fieldSelector'));

  return (obj) => (!target.namespace || obj.metadata.namespace === target.namespace) && labels(obj) && fields(obj);
}

/** The continue token: where the next page starts, in the list the first page came from. */
function page(items: K8sObject[], params: URLSearchParams): { items: K8sObject[]; meta: Obj } {
  const limit = Number(params.get('limit') ?? 0);
  const token = params.get('continue');
  let start = 0;

  if (token) {
    try {
      start = Number(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).start);
    } catch {
      throw new ApiError(400, 'BadRequest', 'continue key is not valid: illegal base64 data');
    }
  }
  if (!(limit > 0) || start + limit >= items.length) {
    return { items: items.slice(start), meta: {} };
  }
  const next = Buffer.from(JSON.stringify({ start: start + limit })).toString('base64url');

  return { items: items.slice(start, start + limit), meta: { continue: next, remainingItemCount: items.length - start - limit } };
}

function list(call: KubeCall, target: KubeTarget): void {
  const { api, def } = target;
  const { params, req, res } = call;

  if (!target.access(def.id).list) {
    throw forbidden(target, params.get('watch') === 'true' || params.get('watch') === '1' ? 'watch' : 'list');
  }
  const matches = filterOf(target, params);
  const table = wantsTable(req.headers.accept);
  const render = (obj: K8sObject) => (table ? toTable(def, [obj], { resourceVersion: obj.metadata.resourceVersion }, params.get('includeObject')) : obj);
  const all = () => objectsOf(api, def).filter(matches).sort(byKey);

  if (params.get('watch') === 'true' || params.get('watch') === '1') {
    return streamWatch(res, {
      store: api.store, type: def.id, matches, current: all, render, resourceVersion: params.get('resourceVersion'), timeoutSeconds: Number(params.get('timeoutSeconds') ?? 0)
    });
  }
  const { items, meta } = page(all(), params);
  const listMeta = { resourceVersion: String(api.store.revision), ...meta };

  send(res, 200, table ? toTable(def, items, listMeta, params.get('includeObject')) : {
    apiVersion: apiVersionOf(def), kind: `${ def.kind }List`, metadata: listMeta, items
  });
}

async function one(call: KubeCall, target: KubeTarget): Promise<void> {
  const { req, res, params } = call;
  const accept = String(req.headers.accept ?? '');
  const bodyOf = async() => readJson(req);

  switch (req.method) {
  case 'GET': {
    const obj = current(target);

    return send(res, 200, wantsTable(accept) ? toTable(target.def, [obj], { resourceVersion: obj.metadata.resourceVersion }, params.get('includeObject')) : obj, accept.includes('yaml') ? 'application/yaml' : undefined);
  }
  case 'PUT':
    return send(res, 200, replaceObject(target, await bodyOf()));
  case 'PATCH': {
    const type = patchTypeOf(req.headers['content-type'], isCustom(target.def));
    const created = type === 'apply' && !target.api.store.get(target.def.id, target.namespace ? `${ target.namespace }/${ target.name }` : target.name ?? '');
    const obj = patchObject(target, type, parsePatchBody(type, await readText(req)), params.get('fieldManager'));

    return send(res, created ? 201 : 200, obj);
  }
  case 'DELETE':
    return send(res, 200, deleteObject(target));
  default:
    throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
}

/**
 * The Kubernetes API Rancher proxies at `/k8s/clusters/<id>`, as kubectl and client libraries use it: discovery
 * (legacy and aggregated), get, list (JSON, YAML, Table; label and field selectors; `limit`/`continue`), watch,
 * create, replace, patch (merge, JSON, apply; strategic on built-in types), delete, and `?dryRun=All` on writes.
 */
export async function handleKubeApi(call: KubeCall): Promise<void> {
  const {
    api, params, req, res
  } = call;
  const path = parseKubePath(call.path);
  let target: KubeTarget | undefined;

  try {
    if (serveDocuments(call, path)) {
      return;
    }
    if (path?.kind !== 'resource') {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    const def = kubeTypes(api).find((t) => t.group === path.group && t.version === path.version && t.resource === path.resource);

    if (!def || path.subresource || (path.namespace && !def.namespaced)) {
      throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    }
    target = {
      api, def, user: call.user, access: call.access, namespace: path.namespace, name: path.name, dryRun: params.get('dryRun') === 'All'
    };
    if (path.name) {
      return await one(call, target);
    }
    if (req.method === 'GET') {
      return list(call, target);
    }
    if (req.method !== 'POST' || (def.namespaced && !path.namespace)) {
      throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    }
    const obj = createObject(target, await readJson(req));

    send(res, 201, obj);
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));

    if (!res.headersSent) {
      send(res, error.status, status(error, target));
    }
  }
}
