import { mount, MountingOptions } from '@vue/test-utils';
import { createStore, Store } from 'vuex';
import { Component } from 'vue';
import { translate } from './translate';

type Getters = Record<string, unknown>;

/** Getters shell components read while rendering; tests override what they care about. */
const SHELL_GETTERS: Getters = {
  // Keeps the arguments, so a wrong number or name in a message fails a test.
  'i18n/t':                                    translate,
  'i18n/exists':                               () => true,
  'i18n/withFallback':                         (key: string) => `%${ key }%`,
  'prefs/get':                                 () => undefined,
  'prefs/theme':                               'light',
  'resource-fetch/isTooManyItemsToAutoUpdate': false,
  'resource-fetch/manualRefreshIsLoading':     false,
  activeNamespaceCache:                        {},
  currentProduct:                              { name: 'explorer', inStore: 'cluster' },
  clusterId:                                   'c-harv1',
  currentCluster:                              { id: 'c-harv1', isHarvester: true },
  'type-map/optionsFor':                       () => ({}),
  'features/get':                              () => false,
  // Harvester's UI extension is not installed unless a test says so.
  'type-map/isProductRegistered':              () => false,
  // The management store: the current cluster's display name.
  'management/byId':                           (type: string, id: string) => (id === 'c-harv1' ? { id, spec: { displayName: 'harv1' } } : undefined),
  'management/all':                            () => [],
};

/**
 * A real Vuex store with stub getters and a `cluster` store whose `all`/`byId`/`schemaFor` serve the given
 * objects by type: shell components call `useStore()`, so a `$store` mock alone is not enough.
 */
export function createShellStore(objects: Record<string, unknown[]> = {}, getters: Getters = {}, dispatch: (action: string, payload: unknown) => unknown = () => undefined): Store<unknown> {
  const all = { ...SHELL_GETTERS, ...getters };
  const wrapped: Record<string, () => unknown> = {};

  for (const [name, value] of Object.entries(all)) {
    wrapped[name] = () => value;
  }
  wrapped['cluster/all'] = () => (type: string) => objects[type] ?? [];
  wrapped['cluster/byId'] = () => (type: string, id: string) => (objects[type] as { id: string }[] | undefined)?.find((o) => o.id === id);
  const store = createStore({ getters: wrapped });

  store.dispatch = ((action: string, payload: unknown) => Promise.resolve(dispatch(action, payload))) as Store<unknown>['dispatch'];

  return store;
}

const noop = {
  mounted() {}, updated() {}, beforeUnmount() {}
};

/** Mounts a component the way the shell would: store plugin, shell directives as no-ops, `t` returning `%key%`. */
const LINK_STUB = { props: ['to'], template: '<a :data-to="JSON.stringify(to)"><slot /></a>' };

export function mountWithShell(component: Component, store: Store<unknown>, options: MountingOptions<Record<string, unknown>> = {}) {
  return mount(component, {
    ...options,
    global: {
      plugins:    [store],
      directives: {
        'clean-tooltip': noop, 'clean-html': noop, 'stripped-aria-label': noop, 'trim-whitespace': noop, shortkey: noop, tooltip: noop
      },
      mocks: { t: translate },
      // A link keeps where it goes (the router's location, as JSON), so a test can check the route and its query.
      stubs: {
        t: true, 'router-link': LINK_STUB, RouterLink: LINK_STUB
      },
      ...options.global,
    },
  });
}
