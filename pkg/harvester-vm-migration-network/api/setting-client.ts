import { ObjectMeta, Setting } from '../core';

/**
 * Writes the `vm-migration-network` Setting: a server dry run through the Kubernetes API path Rancher
 * proxies, then the real update through Steve. Never retries on its own and never overwrites a newer
 * object: a 409 comes back as a conflict with the server's current object for the user to decide. Neither waits
 * longer than WRITE_TIMEOUT_MS.
 */

/** The shell store's `cluster/request` (or any function with its contract: rejects with `_status` + body). */
export type RequestFn = (options: { url: string; method: string; data?: unknown }) => Promise<unknown>;

/** The Setting as Steve serves it: the core shape plus the id, name and links a write needs. */
export type SettingObject = Setting & {
  id: string;
  type?: string;
  metadata: ObjectMeta & { name: string; resourceVersion?: string };
  links?: { update?: string; self?: string };
};

export type WriteOutcome =
  | { kind: 'ok'; setting?: SettingObject }
  | { kind: 'denied'; status: number; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'unsupported'; status: number; message: string }
  /** `timeoutSeconds`: no answer came in time; a save may still have been written (the request cannot be taken back). */
  | { kind: 'failed'; status?: number; message: string; timeoutSeconds?: number };

/**
 * How long a dry run or a save may take before the editor gives up on it. The shell's request has no deadline of its
 * own, so a cluster agent that stops answering would otherwise leave the editor waiting for ever.
 */
export const WRITE_TIMEOUT_MS = 30_000;

export interface WriteOptions {
  /** Overrides WRITE_TIMEOUT_MS (tests). */
  timeoutMs?: number;
}

interface RequestError {
  _status?: number;
  message?: string;
  code?: string | number;
  reason?: string;
}

export const WEBHOOK_PREFIX = 'admission webhook "validator.harvesterhci.io" denied the request: ';

function errorOf(err: unknown): RequestError {
  return err && typeof err === 'object' ? err as RequestError : { message: String(err) };
}

/**
 * A plain copy of the whole object as it was read. The shell store updates its objects in place when the watch
 * reports a change, so the editor must keep its own copy: writing the live object would carry the newer
 * resourceVersion and silently overwrite someone else's change. Every field is kept, known or not (Harvester's
 * `customized` and `source`, labels, annotations, fields of a newer Harvester): a write changes `value` only.
 */
export function snapshotSetting(setting: SettingObject): SettingObject {
  const plain = JSON.parse(JSON.stringify(setting)) as SettingObject & { __clone?: unknown; __rehydrate?: unknown };

  // The shell's own bookkeeping on its models, never part of the object on the server.
  delete plain.__clone;
  delete plain.__rehydrate;

  return plain;
}

/** Sorts a failed request into what the UI does next. */
export function classify(err: unknown, dryRun = false): WriteOutcome {
  const e = errorOf(err);
  const status = e._status;
  const message = e.message ?? '';

  if (status === 409) {
    return { kind: 'conflict', message };
  }
  if (status === 403) {
    return { kind: 'forbidden', message };
  }
  if (message.includes(WEBHOOK_PREFIX) || (status !== undefined && [400, 405, 422].includes(status) && !dryRun)) {
    return {
      kind: 'denied', status: status ?? 400, message
    };
  }
  if (dryRun && status !== undefined && [400, 404, 405, 415, 501].includes(status)) {
    return {
      kind: 'unsupported', status, message
    };
  }

  return {
    kind: 'failed', status, message: message || (status ? `HTTP ${ status }` : 'network error')
  };
}

const TIMED_OUT = Symbol('timed out');

/**
 * The request's answer, or TIMED_OUT when none came within `ms`. The request itself is abandoned, not aborted (the
 * shell's request offers no abort): Promise.race settles once, so its late answer or rejection is dropped here and
 * never reaches the caller.
 */
async function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });

  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(ms: number): WriteOutcome {
  const seconds = ms / 1000;

  return {
    kind: 'failed', message: `the server did not answer within ${ seconds } s`, timeoutSeconds: seconds
  };
}

/** The plain Kubernetes path of a Harvester setting on a downstream cluster, as Rancher proxies it. */
export function kubeSettingUrl(clusterId: string, name: string): string {
  return `/k8s/clusters/${ encodeURIComponent(clusterId) }/apis/harvesterhci.io/v1beta1/settings/${ encodeURIComponent(name) }`;
}

/** The raw Kubernetes object for a PUT: Steve's additions (id, type, links, metadata.state...) stripped. */
export function toKubeObject(setting: SettingObject, value: string): Record<string, unknown> {
  const {
    id, type, links, actions, ...rest
  } = setting as SettingObject & { actions?: unknown };
  const {
    state, fields, relationships, ...metadata
  } = setting.metadata as SettingObject['metadata'] & Record<string, unknown>;

  return {
    ...rest, apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata, value
  };
}

/** Asks the server whether it would accept `value` (its webhook runs, nothing is stored). */
export async function dryRunValue(request: RequestFn, clusterId: string, setting: SettingObject, value: string, options: WriteOptions = {}): Promise<WriteOutcome> {
  const ms = options.timeoutMs ?? WRITE_TIMEOUT_MS;

  try {
    const answer = await within(request({
      url: `${ kubeSettingUrl(clusterId, setting.metadata.name) }?dryRun=All`, method: 'PUT', data: toKubeObject(setting, value)
    }), ms);

    return answer === TIMED_OUT ? timedOut(ms) : { kind: 'ok' };
  } catch (err) {
    return classify(err, true);
  }
}

/** Writes `value` with the resourceVersion the user started from: a newer object on the server is a conflict. */
export async function saveValue(request: RequestFn, setting: SettingObject, value: string, options: WriteOptions = {}): Promise<WriteOutcome> {
  const url = setting.links?.update ?? setting.links?.self;
  const ms = options.timeoutMs ?? WRITE_TIMEOUT_MS;

  if (!url) {
    return { kind: 'forbidden', message: '' };
  }
  try {
    const saved = await within(request({
      url, method: 'PUT', data: { ...setting, value }
    }), ms);

    return saved === TIMED_OUT ? timedOut(ms) : { kind: 'ok', setting: saved as SettingObject };
  } catch (err) {
    return classify(err);
  }
}
