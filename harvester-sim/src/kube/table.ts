import { TypeDef } from '../schemas';
import { K8sObject, Obj } from '../types';

interface ColumnDef {
  name: string;
  type: string;
  format?: string;
  priority?: number;
  cell(obj: K8sObject, now: number): unknown;
}

/** Kubernetes' `duration.HumanDuration`: the ages `kubectl get` prints (`45s`, `3m20s`, `5h`, `12d`, `2y30d`). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(seconds / 3600);
  const days = Math.floor(hours / 24);
  const years = Math.floor(hours / (24 * 365));
  const pair = (a: number, unitA: string, b: number, unitB: string) => (b ? `${ a }${ unitA }${ b }${ unitB }` : `${ a }${ unitA }`);

  if (seconds < -1) {
    return '<invalid>';
  }
  if (seconds < 0) {
    return '0s';
  }
  if (seconds < 120) {
    return `${ seconds }s`;
  }
  if (minutes < 10) {
    return pair(minutes, 'm', seconds % 60, 's');
  }
  if (minutes < 180) {
    return `${ minutes }m`;
  }
  if (hours < 8) {
    return pair(hours, 'h', minutes % 60, 'm');
  }
  if (hours < 48) {
    return `${ hours }h`;
  }
  if (hours < 24 * 8) {
    return pair(days, 'd', hours % 24, 'h');
  }
  if (hours < 24 * 365 * 2) {
    return `${ days }d`;
  }

  return hours < 24 * 365 * 8 ? pair(years, 'y', days % 365, 'd') : `${ years }y`;
}

const at = (obj: unknown, path: string): unknown => path.split('.').filter(Boolean).reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Obj)[key] : undefined), obj);
const since = (value: unknown, now: number): string => {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;

  return Number.isNaN(time) ? '<unknown>' : humanDuration(now - time);
};
const text = (value: unknown, none = '<none>') => (value === undefined || value === null || value === '' ? none : String(value));

const NAME: ColumnDef = {
  name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name
};
const AGE: ColumnDef = {
  name: 'Age', type: 'string', format: 'date', cell: (o, now) => since(o.metadata.creationTimestamp, now)
};

function podColumns(): ColumnDef[] {
  const statuses = (o: K8sObject) => (at(o, 'status.containerStatuses') ?? []) as Obj[];
  const waiting = (o: K8sObject) => statuses(o).map((s) => at(s, 'state.waiting.reason') ?? at(s, 'state.terminated.reason')).find(Boolean);

  return [
    NAME,
    {
      name: 'Ready', type: 'string', cell: (o) => `${ statuses(o).filter((s) => s.ready).length }/${ ((at(o, 'spec.containers') ?? []) as unknown[]).length }`
    },
    {
      name: 'Status', type: 'string', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : text(waiting(o) ?? at(o, 'status.phase'), 'Unknown'))
    },
    {
      name: 'Restarts', type: 'string', cell: (o) => String(statuses(o).reduce((sum, s) => sum + Number(s.restartCount ?? 0), 0))
    },
    AGE,
    {
      name: 'IP', type: 'string', priority: 1, cell: (o) => text(at(o, 'status.podIP'))
    },
    {
      name: 'Node', type: 'string', priority: 1, cell: (o) => text(at(o, 'spec.nodeName'))
    },
    {
      name: 'Nominated Node', type: 'string', priority: 1, cell: (o) => text(at(o, 'status.nominatedNodeName'))
    },
    {
      name: 'Readiness Gates', type: 'string', priority: 1, cell: () => '<none>'
    },
  ];
}

function nodeColumns(): ColumnDef[] {
  const ready = (o: K8sObject) => ((at(o, 'status.conditions') ?? []) as Obj[]).find((c) => c.type === 'Ready')?.status === 'True';
  const roles = (o: K8sObject) => Object.keys(o.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).sort()
    .join(',');
  const address = (o: K8sObject, type: string) => ((at(o, 'status.addresses') ?? []) as Obj[]).find((a) => a.type === type)?.address;

  return [
    NAME,
    {
      name: 'Status', type: 'string', cell: (o) => `${ ready(o) ? 'Ready' : 'NotReady' }${ at(o, 'spec.unschedulable') ? ',SchedulingDisabled' : '' }`
    },
    {
      name: 'Roles', type: 'string', cell: (o) => text(roles(o))
    },
    AGE,
    {
      name: 'Version', type: 'string', cell: (o) => text(at(o, 'status.nodeInfo.kubeletVersion'), '')
    },
    {
      name: 'Internal-IP', type: 'string', priority: 1, cell: (o) => text(address(o, 'InternalIP'))
    },
  ];
}

function eventColumns(): ColumnDef[] {
  const last = (o: K8sObject) => at(o, 'lastTimestamp') ?? at(o, 'eventTime') ?? o.metadata.creationTimestamp;

  return [
    {
      name: 'Last Seen', type: 'string', cell: (o, now) => since(last(o), now)
    },
    {
      name: 'Type', type: 'string', cell: (o) => text(o.type, '')
    },
    {
      name: 'Reason', type: 'string', cell: (o) => text(o.reason, '')
    },
    {
      name: 'Object', type: 'string', cell: (o) => `${ String(at(o, 'involvedObject.kind') ?? '').toLowerCase() }/${ text(at(o, 'involvedObject.name'), '') }`
    },
    {
      name: 'Message', type: 'string', cell: (o) => text(o.message, '')
    },
  ];
}

/** Columns of a custom resource: its CRD's printer columns after the name, or `Age` when it declares none. */
function customColumns(def: TypeDef): ColumnDef[] {
  const declared = (def.columns ?? []).filter((c) => c.field !== '.metadata.name');

  return [NAME, ...(declared.length ? declared.map((c) => ({
    name: c.name, type: c.type, priority: c.priority, cell: (o: K8sObject, now: number) => (c.type === 'date' ? since(at(o, c.field), now) : at(o, c.field) ?? null)
  })) : [AGE])];
}

/** The columns the apiserver's table convertor of each resource gives, as `kubectl get` prints them. */
function columnsOf(def: TypeDef): ColumnDef[] {
  switch (def.resource) {
  case 'pods':
    return podColumns();
  case 'nodes':
    return nodeColumns();
  case 'events':
    return eventColumns();
  case 'customresourcedefinitions':
    return [NAME, {
      name: 'Created At', type: 'date', cell: (o) => o.metadata.creationTimestamp
    }];
  default:
    return def.group.includes('.') ? customColumns(def) : [NAME, AGE];
  }
}

/** `Accept: application/json;as=Table;g=meta.k8s.io;v=v1`: the server-side table `kubectl get` prints. */
export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '') && /g=meta\.k8s\.io/.test(accept ?? '');
}

/**
 * A `meta.k8s.io/v1` Table of `objects`; each row carries the object's metadata (or, with `includeObject=Object`,
 * the whole object), as kubectl needs for namespaces, labels and `-o wide`.
 */
export function toTable(def: TypeDef, objects: K8sObject[], meta: Obj, includeObject: string | null, headers = true): Obj {
  const columns = columnsOf(def);
  const now = Date.now();
  const rowObject = (o: K8sObject) => (includeObject === 'Object' ? o : includeObject === 'None' ? undefined : {
    kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata
  });

  return {
    kind:       'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata:   meta,
    ...(headers ? {
      columnDefinitions: columns.map((c) => ({
        name: c.name, type: c.type, format: c.format ?? '', description: '', priority: c.priority ?? 0
      }))
    } : {}),
    rows: objects.map((o) => ({ cells: columns.map((c) => c.cell(o, now)), object: rowObject(o) })),
  };
}
