import { parse } from 'yaml';
import { ApiError, Obj } from '../types';

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

const MEDIA: Record<string, PatchType> = {
  'application/merge-patch+json':           'merge',
  'application/json-patch+json':            'json',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml':           'apply',
};

const ACCEPTED = 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml';

/**
 * The patch type of a request's `Content-Type`. Custom resources have no strategic-merge schema, so the apiserver
 * answers that type with 415, naming the types it accepts.
 */
export function patchTypeOf(contentType: string | undefined, custom: boolean): PatchType {
  const type = MEDIA[(contentType ?? '').split(';')[0].trim()];

  if (!type || (type === 'strategic' && custom)) {
    throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${ custom ? ACCEPTED : `${ ACCEPTED }, application/strategic-merge-patch+json` }`);
  }

  return type;
}

const isObject = (value: unknown): value is Obj => !!value && typeof value === 'object' && !Array.isArray(value);

/** RFC 7386 JSON merge patch: objects merge key by key, `null` removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) {
    return structuredClone(patch);
  }
  const out: Obj = isObject(target) ? { ...target } : {};

  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else {
      out[key] = mergePatch(out[key], value);
    }
  }

  return out;
}

function pointer(path: string): string[] {
  if (path === '') {
    return [];
  }
  if (!path.startsWith('/')) {
    throw new ApiError(422, 'Invalid', `JSON pointer must start with '/': "${ path }"`);
  }

  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc: unknown, path: string[], op: string): { parent: Obj | unknown[]; key: string } {
  let at: unknown = doc;

  for (const key of path.slice(0, -1)) {
    at = isObject(at) || Array.isArray(at) ? (at as Obj)[key] : undefined;
  }
  if (!isObject(at) && !Array.isArray(at)) {
    throw new ApiError(422, 'Invalid', `${ op } operation does not apply: doc is missing path: "/${ path.join('/') }": missing value`);
  }

  return { parent: at, key: path[path.length - 1] };
}

function read(doc: unknown, path: string[], op: string): unknown {
  const { parent, key } = parentOf(doc, path, op);
  const value = Array.isArray(parent) ? parent[Number(key)] : parent[key];

  if (value === undefined) {
    throw new ApiError(422, 'Invalid', `${ op } operation does not apply: doc is missing path: "/${ path.join('/') }": missing value`);
  }

  return value;
}

function remove(doc: unknown, path: string[], op: string): unknown {
  const value = read(doc, path, op);
  const { parent, key } = parentOf(doc, path, op);

  if (Array.isArray(parent)) {
    parent.splice(Number(key), 1);
  } else {
    delete parent[key];
  }

  return value;
}

function add(doc: unknown, path: string[], value: unknown, op: string, replace: boolean): void {
  const { parent, key } = parentOf(doc, path, op);

  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);

    if (!Number.isInteger(index) || index < 0 || index > parent.length) {
      throw new ApiError(422, 'Invalid', `${ op } operation does not apply: index out of range: "/${ path.join('/') }"`);
    }
    parent.splice(index, replace ? 1 : 0, structuredClone(value));
  } else {
    parent[key] = structuredClone(value);
  }
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test), applied to a copy; a failed step is the apiserver's 422. */
export function jsonPatch(target: Obj, operations: unknown): Obj {
  if (!Array.isArray(operations)) {
    throw new ApiError(400, 'BadRequest', 'json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  }
  const doc = structuredClone(target);

  for (const operation of operations as Obj[]) {
    const op = String(operation.op);
    const path = pointer(String(operation.path ?? ''));

    if (!path.length) {
      throw new ApiError(422, 'Invalid', `${ op } operation on the whole document is not supported`);
    }
    switch (op) {
    case 'add':
      add(doc, path, operation.value, op, false);
      break;
    case 'remove':
      remove(doc, path, op);
      break;
    case 'replace':
      read(doc, path, op);
      add(doc, path, operation.value, op, true);
      break;
    case 'move':
    case 'copy': {
      const from = pointer(String(operation.from ?? ''));
      const value = op === 'move' ? remove(doc, from, op) : structuredClone(read(doc, from, op));

      add(doc, path, value, op, false);
      break;
    }
    case 'test':
      if (JSON.stringify(read(doc, path, op)) !== JSON.stringify(operation.value)) {
        throw new ApiError(422, 'Invalid', `testing value /${ path.join('/') } failed: test failed`);
      }
      break;
    default:
      throw new ApiError(422, 'Invalid', `Unexpected kind: ${ op }`);
    }
  }

  return doc;
}

/** The body of a patch request: YAML for apply patches (which is also JSON), JSON for the rest. */
export function parsePatchBody(type: PatchType, raw: string): unknown {
  try {
    return type === 'apply' ? parse(raw) : JSON.parse(raw);
  } catch (err) {
    throw new ApiError(400, 'BadRequest', `error decoding patch: ${ err instanceof Error ? err.message : String(err) }`);
  }
}

/**
 * Applies a patch. Strategic merge (built-in types only) is applied as a merge patch: lists are replaced, not merged
 * by their merge keys. Server-side apply merges the applied configuration in; it does not track field managers, so
 * it neither reports conflicts nor removes fields a manager stopped applying.
 */
export function applyPatch(type: PatchType, target: Obj, body: unknown): Obj {
  if (type === 'json') {
    return jsonPatch(target, body);
  }
  if (!isObject(body)) {
    throw new ApiError(400, 'BadRequest', 'the patch must be a JSON object');
  }

  return mergePatch(target, body) as Obj;
}
