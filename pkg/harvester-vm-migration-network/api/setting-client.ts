import { ObjectMeta, Setting } from '../core';
import { RequestError, RequestFn, send } from './request';

/**
 * Writes the `vm-migration-network` Setting: a server dry run through the Kubernetes API path Rancher
 * proxies, then the real update through Steve. Never retries on its own and never overwrites a newer
 * object: a 409 comes back as a conflict with the server's current object for the user to decide. Neither waits
 * longer than WRITE_TIMEOUT_MS.
 */

export type { RequestFn } from './request';

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

export const WEBHOOK_PREFIX = 'admission webhook "validator.harvesterhci.io" denied the request: ';

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
export function classify(error: RequestError, dryRun = false): WriteOutcome {
  const { status, message } = error;

  if (error.timeoutMs !== undefined) {
    return timedOut(error.timeoutMs);
  }

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
  const answer = await send(request, {
    url: `${ kubeSettingUrl(clusterId, setting.metadata.name) }?dryRun=All`, method: 'PUT', data: toKubeObject(setting, value)
  }, options.timeoutMs ?? WRITE_TIMEOUT_MS);

  return answer.ok ? { kind: 'ok' } : classify(answer.error, true);
}

/** Writes `value` with the resourceVersion the user started from: a newer object on the server is a conflict. */
export async function saveValue(request: RequestFn, setting: SettingObject, value: string, options: WriteOptions = {}): Promise<WriteOutcome> {
  const url = setting.links?.update ?? setting.links?.self;

  if (!url) {
    return { kind: 'forbidden', message: '' };
  }
  const answer = await send<SettingObject>(request, {
    url, method: 'PUT', data: { ...setting, value }
  }, options.timeoutMs ?? WRITE_TIMEOUT_MS);

  return answer.ok ? { kind: 'ok', setting: answer.body } : classify(answer.error);
}
