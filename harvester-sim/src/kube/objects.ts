import { admit, SteveApi } from '../api';
import { TypeAccess, SimUser } from '../auth';
import { TypeDef } from '../schemas';
import { idOf, randomSuffix } from '../store';
import { ApiError, K8sObject, Obj } from '../types';
import { apiVersionOf, CRD_TYPE, findObject } from './catalogue';
import { applyPatch, PatchType } from './patch';

/** One request on one resource of the Kubernetes API, with who asks and what they may do. */
export interface KubeTarget {
  api: SteveApi;
  def: TypeDef;
  user: SimUser;
  access: TypeAccess;
  namespace?: string;
  name?: string;
  dryRun: boolean;
}

const resourceName = (def: TypeDef) => (def.group ? `${ def.resource }.${ def.group }` : def.resource);

/** The apiserver's RBAC denial, in its own words. */
export function forbidden(target: KubeTarget, verb: string): ApiError {
  const {
    def, user, namespace, name
  } = target;
  const subject = name ? `${ resourceName(def) } "${ name }"` : resourceName(def);
  const scope = namespace ? `in the namespace "${ namespace }"` : 'at the cluster scope';

  return new ApiError(403, 'Forbidden', `${ subject } is forbidden: User "${ user.id }" cannot ${ verb } resource "${ def.resource }" in API group "${ def.group }" ${ scope }`);
}

export function notFound(def: TypeDef, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${ resourceName(def) } "${ name }" not found`);
}

function conflict(def: TypeDef, name: string): ApiError {
  return new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${ resourceName(def) } "${ name }": the object has been modified; please apply your changes to the latest version and try again`);
}

function require(target: KubeTarget, allowed: boolean, verb: string): void {
  if (!allowed) {
    throw forbidden(target, verb);
  }
  if (target.def === CRD_TYPE && verb !== 'get' && verb !== 'list' && verb !== 'watch') {
    throw new ApiError(405, 'MethodNotAllowed', `the simulator serves ${ resourceName(CRD_TYPE) } read-only`);
  }
}

function storeId(target: KubeTarget, name: string): string {
  return target.namespace ? `${ target.namespace }/${ name }` : name;
}

export function current(target: KubeTarget): K8sObject {
  require(target, target.access(target.def.id).list, 'get');
  const name = target.name ?? '';
  const obj = findObject(target.api, target.def, storeId(target, name));

  if (!obj) {
    throw notFound(target.def, name);
  }

  return obj;
}

/** The body names the type the URL names, and the URL's namespace, as the apiserver checks before anything else. */
function checkBody(target: KubeTarget, body: Obj): K8sObject {
  const { def } = target;
  const meta = (body.metadata && typeof body.metadata === 'object' ? body.metadata : {}) as Obj;

  if (body.apiVersion !== undefined && body.apiVersion !== apiVersionOf(def)) {
    throw new ApiError(400, 'BadRequest', `the API version in the data (${ String(body.apiVersion) }) does not match the expected API version (${ apiVersionOf(def) })`);
  }
  if (body.kind !== undefined && body.kind !== def.kind) {
    throw new ApiError(400, 'BadRequest', `the kind in the data (${ String(body.kind) }) does not match the expected kind (${ def.kind })`);
  }
  if (meta.namespace !== undefined && meta.namespace !== '' && meta.namespace !== target.namespace) {
    throw new ApiError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
  }

  return {
    ...body, apiVersion: apiVersionOf(def), kind: def.kind, metadata: { ...meta, ...(target.namespace ? { namespace: target.namespace } : {}) }
  } as K8sObject;
}

function checkNamespace(target: KubeTarget): void {
  const { api, namespace } = target;

  if (namespace && api.types.some((t) => t.id === 'namespace') && !api.store.get('namespace', namespace)) {
    throw new ApiError(404, 'NotFound', `namespaces "${ namespace }" not found`);
  }
}

/** POST: admission, then the store; a dry run admits and stores nothing. */
export function createObject(target: KubeTarget, body: Obj): K8sObject {
  const { api, def } = target;

  require(target, target.access(def.id).create, 'create');
  checkNamespace(target);
  const obj = checkBody(target, body);
  const meta = obj.metadata;

  if (!meta.name && meta.generateName) {
    meta.name = `${ meta.generateName }${ randomSuffix() }`;
  }
  if (!meta.name) {
    throw new ApiError(422, 'Invalid', `${ def.kind } "" is invalid: metadata.name: Required value: name or generateName is required`);
  }
  if (api.store.get(def.id, idOf(obj))) {
    throw new ApiError(409, 'AlreadyExists', `${ resourceName(def) } "${ meta.name }" already exists`);
  }
  delete meta.resourceVersion;
  admit(api, def, 'CREATE', obj, undefined);

  return target.dryRun ? { ...obj, metadata: { ...meta, creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z') } } : api.store.create(def.id, obj);
}

/** Writes `next` over `old`: a stale `resourceVersion` is a conflict before admission runs, as in the apiserver. */
function write(target: KubeTarget, old: K8sObject, next: K8sObject): K8sObject {
  const { api, def } = target;
  const sent = next.metadata.resourceVersion;

  if (next.metadata.name !== old.metadata.name) {
    throw new ApiError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
  }
  if (sent && sent !== old.metadata.resourceVersion) {
    throw conflict(def, old.metadata.name);
  }
  admit(api, def, 'UPDATE', next, old);
  if (target.dryRun) {
    return {
      ...next,
      metadata: {
        ...old.metadata, ...next.metadata, resourceVersion: old.metadata.resourceVersion
      }
    };
  }

  return api.store.update(def.id, { ...next, metadata: { ...next.metadata, resourceVersion: sent || old.metadata.resourceVersion } });
}

/** PUT. */
export function replaceObject(target: KubeTarget, body: Obj): K8sObject {
  const old = current(target);

  require(target, target.access(target.def.id).update, 'update');

  return write(target, old, checkBody(target, body));
}

/** PATCH; an apply patch of an object that does not exist creates it. */
export function patchObject(target: KubeTarget, type: PatchType, body: unknown, fieldManager: string | null): K8sObject {
  const { api, def } = target;

  if (type === 'apply' && !fieldManager) {
    throw new ApiError(422, 'Invalid', `PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch`);
  }
  require(target, target.access(def.id).list, 'patch');
  if (type === 'apply' && !api.store.get(def.id, storeId(target, target.name ?? ''))) {
    return createObject(target, body as Obj);
  }
  const old = current(target);

  require(target, target.access(def.id).update, 'patch');
  const patched = applyPatch(type, old, body) as K8sObject;

  if ((patched.metadata?.namespace ?? undefined) !== old.metadata.namespace) {
    throw new ApiError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
  }
  // A patch that does not name a revision applies to the current one.
  const named = JSON.stringify(body).includes('"resourceVersion"');

  return write(target, old, { ...patched, metadata: { ...patched.metadata, resourceVersion: named ? patched.metadata.resourceVersion : undefined } });
}

/** DELETE: admission, then removal; the answer is the object as it was. */
export function deleteObject(target: KubeTarget): K8sObject {
  const { api, def } = target;
  const old = current(target);

  require(target, target.access(def.id).remove, 'delete');
  admit(api, def, 'DELETE', undefined, old);

  return target.dryRun ? old : api.store.remove(def.id, idOf(old));
}
