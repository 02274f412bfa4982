import { randomUUID } from 'node:crypto';
import { ApiError, ChangeEvent, ClusterReader, K8sObject } from './types';

/** Steve id of an object: `<namespace>/<name>` for namespaced objects, `<name>` otherwise. */
export function idOf(obj: K8sObject): string {
  return obj.metadata.namespace ? `${ obj.metadata.namespace }/${ obj.metadata.name }` : obj.metadata.name;
}

const GENERATE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Kubernetes' generateName suffix: 5 characters from the apiserver's alphabet. */
export function randomSuffix(): string {
  let out = '';

  for (let i = 0; i < 5; i++) {
    out += GENERATE_ALPHABET[Math.floor(Math.random() * GENERATE_ALPHABET.length)];
  }

  return out;
}

export type Listener = (event: ChangeEvent) => void;

/** How many changes a store keeps for watches that resume from a `resourceVersion`. */
export const HISTORY_LIMIT = 5000;

/**
 * In-memory object store of one cluster, keyed by Steve type id. Every write bumps a cluster-wide
 * revision that becomes the object's `resourceVersion`, and notifies listeners (the watch hub, the
 * controllers). Updates carrying a stale `resourceVersion` fail with 409 like the apiserver.
 */
export class ObjectStore implements ClusterReader {
  private readonly objects = new Map<string, Map<string, K8sObject>>();
  private readonly listeners = new Set<Listener>();
  /** The latest changes, oldest first, for watches that resume from a revision. */
  private readonly history: ChangeEvent[] = [];
  /** Changes at or below this revision are forgotten (compacted), as etcd forgets old revisions. */
  private compacted = 0;
  revision = 1;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** The changes after `revision`, or undefined when some of them are already compacted away. */
  changesSince(revision: number): ChangeEvent[] | undefined {
    if (revision < this.compacted) {
      return undefined;
    }

    return this.history.filter((event) => event.revision > revision);
  }

  /** The oldest revision a watch can still resume from. */
  get oldestRevision(): number {
    return this.compacted;
  }

  /** Forgets every change so far, as an etcd compaction does: older watches must list again. */
  compact(): void {
    this.history.length = 0;
    this.compacted = this.revision;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);

    return () => this.listeners.delete(listener);
  }

  types(): string[] {
    return [...this.objects.keys()];
  }

  list(type: string): K8sObject[] {
    return [...(this.objects.get(type)?.values() ?? [])];
  }

  get(type: string, id: string): K8sObject | undefined {
    return this.objects.get(type)?.get(id);
  }

  /** Seeds an object as-is (keeps its resourceVersion if it has one); emits nothing. */
  seed(type: string, obj: K8sObject): void {
    const copy = structuredClone(obj);

    copy.metadata.resourceVersion = copy.metadata.resourceVersion ?? String(++this.revision);
    copy.metadata.uid = copy.metadata.uid ?? randomUUID();
    this.revision = Math.max(this.revision, Number(copy.metadata.resourceVersion) || 0);
    this.bucket(type).set(idOf(copy), copy);
  }

  create(type: string, obj: K8sObject): K8sObject {
    const copy = structuredClone(obj);
    const meta = copy.metadata;

    if (!meta.name && meta.generateName) {
      do {
        meta.name = `${ meta.generateName }${ randomSuffix() }`;
      } while (this.get(type, idOf(copy)));
    }
    if (!meta.name) {
      throw new ApiError(422, 'Invalid', 'metadata.name: Required value: name or generateName is required');
    }
    if (this.get(type, idOf(copy))) {
      throw new ApiError(409, 'AlreadyExists', `${ type } "${ meta.name }" already exists`);
    }
    meta.uid = randomUUID();
    meta.creationTimestamp = meta.creationTimestamp ?? this.timestamp();
    meta.generation = 1;

    return this.write('create', type, copy);
  }

  /**
   * Replaces an object. A `resourceVersion` that is set and differs from the stored one is a conflict (409),
   * exactly like the apiserver's optimistic concurrency.
   */
  update(type: string, obj: K8sObject): K8sObject {
    const id = idOf(obj);
    const current = this.get(type, id);

    if (!current) {
      throw new ApiError(404, 'NotFound', `${ type } "${ id }" not found`);
    }
    const sent = obj.metadata.resourceVersion;

    if (sent && sent !== current.metadata.resourceVersion) {
      throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${ type } "${ obj.metadata.name }": the object has been modified; please apply your changes to the latest version and try again`);
    }
    const copy = structuredClone(obj);

    copy.metadata.uid = current.metadata.uid;
    copy.metadata.creationTimestamp = current.metadata.creationTimestamp;
    copy.metadata.generation = (current.metadata.generation ?? 1) + (specChanged(current, copy) ? 1 : 0);

    return this.write('change', type, copy, current);
  }

  /** Read-modify-write helper for controllers: applies `mutate` to a copy of the current object. */
  patch(type: string, id: string, mutate: (obj: K8sObject) => void): K8sObject {
    const current = this.get(type, id);

    if (!current) {
      throw new ApiError(404, 'NotFound', `${ type } "${ id }" not found`);
    }
    const copy = structuredClone(current);

    mutate(copy);

    return this.update(type, copy);
  }

  remove(type: string, id: string): K8sObject {
    const current = this.get(type, id);

    if (!current) {
      throw new ApiError(404, 'NotFound', `${ type } "${ id }" not found`);
    }
    this.bucket(type).delete(id);
    const removed = structuredClone(current);

    removed.metadata.resourceVersion = String(++this.revision);
    this.emit({
      kind: 'remove', type, object: removed, revision: this.revision, previous: current
    });

    return removed;
  }

  /** Empties the store (a reset); watches from before it must list again. */
  clear(): void {
    this.objects.clear();
    this.compact();
  }

  private write(kind: 'create' | 'change', type: string, obj: K8sObject, previous?: K8sObject): K8sObject {
    obj.metadata.resourceVersion = String(++this.revision);
    this.bucket(type).set(idOf(obj), obj);
    this.emit({
      kind, type, object: obj, revision: this.revision, previous
    });

    return obj;
  }

  private emit(event: ChangeEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) {
      const dropped = this.history.splice(0, this.history.length - HISTORY_LIMIT);

      this.compacted = dropped[dropped.length - 1].revision;
    }
    for (const listener of [...this.listeners]) {
      listener(event);
    }
  }

  private bucket(type: string): Map<string, K8sObject> {
    let bucket = this.objects.get(type);

    if (!bucket) {
      bucket = new Map();
      this.objects.set(type, bucket);
    }

    return bucket;
  }

  private timestamp(): string {
    return this.now().toISOString().replace(/\.\d+Z$/, 'Z');
  }
}

/** Everything but metadata and status counts as spec for `metadata.generation`. */
function specChanged(before: K8sObject, after: K8sObject): boolean {
  const strip = (o: K8sObject) => JSON.stringify({
    ...o, metadata: undefined, status: undefined
  });

  return strip(before) !== strip(after);
}

/** Steve's schema id for an apiVersion/kind: lower-case `<group>.<kind>`, core group without prefix. */
export function steveType(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';

  return (group ? `${ group }.${ kind }` : kind).toLowerCase();
}
