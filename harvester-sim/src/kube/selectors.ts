import { ApiError, K8sObject, Obj } from '../types';

/** One test an object must pass to be in a list or a watch. */
export type ObjectFilter = (obj: K8sObject) => boolean;

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

/** Splits on commas outside parentheses: `a in (x,y),b` is two requirements. */
function requirements(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';

  for (const char of selector) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (char === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += char;
    }
  }

  return [...out, current].map((r) => r.trim()).filter(Boolean);
}

function invalid(requirement: string, why: string): ApiError {
  return new ApiError(400, 'BadRequest', `unable to parse requirement: ${ why }: "${ requirement }"`);
}

function checked(requirement: string, key: string, values: string[]): void {
  if (!KEY.test(key)) {
    throw invalid(requirement, `invalid label key "${ key }"`);
  }
  const bad = values.find((v) => !VALUE.test(v));

  if (bad !== undefined) {
    throw invalid(requirement, `invalid label value: "${ bad }"`);
  }
}

type LabelTest = (labels: Record<string, string>) => boolean;

function labelRequirement(requirement: string): LabelTest {
  const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(requirement);

  if (set) {
    const [, key, op, list] = set;
    const values = list.split(',').map((v) => v.trim());

    checked(requirement, key, values);

    return op === 'in' ? (labels) => key in labels && values.includes(labels[key]) : (labels) => !(key in labels) || !values.includes(labels[key]);
  }
  const equality = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(requirement);

  if (equality) {
    const [, key, op, value] = equality;

    checked(requirement, key, [value]);

    return op === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  const exists = /^(!?)\s*(\S+)$/.exec(requirement);

  if (!exists) {
    throw invalid(requirement, 'found unexpected token');
  }
  const [, not, key] = exists;

  checked(requirement, key, []);

  return not ? (labels) => !(key in labels) : (labels) => key in labels;
}

/** A label selector in the apiserver's grammar: `k=v`, `k==v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`. */
export function labelFilter(selector: string | null): ObjectFilter {
  const tests = requirements(selector ?? '').map(labelRequirement);

  return (obj) => tests.every((test) => test(obj.metadata.labels ?? {}));
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];

/** The field labels each built-in resource answers to (the apiserver's `GetAttrs`); custom resources have the common two. */
const FIELDS: Record<string, string[]> = {
  pods:       ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  events:     ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  nodes:      ['spec.unschedulable'],
  namespaces: ['status.phase'],
};

function fieldValue(obj: K8sObject, field: string): string {
  if (field === 'source') {
    return String(((obj.source ?? {}) as Obj).component ?? '');
  }
  const value = field.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Obj)[key] : undefined), obj);

  return value === undefined || value === null ? (field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '') : String(value);
}

/** A field selector (`a=b,c!=d`) over the fields the resource supports; any other field is the apiserver's 400. */
export function fieldFilter(resource: string, selector: string | null): ObjectFilter {
  const supported = [...COMMON_FIELDS, ...(FIELDS[resource] ?? [])];
  const tests = requirements(selector ?? '').map((requirement) => {
    const match = /^([^=!]+)(==|=|!=)(.*)$/.exec(requirement);

    if (!match) {
      throw new ApiError(400, 'BadRequest', `invalid selector: '${ selector }'; can't understand '${ requirement }'`);
    }
    const [, field, op, value] = match;

    if (!supported.includes(field)) {
      throw new ApiError(400, 'BadRequest', `field label not supported: ${ field }`);
    }

    return (obj: K8sObject) => (fieldValue(obj, field) === value) === (op !== '!=');
  });

  return (obj) => tests.every((test) => test(obj));
}
