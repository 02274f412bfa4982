import { SteveApi } from '../api';
import { TypeDef } from '../schemas';
import { Obj } from '../types';
import { kubeTypes } from './catalogue';

const TITLE = 'Kubernetes';
const VERSION = 'v1.34.2+rke2r1';

/** Where a group version's documents live: `api/v1` or `apis/<group>/<version>`. */
function gvPath(def: TypeDef): string {
  return def.group ? `apis/${ def.group }/${ def.version }` : `api/${ def.version }`;
}

/** `/openapi/v3`: one document per group version, as the apiserver lists them. */
export function openApiV3Root(api: SteveApi): Obj {
  const paths: Obj = {};

  for (const def of kubeTypes(api)) {
    paths[gvPath(def)] = { serverRelativeURL: `/openapi/v3/${ gvPath(def) }?hash=${ def.version }` };
  }

  return { paths };
}

/**
 * `/openapi/v3/<group version>`: each resource's item path with its PATCH operation, which names its kind and takes
 * `fieldValidation`, so kubectl validates on the server (as against a real apiserver) instead of asking for schemas.
 * The schemas themselves are not modelled: every object is `x-kubernetes-preserve-unknown-fields`.
 */
export function openApiV3Document(api: SteveApi, path: string): Obj | undefined {
  const defs = kubeTypes(api).filter((def) => gvPath(def) === path);

  if (!defs.length) {
    return undefined;
  }
  const paths: Obj = {};

  for (const def of defs) {
    const gvk = {
      group: def.group, version: def.version, kind: def.kind
    };
    const query = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
      name, in: 'query', schema: { type: 'string', uniqueItems: true }
    }));

    paths[itemPath(def)] = {
      get: {
        operationId: `read${ def.kind }`, 'x-kubernetes-action': 'get', 'x-kubernetes-group-version-kind': gvk, responses: { 200: { description: 'OK' } }
      },
      patch: {
        operationId: `patch${ def.kind }`, 'x-kubernetes-action': 'patch', 'x-kubernetes-group-version-kind': gvk, parameters: query, responses: { 200: { description: 'OK' } }
      },
    };
  }

  return {
    openapi: '3.0.0', info: { title: TITLE, version: VERSION }, paths, components: { schemas: {} }
  };
}

function varint(n: number): number[] {
  const out: number[] = [];
  let rest = n;

  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }

  return [...out, rest];
}

/** A protobuf length-delimited field (strings and messages alike). */
function field(number: number, ...parts: (Buffer | string)[]): Buffer {
  const bytes = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

  return Buffer.concat([Buffer.from([(number << 3) | 2, ...varint(bytes.length)]), bytes]);
}

/**
 * One path of gnostic's `openapi_v2.Document` with its PATCH operation: the `x-kubernetes-group-version-kind`
 * vendor extension (NamedAny, as YAML) and the `dryRun` query parameter, which is what kubectl up to 1.26 looks for
 * before it sends `--dry-run=server`.
 */
function protoPath(def: TypeDef): Buffer {
  const gvk = `group: "${ def.group }"\nkind: ${ def.kind }\nversion: ${ def.version }\n`;
  const queryParameter = (name: string) => field(8, field(1, field(2, field(3, field(2, 'query'), field(4, name), field(6, 'string')))));
  const patch = field(8,
    field(5, `patch${ def.kind }`),
    ...['dryRun', 'fieldManager', 'force'].map(queryParameter),
    field(13, field(1, 'x-kubernetes-group-version-kind'), field(2, field(2, gvk))));

  return field(2, field(1, itemPath(def)), field(2, patch));
}

function itemPath(def: TypeDef): string {
  return `/${ gvPath(def) }${ def.namespaced ? '/namespaces/{namespace}' : '' }/${ def.resource }/{name}`;
}

/**
 * `/openapi/v2`. kubectl up to 1.26 asks for it as protobuf (gnostic's `openapi_v2.Document`): before a server-side
 * dry run it looks for the `dryRun` parameter of the kind's PATCH, and it validates what it sends against the
 * definitions. There are none here, so it skips client-side validation, as it does for a type without a schema.
 */
export function openApiV2(api: SteveApi, accept: string | undefined): { body: Buffer; contentType: string } {
  const defs = kubeTypes(api);

  if ((accept ?? '').includes('protobuf')) {
    const info = field(2, field(1, TITLE), field(2, VERSION));

    return { body: Buffer.concat([field(1, '2.0'), info, field(8, ...defs.map(protoPath))]), contentType: 'application/octet-stream' };
  }
  const paths = Object.fromEntries(defs.map((def) => [itemPath(def), {
    patch: {
      operationId: `patch${ def.kind }`,
      parameters:  ['dryRun', 'fieldManager', 'force'].map((name) => ({
        name, in: 'query', type: 'string'
      })),
      'x-kubernetes-group-version-kind': {
        group: def.group, version: def.version, kind: def.kind
      },
    },
  }]));

  return {
    body: Buffer.from(JSON.stringify({
      swagger: '2.0', info: { title: TITLE, version: VERSION }, paths, definitions: {}
    })),
    contentType: 'application/json',
  };
}
