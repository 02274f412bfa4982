import { TypeDef } from './schemas';
import { Access, ApiBase, formatResource } from './steve';
import { K8sObject, Obj } from './types';

/** What Steve adds beside the object (its RawResource), which `include` and `exclude` never touch. */
const RESOURCE_KEYS = ['id', 'type', 'links', 'actions'];

const split = (path: string) => path.split('.').filter(Boolean);

/** A copy of `obj` without the values at `paths`; each object on the way is copied once, the rest shared. */
function without(obj: Obj, paths: string[][]): Obj {
  const byHead = new Map<string, string[][]>();

  for (const [head, ...rest] of paths) {
    if (head in obj) {
      byHead.set(head, [...(byHead.get(head) ?? []), rest]);
    }
  }
  if (!byHead.size) {
    return obj;
  }
  const copy = { ...obj };

  for (const [head, rests] of byHead) {
    const value = copy[head];

    if (rests.some((rest) => !rest.length)) {
      delete copy[head];
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      copy[head] = without(value as Obj, rests);
    }
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

/** Trimmed resources by formatted resource (itself kept per stored object) and by the request's fields. */
const trimmed = new WeakMap<Obj, Map<string, Obj>>();

/**
 * Steve's `include=` and `exclude=` query parameters, read once for a whole list (its formatter's includeFields, then excludeFields): `include`
 * keeps only the given dotted paths of the object, `exclude` removes them; paths go through maps only, never into
 * lists. The resource's id, type, links and actions stay. Without either, the same object comes back.
 */
export function fieldTrimmer(params: URLSearchParams): (resource: Obj) => Obj {
  const include = params.getAll('include').map(split).filter((p) => p.length);
  const exclude = params.getAll('exclude').map(split).filter((p) => p.length && !(p.length === 1 && RESOURCE_KEYS.includes(p[0])));

  if (!include.length && !exclude.length) {
    return (resource) => resource;
  }
  const key = `${ params.getAll('include').join(',') }|${ params.getAll('exclude').join(',') }`;

  return (resource) => {
    const known = trimmed.get(resource)?.get(key);

    if (known) {
      return known;
    }
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

    out = exclude.length ? without(out, exclude) : out;
    trimmed.set(resource, (trimmed.get(resource) ?? new Map()).set(key, out));

    return out;
  };
}

/** `fieldTrimmer` for one resource. */
export function trimFields(resource: Obj, params: URLSearchParams): Obj {
  return fieldTrimmer(params)(resource);
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
