import { computed, ComputedRef, reactive, toRaw } from 'vue';
import { Store } from 'vuex';
import { ListScope, shellPage } from './useShellPage';

/** Whether the objects of one type could be read: the user may lack the permission, or the fetch failed. */
export type TypeAvailability = 'loading' | 'ready' | 'forbidden' | 'error';

export interface TypeState {
  availability: TypeAvailability;
  error?: string;
}

export interface ClusterObjects<T extends string> {
  /** Live objects of each type (the shell keeps them current from the Steve websocket). */
  objects: ComputedRef<Record<T, unknown[]>>;
  /**
   * One type's objects once it is ready, else undefined, without Vue's proxies: a proxy costs on every read, and one
   * health report reads most fields of 1,000 pods and nodes. A computed of its own, so a change of another type
   * leaves it (and what is computed from it) alone. Never change what it returns.
   */
  plainList: <O extends object>(type: T) => ComputedRef<O[] | undefined>;
  /** Per-type availability, so a page can say "you may not list nodes" instead of failing. */
  state: Record<T, TypeState>;
  /** Resolves when every type has been tried once; never rejects. */
  ready: Promise<void>;
  /** Tries one type again (after a failure); resolves when it has been tried. */
  retry: (type: T) => Promise<void>;
}

/**
 * Loads and watches several types of the current cluster through the shell's `cluster` store. A type whose
 * schema the user cannot see is `forbidden` (Steve leaves out schemas the user may not list) and is not
 * fetched; a failed fetch is `error` with its message. One failure never blocks the other types. A type with a
 * scope is read in that part only (a busy cluster has thousands of pods and events that are not ours); the store
 * may still hold more of it, so callers select what they need from what they get.
 */
export function useClusterObjects<T extends string>(store: Store<unknown>, types: readonly T[], scopes: Partial<Record<T, ListScope>> = {}): ClusterObjects<T> {
  const { cluster } = shellPage(store);
  const state = reactive(Object.fromEntries(types.map((type) => [type, { availability: 'loading' }]))) as Record<T, TypeState>;

  async function load(type: T): Promise<void> {
    if (!cluster.schemaFor(type)) {
      state[type].availability = 'forbidden';

      return;
    }
    state[type].availability = 'loading';
    delete state[type].error;
    try {
      const scope = scopes[type];

      await (scope ? cluster.findScoped(type, scope) : cluster.findAll(type));
      state[type].availability = 'ready';
    } catch (err) {
      state[type].availability = (err as { _status?: number })?._status === 403 ? 'forbidden' : 'error';
      state[type].error = (err as { message?: string })?.message || String(err);
    }
  }

  const ready = Promise.all(types.map(load)).then(() => undefined);

  const objects = computed(() => Object.fromEntries(types.map((type) => [
    type,
    state[type].availability === 'ready' ? cluster.all(type) : [],
  ])) as Record<T, unknown[]>);

  const plainList = <O extends object>(type: T) => computed(() => {
    if (state[type].availability !== 'ready') {
      return undefined;
    }
    // The dependency on changes inside objects: every shell mutation that updates an object in place (a page read
    // again, a websocket change, a save) raises the type's generation; the list tells of objects added or removed.
    // Tracking each object's keys instead would have the shell's update of 1,000 pods notify us 20,000 times.
    cluster.generation(type);

    return cluster.all<O>(type).map((item) => toRaw(item));
  });

  return {
    objects, plainList, state, ready, retry: load
  };
}
