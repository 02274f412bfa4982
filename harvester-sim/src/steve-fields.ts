import { TypeDef } from './schemas';
import { Access, ApiBase, formatResource } from './steve';
import { K8sObject, Obj } from './types';

/** What Steve adds beside the object (its RawResource), which `include` and `exclude` never touch. */
const RESOURCE_KEYS = ['id', 'type', 'links', 'actions'];

const split = (path: string) => path.split('.').filter(Boolean);

/** A copy of `obj` without the value at `path`; each object on the way is copied, the rest shared. */
function without(obj: Obj, path: string[]): Obj {
  const [head, ...rest] = path;

  if (!(head in obj)) {
    return obj;
  }
  const copy = { ...obj };

  if (!rest.length) {
    delete copy[head];
  } else if (copy[head] && typeof copy[head] === 'object' && !Array.isArray(copy[head])) {
    copy[head] = without(copy[head] as Obj, rest);
  }

  return copy;
}

function valueAt(obj: Obj, path: string[]): { found: boolean; value?: unknown } {
  let at: unknown = obj;

  for (const key of path) {
    if (!at || typeof at !== 'object' || Array.isArray(at) || !(key in (at as Obj))) {
      return { found: false };
    }
    at = (at as Obj)[key];
  }

  return { found: true, value: at };
}

function put(obj: Obj, path: string[], value: unknown): void {
  let at = obj;

  path.slice(0, -1).forEach((key) => {
    at[key] = at[key] && typeof at[key] === 'object' ? at[key] : {};
    at = at[key] as Obj;
  });
  at[path[path.length - 1]] = value;
}

/**
 * Steve's `include=` and `exclude=` query parameters (its formatter's includeFields, then excludeFields): `include`
 * keeps only the given dotted paths of the object, `exclude` removes them; paths go through maps only, never into
 * lists. The resource's id, type, links and actions stay. Without either, the same object comes back.
 */
export function trimFields(resource: Obj, params: URLSearchParams): Obj {
  const include = params.getAll('include').map(split).filter((p) => p.length);
  const exclude = params.getAll('exclude').map(split).filter((p) => p.length && !(p.length === 1 && RESOURCE_KEYS.includes(p[0])));
  let out = resource;

  if (include.length) {
    out = Object.fromEntries(RESOURCE_KEYS.filter((k) => k in resource).map((k) => [k, resource[k]]));
    for (const path of include) {
      const { found, value } = valueAt(resource, path);

      if (found) {
        put(out, path, value);
      }
    }
  }
  for (const path of exclude) {
    out = without(out, path);
  }

  return out;
}

const formatted = new WeakMap<K8sObject, Map<string, Obj>>();

/**
 * `formatResource`, kept per stored object (the store replaces an object on every write, so identity is its version)
 * and per base and access: a list of 1,000 pods is formatted once, not on every read. Not for requests whose objects
 * carry per-object actions (they depend on other objects). The result is shared: callers never change it.
 */
export function formatCached(def: TypeDef, obj: K8sObject, base: ApiBase, access: Access): Obj {
  if (base.objectActions) {
    return formatResource(def, obj, base, access);
  }
  const key = `${ base.steve }|${ access.update }|${ access.remove }`;
  const byKey = formatted.get(obj) ?? new Map<string, Obj>();
  const hit = byKey.get(key);

  if (hit) {
    return hit;
  }
  const out = formatResource(def, obj, base, access);

  byKey.set(key, out);
  formatted.set(obj, byKey);

  return out;
}
