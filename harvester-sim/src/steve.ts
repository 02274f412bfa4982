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

  const actions = def.actions ? { actions: Object.fromEntries(def.actions.map((name) => [name, `${ self }?action=${ name }`])) } : {};

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

/** Reads a Steve field path such as `metadata.labels[provider.cattle.io]` or `metadata.fields[1]`. */
export function readPath(obj: unknown, path: string): unknown {
  const parts: string[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;

  while ((m = re.exec(path))) {
    parts.push(m[1] ?? m[2]);
  }
  let cur: unknown = obj;

  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') {
      return undefined;
    }
    cur = (cur as Obj)[p];
  }

  return cur;
}

/** One `filter=` parameter: comma-separated terms are OR-ed; separate parameters are AND-ed. */
function matchesFilter(item: Obj, filter: string): boolean {
  return splitOutsideParens(filter).some((term) => matchesTerm(item, term.trim()));
}

function splitOutsideParens(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;

  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') {
      depth++;
    } else if (s[i] === ')') {
      depth--;
    } else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));

  return out;
}

function matchesTerm(item: Obj, term: string): boolean {
  const set = /^(.+?)\s+(IN|NOTIN)\s+\((.*)\)$/.exec(term);

  if (set) {
    const values = set[3].split(',').map((v) => v.trim());
    const has = values.includes(String(readPath(item, set[1].trim()) ?? ''));

    return set[2] === 'IN' ? has : !has;
  }
  const op = /^(.+?)(!=|=|~)(.*)$/.exec(term);

  if (!op) {
    return true;
  }
  const actual = readPath(item, op[1]);
  const text = actual === undefined || actual === null ? '' : String(actual);

  if (op[2] === '~') {
    return text.toLowerCase().includes(op[3].toLowerCase());
  }

  return op[2] === '=' ? text === op[3] : text !== op[3];
}

function compare(a: Obj, b: Obj, sorts: string[]): number {
  for (const s of sorts) {
    const desc = s.startsWith('-');
    const path = desc ? s.slice(1) : s;
    const va = readPath(a, path);
    const vb = readPath(b, path);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va ?? '').localeCompare(String(vb ?? ''), undefined, { numeric: true });

    if (c !== 0) {
      return desc ? -c : c;
    }
  }

  return 0;
}

export interface Query {
  filters: string[];
  sort: string[];
  page?: number;
  pageSize?: number;
  namespace?: string;
}

export function parseQuery(params: URLSearchParams): Query {
  const sort = params.getAll('sort').flatMap((s) => s.split(',')).filter(Boolean);
  const page = params.get('page');
  const pageSize = params.get('pagesize');

  return {
    filters:  params.getAll('filter'),
    sort,
    page:     page ? Number(page) : undefined,
    pageSize: pageSize ? Number(pageSize) : undefined,
  };
}

/** Applies filter, sort and page to formatted items; returns the page and the count before paging. */
export function applyQuery(items: Obj[], query: Query): { data: Obj[]; count: number; pages: number } {
  let out = items.filter((item) => query.filters.every((f) => matchesFilter(item, f)));

  out = out.sort((a, b) => compare(a, b, query.sort.length ? query.sort : ['metadata.namespace', 'metadata.name']));
  const count = out.length;

  if (query.page && query.pageSize) {
    const start = (query.page - 1) * query.pageSize;

    return {
      data: out.slice(start, start + query.pageSize), count, pages: Math.max(1, Math.ceil(count / query.pageSize))
    };
  }

  return {
    data: out, count, pages: 1
  };
}
