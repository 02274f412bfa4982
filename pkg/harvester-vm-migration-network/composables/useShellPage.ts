import { computed, ComputedRef } from 'vue';
import { Store, useStore } from 'vuex';
import { RequestFn } from '../api/request';
import {
  HARVESTER_PRODUCT, nodeRoute, OurLocation, ourRoute, overviewRoute, ROUTE, settingYamlRoute, ShellLocation
} from '../config/navigation';
import { SETTING_ID } from '../core';
import { useT } from './useT';
import { FilterArgs, PaginationParamFilter } from '@shell/types/store/pagination.types';

/** Rancher's clusters, in the management store. */
export const MANAGEMENT_CLUSTER = 'management.cattle.io.cluster';

export type Translate = (key: string, args?: Record<string, unknown>) => string;

/**
 * Typed reads of one of the shell's Steve stores (`cluster`: the current cluster; `management`: Rancher's own
 * objects). The shell's getters are untyped; the type argument says what the caller expects the objects to be.
 */
export interface StoreReads {
  byId<T = unknown>(type: string, id: string): T | undefined;
  all<T = unknown>(type: string): T[];
  /** The store's count of changes to the type's objects (undefined before it holds any). */
  generation(type: string): number | undefined;
  /** The type's schema; Steve leaves out the schemas of types the user may not list. */
  schemaFor(type: string): unknown;
  /** Loads the type and keeps it live over the Steve websocket. */
  findAll(type: string): Promise<unknown>;
  /** Loads the objects of the type that the scope selects (the server filters them) and keeps them live. */
  findScoped(type: string, scope: ListScope): Promise<unknown>;
}

/**
 * A part of a type worth reading on a busy cluster: one namespace, and either labels or fields that must equal the
 * given values. Fields must be ones Steve's SQL cache indexes (Rancher 2.12 to 2.15 answer 422 for any other).
 */
export interface ListScope {
  /** One namespace; every namespace when absent. */
  namespace?: string;
  labels?: Record<string, string>;
  fields?: Record<string, string>;
  /** Parts of each object the page never reads, left out by Steve (`exclude=`; it never touches links). */
  exclude?: string[];
}

/** Our pages of the current cluster (`config/navigation.ts`); read them in a render or a computed to follow the cluster. */
export interface OurRoutes {
  overview: () => OurLocation;
  settings: () => OurLocation;
  settingEdit: (id?: string) => OurLocation;
  health: () => OurLocation;
  /** The shell's YAML editor of a setting. */
  settingYaml: (id?: string) => ShellLocation;
  /** A node's page: Harvester's Host page where Harvester's UI is installed, else the explorer's node page. */
  node: (name: string) => ShellLocation;
}

export interface ShellPage {
  /** The shell's store, for the composables that take one. */
  store: Store<unknown>;
  t: Translate;
  /** The cluster in the URL (the shell's `clusterId` getter). */
  clusterId: ComputedRef<string>;
  routes: OurRoutes;
  /** The `cluster` store's request: Rancher's proxy to the current cluster (rejects with `_status`). */
  request: RequestFn;
  /** The `management` store's request: Rancher's own API, which reaches every cluster. */
  managementRequest: RequestFn;
  cluster: StoreReads;
  management: StoreReads;
  /** A cluster's display name (what Rancher shows), or its id. */
  clusterName: (id: string) => string;
  /** A product (e.g. Harvester's, from its UI extension) is registered in the shell. */
  productRegistered: (name: string) => boolean;
}

interface ManagementClusterName { spec?: { displayName?: string } }

function reads(store: Store<unknown>, prefix: 'cluster' | 'management'): StoreReads {
  return {
    byId:       <T>(type: string, id: string) => store.getters[`${ prefix }/byId`](type, id) as T | undefined,
    all:        <T>(type: string) => store.getters[`${ prefix }/all`](type) as T[],
    generation: (type) => store.getters[`${ prefix }/generation`]?.(type),
    schemaFor:  (type) => store.getters[`${ prefix }/schemaFor`](type),
    findAll:    (type) => store.dispatch(`${ prefix }/findAll`, { type }),
    // The shell's paged read, which every supported shell has: each label and field becomes one `filter=` term
    // (Steve ANDs them), answered from the SQL cache by Rancher 2.12 to 2.15; the watch then tells of changes.
    findScoped: (type, {
      namespace, labels = {}, fields = {}, exclude = []
    }) => store.dispatch(`${ prefix }/findPage`, {
      type,
      opt: {
        namespaced:    namespace,
        excludeFields: [...new Set(['metadata.managedFields', ...exclude])],
        pagination:    new FilterArgs({
          filters: Object.entries({ ...Object.fromEntries(Object.entries(labels).map(([key, value]) => [`metadata.labels[${ key }]`, value])), ...fields })
            .map(([field, value]) => PaginationParamFilter.createSingleField({
              field, value, exact: true
            })),
        }),
      },
    }),
  };
}

/**
 * The one place our code talks to the shell's store by name: translations, the current cluster, our routes,
 * requests and typed reads. Pages and components call `useShellPage()`; composables that are also driven by tests
 * take a store and call `shellPage(store)`.
 */
export function shellPage(store: Store<unknown>): ShellPage {
  const { t } = useT(store);
  const clusterId = computed(() => String(store.getters.clusterId ?? ''));
  const management = reads(store, 'management');
  const productRegistered = (name: string) => !!store.getters['type-map/isProductRegistered'](name);

  return {
    store,
    t,
    clusterId,
    routes: {
      overview:    overviewRoute,
      settings:    () => ourRoute(ROUTE.SETTINGS, clusterId.value),
      settingEdit: (id = SETTING_ID) => ourRoute(ROUTE.SETTING_EDIT, clusterId.value, { id }),
      health:      () => ourRoute(ROUTE.HEALTH, clusterId.value),
      settingYaml: (id = SETTING_ID) => settingYamlRoute(clusterId.value, id),
      node:        (name) => nodeRoute(clusterId.value, name, productRegistered(HARVESTER_PRODUCT)),
    },
    request:           (options) => store.dispatch('cluster/request', options),
    managementRequest: (options) => store.dispatch('management/request', options),
    cluster:           reads(store, 'cluster'),
    management,
    clusterName:       (id) => management.byId<ManagementClusterName>(MANAGEMENT_CLUSTER, id)?.spec?.displayName || id,
    productRegistered,
  };
}

/** `shellPage` of the store of the component being set up. */
export function useShellPage(): ShellPage {
  return shellPage(useStore());
}
