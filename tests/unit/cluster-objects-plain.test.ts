// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { computed, effectScope, isProxy, nextTick } from 'vue';
import { createStore } from 'vuex';
import { batchChanges } from '@shell/plugins/dashboard-store/mutations';
import { useClusterObjects } from '@pkg/composables/useClusterObjects';
import { translate } from './translate';

interface Shaped { id: string; type: string; metadata: { name: string }; status: { restartCount: number } }

const pod = (name: string, restartCount: number): Shaped => ({
  id: `harvester-system/${ name }`, type: 'pod', metadata: { name }, status: { restartCount }
});

/** A model class as the shell's classify makes one: the object's fields copied onto an instance. */
class Model {
  constructor(data: object) {
    Object.assign(this, data);
  }
}

/**
 * A store holding its objects as the shell's does (per type a list, a map and a generation), changed by the shell's
 * own `batchChanges` mutation: the websocket's way to update objects in place.
 */
function shellLikeStore() {
  const store = createStore({
    state:   { types: {} as Record<string, { list: object[]; map: Map<string, object>; generation: number }> },
    getters: {
      'i18n/t':             () => translate,
      clusterId:            () => 'c-harv1',
      'cluster/schemaFor':  () => (type: string) => ({ id: type }),
      'cluster/all':        (state) => (type: string) => state.types[type]?.list ?? [],
      'cluster/generation': (state) => (type: string) => state.types[type]?.generation,
    },
    mutations: {
      batch(state, batch: Record<string, Record<string, object>>) {
        const ctx = {
          getters:     { classify: () => Model, cleanResource: (_: object, data: object) => data },
          rootGetters: { 'type-map/optionsFor': () => ({}) },
        };

        batchChanges(state, { ctx, batch });
      },
    },
  });

  store.dispatch = (() => Promise.resolve()) as typeof store.dispatch;

  return store;
}

describe('a type read as plain objects', () => {
  it('gives objects without proxies, follows the shell\'s in-place updates, and stays put when another type changes', async() => {
    const store = shellLikeStore();

    store.commit('batch', { pod: { 'harvester-system/a': pod('a', 0), 'harvester-system/b': pod('b', 0) }, node: { n1: { id: 'n1', type: 'node' } } });
    const scope = effectScope();
    const { pods, restarts, ready } = scope.run(() => {
      const objects = useClusterObjects(store, ['pod', 'node'] as const);
      const list = objects.plainList<Shaped>('pod');

      // What a page computes from the list: it must see a change made inside an object.
      return {
        pods: list, restarts: computed(() => list.value?.map((p) => p.status.restartCount)), ready: objects.ready
      };
    }) as { pods: { value: Shaped[] | undefined }; restarts: { value: number[] | undefined }; ready: Promise<void> };

    await ready;
    const first = pods.value as Shaped[];
    const objectA = first[0];

    expect(restarts.value).toEqual([0, 0]);
    expect(first.some((p) => isProxy(p) || isProxy(p.status))).toBe(false);

    // The shell replaces the object's keys in place: same object, new status.
    store.commit('batch', { pod: { 'harvester-system/a': pod('a', 3) } });
    await nextTick();
    expect(restarts.value).toEqual([3, 0]);
    expect(pods.value?.[0]).toBe(objectA);

    const before = pods.value;

    store.commit('batch', { node: { n2: { id: 'n2', type: 'node' } } });
    await nextTick();
    expect(pods.value).toBe(before);

    store.commit('batch', { pod: { 'harvester-system/b': {} } });
    await nextTick();
    expect(pods.value?.map((p) => p.metadata.name)).toEqual(['a']);
    scope.stop();
  });
});
