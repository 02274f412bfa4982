/** Any JSON object: request bodies, Steve-formatted resources, loosely typed parts of objects. */
export type Obj = Record<string, unknown>;

/** A Kubernetes object's metadata as the simulator stores it (the raw object, before Steve formatting). */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  [key: string]: unknown;
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

/** Read-only view of one cluster's objects, keyed by Steve type id (`harvesterhci.io.setting`, `node`, `pod`...). */
export interface ClusterReader {
  list(type: string): K8sObject[];
  get(type: string, id: string): K8sObject | undefined;
}

export type ChangeKind = 'create' | 'change' | 'remove';

export interface ChangeEvent {
  kind: ChangeKind;
  type: string;
  object: K8sObject;
  revision: number;
  /** The object before this change (updates and removals), so a filtered watch can tell an object leaving it. */
  previous?: K8sObject;
}

/** An error the API answers with: HTTP status plus a Kubernetes-style reason and message. */
export class ApiError extends Error {
  /**
   * `causes`: the fields an `Invalid` error names (the apiserver's `details.causes`), which kubectl prints as
   * `The <kind> "<name>" is invalid: <field>: <message>`.
   */
  constructor(public readonly status: number, public readonly code: string, message: string, public readonly causes?: StatusCause[]) {
    super(message);
  }
}

/** An error a handler writes as plain text (Harvester's own API: `err.Error()` as the body), not Steve's envelope. */
export class PlainTextError extends ApiError {}

/**
 * The webhook did not answer (it hung past its timeout): the apiserver fails the write itself, with
 * `Internal error occurred: failed calling webhook "<name>": <message>` instead of a denial.
 */
export class WebhookCallFailed extends ApiError {
  constructor(message: string) {
    super(500, 'InternalError', message);
  }
}

/** One cause of a Kubernetes `Status` failure. */
export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/**
 * A validating admission hook: returns an ApiError to deny (its message is the webhook's own text,
 * without the apiserver prefix), or undefined to admit. `object` is undefined on DELETE, `old` on CREATE.
 */
export type Admission = (
  operation: AdmissionOperation,
  object: K8sObject | undefined,
  old: K8sObject | undefined,
  reader: ClusterReader
) => ApiError | undefined;

/** A request body as a Kubernetes object: 400 unless it has metadata with a name (and, when asked, apiVersion and kind). */
export function asK8sObject(body: Obj, typeMeta = true): K8sObject {
  const meta = body.metadata;
  const named = !!meta && typeof meta === 'object' && typeof (meta as Obj).name === 'string';

  if (!named || (typeMeta && (typeof body.apiVersion !== 'string' || typeof body.kind !== 'string'))) {
    throw new ApiError(400, 'BadRequest', `the body must be a Kubernetes object with ${ typeMeta ? 'apiVersion, kind and ' : '' }metadata.name`);
  }

  return body as K8sObject;
}
