import { IncomingMessage } from 'node:http';
import {
  SteveApi, RequestContext, resolveType, listSchemas, schemaFor, counts, listResources, getResource, createResource, updateResource, removeResource
} from './api';
import { ResourceAction } from './behaviour';
import { readJson } from './http';
import { TypeDef } from './schemas';
import { ApiError, Obj, PlainTextError } from './types';

/** `POST …/<type>/<id>?action=<name>`: the installed behaviour's action, for users who may update the type. */
async function runAction(actions: ResourceAction[], def: TypeDef, id: string, name: string, ctx: RequestContext, body: Obj): Promise<unknown> {
  const type = def.id;
  const action = actions.find((a) => a.type === type && a.name === name);

  if (!action) {
    throw new ApiError(404, 'NotFound', `action ${ name } not found on ${ type }`);
  }
  if (!ctx.access(type).update) {
    throw new ApiError(403, 'Forbidden', `${ def.resource }.${ def.group } "${ id }" is forbidden: User cannot ${ name }`);
  }

  try {
    return await action.run(id, body);
  } catch (err) {
    throw action.plainErrors && err instanceof ApiError ? new PlainTextError(err.status, err.code, err.message) : err;
  }
}

/** Steve's `/v1/<type>[/<namespace>][/<name>]` routes for one API. Returns [status, body]. */
export async function steveRequest(api: SteveApi, ctx: RequestContext, method: string, rest: string, params: URLSearchParams, req: IncomingMessage, actions: ResourceAction[] = []): Promise<[number, unknown]> {
  const [segment, ...ids] = rest.split('/').filter(Boolean).map(decodeURIComponent);

  if (segment === 'schemas') {
    if (!ids.length) {
      return [200, listSchemas(api, ctx)];
    }
    const def = resolveType(api, ids[0]);
    const schema = def && schemaFor(def, ctx);

    if (!schema) {
      throw new ApiError(404, 'NotFound', `schema ${ ids[0] } not found`);
    }

    return [200, schema];
  }
  if (segment === 'schemaDefinitions') {
    return [200, {
      type:           'schemaDefinition',
      definitionType: ids[0],
      definitions:    {
        [ids[0]]: {
          id: ids[0], type: 'schemaDefinition', resourceFields: {}
        }
      }
    }];
  }
  if (segment === 'counts') {
    return [200, counts(api, ctx)];
  }
  const def = segment ? resolveType(api, segment) : undefined;

  if (!def) {
    throw new ApiError(404, 'NotFound', `resource type ${ segment } not found`);
  }
  const namespaceOnly = def.namespaced && ids.length === 1 && method === 'GET';
  const id = ids.join('/');

  if (method === 'GET') {
    return [200, !id || namespaceOnly ? listResources(api, def, ctx, params, namespaceOnly ? ids[0] : undefined) : getResource(api, def, ctx, id, params)];
  }
  const action = params.get('action');

  if (method === 'POST' && action && id) {
    const answer = await runAction(actions, def, id, action, ctx, await readJson(req));

    return answer === undefined ? [204, undefined] : [200, answer];
  }
  if (method === 'POST' && (!id || def.namespaced)) {
    return [201, createResource(api, def, ctx, await readJson(req), id || undefined)];
  }
  if (method === 'PUT' && id) {
    return [200, updateResource(api, def, ctx, id, await readJson(req))];
  }
  if (method === 'PATCH' && id) {
    const current = getResource(api, def, ctx, id);

    return [200, updateResource(api, def, ctx, id, mergePatch(current, await readJson(req)) as Obj)];
  }
  if (method === 'DELETE' && id) {
    return [200, removeResource(api, def, ctx, id)];
  }
  throw new ApiError(405, 'MethodNotAllowed', `method ${ method } not allowed`);
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) {
    return patch;
  }
  const out: Obj = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Obj) } : {};

  for (const [key, value] of Object.entries(patch as Obj)) {
    if (value === null) {
      delete out[key];
    } else {
      out[key] = mergePatch(out[key], value);
    }
  }

  return out;
}
