import { describe, expect, it } from 'vitest';
import { createStore, Store } from 'vuex';
import { MANAGEMENT_CLUSTER, shellPage } from '../useShellPage';

function stubStore() {
  const calls: [string, unknown][] = [];
  const store = createStore({
    getters: {
      'i18n/t':                       () => (key: string) => `%${ key }%`,
      clusterId:                      () => 'c-harv1',
      'cluster/byId':                 () => (type: string, id: string) => ({ type, id }),
      'cluster/all':                  () => (type: string) => [{ type }],
      'cluster/schemaFor':            () => (type: string) => (type === 'pod' ? undefined : { id: type }),
      'management/byId':              () => (type: string, id: string) => (type === MANAGEMENT_CLUSTER && id === 'c-harv1' ? { spec: { displayName: 'harv1' } } : undefined),
      'management/all':               () => () => [],
      'type-map/isProductRegistered': () => (name: string) => name === 'harvester',
    },
  });

  store.dispatch = (async(action: string, payload: unknown) => {
    calls.push([action, payload]);
  }) as Store<unknown>['dispatch'];

  return { store, calls };
}

describe('shellPage', () => {
  it('gives our routes of the current cluster', () => {
    const { routes } = shellPage(stubStore().store);

    expect(routes.health()).toStrictEqual({ name: 'migration-networks-health', params: { cluster: 'c-harv1' } });
    expect(routes.settings()).toStrictEqual({ name: 'migration-networks-settings', params: { cluster: 'c-harv1' } });
    expect(routes.settingEdit()).toStrictEqual({ name: 'migration-networks-setting', params: { cluster: 'c-harv1', id: 'vm-migration-network' } });
    expect(routes.settingYaml('storage-network')).toStrictEqual({
      name:   'c-cluster-product-resource-id',
      params: {
        cluster: 'c-harv1', product: 'explorer', resource: 'harvesterhci.io.setting', id: 'storage-network'
      },
      query: { mode: 'edit', as: 'yaml' }
    });
    // Harvester's UI is installed in this store: a node opens Harvester's Host page.
    expect(routes.node('node-1')).toStrictEqual({
      name:   'harvester-c-cluster-resource-id',
      params: {
        product: 'harvester', cluster: 'c-harv1', resource: 'harvesterhci.io.host', id: 'node-1'
      }
    });
    expect(routes.overview()).toStrictEqual({ name: 'migration-networks-overview', params: { cluster: '_' } });
  });

  it('reads and requests through the right store', async() => {
    const { store, calls } = stubStore();
    const page = shellPage(store);

    expect(page.t('vmMigrationNetwork.editor.title')).toBe('%vmMigrationNetwork.editor.title%');
    expect(page.clusterId.value).toBe('c-harv1');
    expect(page.cluster.byId('node', 'n1')).toStrictEqual({ type: 'node', id: 'n1' });
    expect(page.cluster.all('node')).toStrictEqual([{ type: 'node' }]);
    expect(page.cluster.schemaFor('pod')).toBeUndefined();
    expect(page.clusterName('c-harv1')).toBe('harv1');
    expect(page.clusterName('c-other')).toBe('c-other');
    expect(page.productRegistered('harvester')).toBe(true);

    await page.request({ url: '/a', method: 'GET' });
    await page.managementRequest({ url: '/b', method: 'GET' });
    await page.cluster.findAll('node');
    expect(calls).toStrictEqual([
      ['cluster/request', { url: '/a', method: 'GET' }],
      ['management/request', { url: '/b', method: 'GET' }],
      ['cluster/findAll', { type: 'node' }],
    ]);
  });
});
