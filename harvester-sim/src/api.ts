import { ObjectStore, idOf } from './store';
import { TypeDef, VIRTUAL_TYPES } from './schemas';
import { Access, formatResource, pluralName, unformat } from './steve';
import { fieldTrimmer, formatCached, trimFields } from './steve-fields';
import { applyListQuery, parseListQuery } from './steve-list';
import { RancherDialect } from './rancher-version';
import {
  Admission, ApiError, K8sObject, Obj, WebhookCallFailed
} from './types';

/** One Steve API: the management API at `/v1` or a downstream cluster's at `/k8s/clusters/<id>/v1`. */
export interface SteveApi {
  store: ObjectStore;
  types: TypeDef[];
  admission: Record<string, Admission>;
  /** The validating webhook's name, which the apiserver quotes in a denial. */
  webhook?: string;
  /** The Rancher minor whose Steve this API speaks (lists and websocket); 2.15 when unset. */
  rancher?: RancherDialect;
}

/** Per-request context: who asks, and the absolute base URL of this API as the browser sees it. */
export interface RequestContext {
  base: string;
  access: (type: string) => Access;
  /** Row-level filter: objects of a readable type this user still may not see (Rancher hides clusters they are not a member of). */
  visible?: (type: string, obj: K8sObject) => boolean;
  /** Per-object actions this API links (only Harvester's own API, `/v1/harvester`, has any). */
  objectActions?: (type: string, obj: K8sObject) => string[];
}

/** The objects of a type the request may see. */
export function visibleObjects(api: SteveApi, ctx: RequestContext, type: string): K8sObject[] {
  const all = api.store.list(type);

  return ctx.visible ? all.filter((o) => ctx.visible?.(type, o) !== false) : all;
}

/** Resolves a URL segment to a type: Steve accepts the schema id and its plural. */
export function resolveType(api: SteveApi, segment: string): TypeDef | undefined {
  return api.types.find((t) => t.id === segment || pluralName(t) === segment || `${ t.id }s` === segment || `${ t.id }es` === segment);
}

export function schemaFor(def: TypeDef, ctx: RequestContext): Obj | undefined {
  const access = ctx.access(def.id);

  if (!access.list) {
    return undefined;
  }
  const verbs = ['get', 'list', 'watch', ...(access.create ? ['create'] : []), ...(access.update ? ['update', 'patch'] : []), ...(access.remove ? ['delete'] : [])];

  return {
    id:                def.id,
    type:              'schema',
    links:             { self: `${ ctx.base }/schemas/${ def.id }`, collection: `${ ctx.base }/${ pluralName(def) }` },
    pluralName:        pluralName(def),
    collectionMethods: ['GET', ...(access.create ? ['POST'] : [])],
    resourceMethods:   ['GET', ...(access.update ? ['PUT', 'PATCH'] : []), ...(access.remove ? ['DELETE'] : [])],
    resourceFields:    {},
    attributes:        {
      group: def.group, version: def.version, kind: def.kind, resource: def.resource, namespaced: def.namespaced, verbs, columns: def.columns ?? []
    },
  };
}

function virtualSchema(id: string, ctx: RequestContext): Obj {
  return {
    id,
    type:              'schema',
    links:             { self: `${ ctx.base }/schemas/${ id }`, collection: `${ ctx.base }/${ id }s` },
    pluralName:        `${ id }s`,
    collectionMethods: ['GET'],
    resourceMethods:   id === 'userpreference' ? ['GET', 'PUT'] : ['GET'],
    resourceFields:    {},
    attributes:        {},
  };
}

export function collection(resourceType: string, data: Obj[], revision: number, self: string, extra: Obj = {}): Obj {
  return {
    type: 'collection', resourceType, revision: String(revision), count: data.length, links: { self }, actions: {}, createTypes: {}, data, ...extra
  };
}

export function listSchemas(api: SteveApi, ctx: RequestContext): Obj {
  const data = [...VIRTUAL_TYPES.map((id) => virtualSchema(id, ctx)), ...api.types.map((t) => schemaFor(t, ctx)).filter((s): s is Obj => !!s)];

  return collection('schema', data, api.store.revision, `${ ctx.base }/schemas`);
}

export function counts(api: SteveApi, ctx: RequestContext): Obj {
  const out: Record<string, Obj> = {};

  for (const def of api.types) {
    if (!ctx.access(def.id).list) {
      continue;
    }
    const namespaces: Record<string, { count: number }> = {};
    const items = visibleObjects(api, ctx, def.id);

    for (const item of items) {
      const ns = item.metadata.namespace;

      if (ns) {
        namespaces[ns] = { count: (namespaces[ns]?.count ?? 0) + 1 };
      }
    }
    out[def.id] = {
      summary: { count: items.length }, namespaces, revision: String(api.store.revision)
    };
  }

  return collection('count', [{
    id: 'count', type: 'count', links: {}, counts: out
  }], api.store.revision, `${ ctx.base }/counts`);
}

export function requireAccess(ctx: RequestContext, def: TypeDef, verb: keyof Access): void {
  if (!ctx.access(def.id)[verb]) {
    throw new ApiError(403, 'Forbidden', `${ def.resource }.${ def.group || 'core' } is forbidden: User cannot ${ verb } resource "${ def.resource }" in API group "${ def.group }"`);
  }
}

export function listResources(api: SteveApi, def: TypeDef, ctx: RequestContext, params: URLSearchParams, namespace?: string): Obj {
  requireAccess(ctx, def, 'list');
  const access = ctx.access(def.id);
  let objects = visibleObjects(api, ctx, def.id);

  if (namespace) {
    objects = objects.filter((o) => o.metadata.namespace === namespace);
  }
  const query = parseListQuery(def, params, api.rancher);

  if (query.revision !== undefined && query.revision > api.store.revision) {
    throw new ApiError(400, 'unknown revision', 'unknown revision');
  }
  const items = objects.map((o) => formatCached(def, o, { steve: ctx.base, objectActions: ctx.objectActions }, access));
  const page = applyListQuery(items, query);

  page.data = page.data.map(fieldTrimmer(params));
  const self = `${ ctx.base }/${ pluralName(def) }`;
  const extra: Obj = { count: page.count };

  if (page.pages !== undefined) {
    extra.pages = page.pages;
  }

  return {
    ...collection(def.id, page.data, api.store.revision, self, extra),
    createTypes: access.create ? { [def.id]: self } : {},
  };
}

export function getResource(api: SteveApi, def: TypeDef, ctx: RequestContext, id: string, params = new URLSearchParams()): Obj {
  requireAccess(ctx, def, 'list');
  const obj = api.store.get(def.id, id);

  if (!obj || ctx.visible?.(def.id, obj) === false) {
    throw new ApiError(404, 'NotFound', `${ def.resource } "${ id }" not found`);
  }

  return trimFields(formatResource(def, obj, { steve: ctx.base, objectActions: ctx.objectActions }, ctx.access(def.id)), params);
}

/** Runs the type's admission hook; a denial gets the apiserver's webhook prefix, as Rancher relays it. */
export function admit(api: SteveApi, def: TypeDef, op: 'CREATE' | 'UPDATE' | 'DELETE', obj: K8sObject | undefined, old: K8sObject | undefined): void {
  const denial = api.admission[def.id]?.(op, obj, old, api.store);

  if (denial instanceof WebhookCallFailed) {
    throw new ApiError(500, 'InternalError', `Internal error occurred: failed calling webhook "${ api.webhook ?? 'validator' }": ${ denial.message }`);
  }
  if (denial) {
    throw new ApiError(denial.status, denial.code, `admission webhook "${ api.webhook ?? 'validator' }" denied the request: ${ denial.message }`, denial.causes);
  }
}

function withTypeMeta(def: TypeDef, obj: K8sObject): K8sObject {
  obj.apiVersion = obj.apiVersion || (def.group ? `${ def.group }/${ def.version }` : def.version);
  obj.kind = obj.kind || def.kind;

  return obj;
}

export function createResource(api: SteveApi, def: TypeDef, ctx: RequestContext, body: Obj, namespace?: string): Obj {
  requireAccess(ctx, def, 'create');
  const obj = withTypeMeta(def, unformat(body));

  obj.metadata = obj.metadata ?? { name: '' };
  if (namespace && !obj.metadata.namespace) {
    obj.metadata.namespace = namespace;
  }
  admit(api, def, 'CREATE', obj, undefined);

  return formatResource(def, api.store.create(def.id, obj), { steve: ctx.base, objectActions: ctx.objectActions }, ctx.access(def.id));
}

export function updateResource(api: SteveApi, def: TypeDef, ctx: RequestContext, id: string, body: Obj): Obj {
  requireAccess(ctx, def, 'update');
  const obj = withTypeMeta(def, unformat(body));
  const old = api.store.get(def.id, id);

  if (!old || !obj.metadata || idOf(obj) !== id) {
    throw new ApiError(old ? 400 : 404, old ? 'BadRequest' : 'NotFound', old ? 'the name of the object does not match the name on the URL' : `${ def.resource } "${ id }" not found`);
  }
  if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
    // Conflicts are found before admission, as the apiserver does.
    api.store.update(def.id, obj);
  }
  admit(api, def, 'UPDATE', obj, old);

  return formatResource(def, api.store.update(def.id, obj), { steve: ctx.base, objectActions: ctx.objectActions }, ctx.access(def.id));
}

export function removeResource(api: SteveApi, def: TypeDef, ctx: RequestContext, id: string): Obj {
  requireAccess(ctx, def, 'remove');
  const old = api.store.get(def.id, id);

  if (!old) {
    throw new ApiError(404, 'NotFound', `${ def.resource } "${ id }" not found`);
  }
  admit(api, def, 'DELETE', undefined, old);

  return formatResource(def, api.store.remove(def.id, id), { steve: ctx.base, objectActions: ctx.objectActions }, ctx.access(def.id));
}
