import { idOf } from './store';
import { summarize } from './state';
import { TypeDef } from './schemas';
import { K8sObject, Obj } from './types';

/** What one request may do with one type (drives links and schema methods, as Steve does). */
export interface Access {
  list: boolean;
  create: boolean;
  update: boolean;
  remove: boolean;
}

/** The absolute base of a Steve API for this request, e.g. `https://localhost:8005/k8s/clusters/c-harv1/v1`. */
export interface ApiBase {
  steve: string;
  /** Actions an API links on one object for a user who may update it (Harvester's formatter on `/v1/harvester`). */
  objectActions?: (type: string, obj: K8sObject) => string[];
}

export function pluralName(def: TypeDef): string {
  return def.group ? `${ def.group }.${ def.resource }` : def.resource;
}

/** The native Kubernetes path of an object (Steve's `links.view`). */
function nativePath(def: TypeDef, obj: K8sObject): string {
  const prefix = def.group ? `/apis/${ def.group }/${ def.version }` : '/api/v1';
  const ns = def.namespaced && obj.metadata.namespace ? `/namespaces/${ obj.metadata.namespace }` : '';

  return `${ prefix }${ ns }/${ def.resource }/${ obj.metadata.name }`;
}

/** Adds Steve's `error`/`transitioning`/`lastUpdateTime` to each condition (wrangler NormalizeConditions). */
function normalizeConditions(obj: Obj): void {
  const status = obj.status as { conditions?: Obj[] } | undefined;

  if (!status || !Array.isArray(status.conditions)) {
    return;
  }
  status.conditions = status.conditions.map((c) => ({
    ...c,
    error:          c.reason === 'Error' || ((c.type === 'Failed' || c.type === 'Stalled') && c.status === 'True'),
    transitioning:  false,
    lastUpdateTime: c.lastUpdateTime ?? c.lastTransitionTime,
  }));
}

/** The object as Steve presents it: id, type, links and metadata.state/fields/relationships. */
export function formatResource(def: TypeDef, obj: K8sObject, base: ApiBase, access: Access): Obj {
  const out = structuredClone(obj) as Obj & { metadata: Obj };
  const id = idOf(obj);
  const self = `${ base.steve }/${ pluralName(def) }/${ id }`;
  const links: Record<string, string> = { self, view: `${ base.steve.replace(/\/v1$/, '') }${ nativePath(def, obj) }` };

  if (access.update) {
    links.update = self;
    links.patch = self;
  }
  if (access.remove) {
    links.remove = self;
  }
  normalizeConditions(out);
  out.metadata.state = summarize(def.id, obj);
  out.metadata.relationships = [];
  if (def.fields) {
    out.metadata.fields = def.fields(obj);
  } else {
    out.metadata.fields = [obj.metadata.name, obj.metadata.creationTimestamp ?? ''];
  }

  // Steve keeps `type` for the schema id: an object's own `type` field (Events have one) moves to `_type`.
  const { type: ownType, ...rest } = out;

  const names = [...def.actions ?? [], ...(access.update ? base.objectActions?.(def.id, obj) ?? [] : [])];
  const actions = names.length ? { actions: Object.fromEntries(names.map((name) => [name, `${ self }?action=${ name }`])) } : {};

  return {
    ...rest, ...(ownType === undefined ? {} : { _type: ownType }), id, type: def.id, links, ...actions
  };
}

/** Steve strips what it added before writing (`unformatter.go`); the simulator does the same. */
export function unformat(body: Obj): K8sObject {
  const obj = structuredClone(body) as Obj & { metadata?: Obj };

  delete obj.id;
  delete obj.type;
  if ('_type' in obj) {
    obj.type = obj._type;
    delete obj._type;
  }
  delete obj.links;
  delete obj.actions;
  if (obj.metadata) {
    delete obj.metadata.state;
    delete obj.metadata.fields;
    delete obj.metadata.relationships;
  }
  const status = obj.status as { conditions?: Obj[] } | undefined;

  if (status && Array.isArray(status.conditions)) {
    status.conditions = status.conditions.map((condition) => {
      const rest = { ...condition };

      delete rest.error;
      delete rest.transitioning;

      return rest;
    });
  }

  return obj as unknown as K8sObject;
}
