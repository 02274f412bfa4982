import { reactive } from 'vue';
import { createStore, Store } from 'vuex';
import { SettingObject } from '../../api/setting-client';
import { SETTING_ID, STEVE_TYPES } from '../../core';
import { createClusterNetwork, createNode, createVlanConfig, createVlanStatus } from '../../core/__tests__/k8s-factories';

interface Request { url: string; method: string; data?: { value?: string; metadata?: { resourceVersion?: string } } }

/**
 * A Harvester cluster behind a stub shell store, enough to drive the editor's composable: two nodes with the
 * cluster network `vm-migration` ready, and the setting, whose Steve PUT and dry run check the resourceVersion
 * like the API server (409 on an older one). `answer` replaces the server's answer to the next requests.
 */
export function fakeCluster(value = '', canUpdate = true) {
  const setting = reactive<SettingObject>({
    id:       SETTING_ID,
    type:     STEVE_TYPES.setting,
    metadata: { name: SETTING_ID, resourceVersion: '1' },
    value,
    links:    canUpdate ? { update: `/v1/${ STEVE_TYPES.setting }s/${ SETTING_ID }` } : {},
  });
  const objects: Record<string, unknown[]> = {
    [STEVE_TYPES.setting]:        [setting],
    [STEVE_TYPES.node]:           [createNode('node-1'), createNode('node-2')],
    [STEVE_TYPES.clusterNetwork]: [createClusterNetwork('vm-migration')],
    [STEVE_TYPES.vlanStatus]:     [createVlanStatus('vm-migration', 'node-1', 'True'), createVlanStatus('vm-migration', 'node-2', 'True')],
    [STEVE_TYPES.vlanConfig]:     [createVlanConfig('vm-migration', '["node-1","node-2"]')],
  };
  const requests: Request[] = [];
  const answers: { _status: number; message: string }[] = [];
  // The shell's request rejects with the status and the server's message.
  const failure = (answer: { _status: number; message: string }) => Object.assign(new Error(answer.message), answer);

  /** Someone else writes the setting: a new value and resourceVersion, pushed into the store like a watch event. */
  function writeElsewhere(next: string) {
    setting.value = next;
    setting.metadata.resourceVersion = String(Number(setting.metadata.resourceVersion) + 1);
  }

  function request(req: Request): unknown {
    requests.push(req);
    const answer = answers.shift();

    if (answer) {
      throw failure(answer);
    }
    if (req.data?.metadata?.resourceVersion !== setting.metadata.resourceVersion) {
      throw failure({ _status: 409, message: 'the object has been modified' });
    }
    if (req.url.endsWith('?dryRun=All')) {
      return {};
    }
    writeElsewhere(req.data?.value ?? '');

    return JSON.parse(JSON.stringify(setting));
  }

  const getters: Record<string, () => unknown> = {
    'i18n/t':            () => (key: string) => key,
    clusterId:           () => 'c-harv1',
    'cluster/schemaFor': () => () => ({}),
    'cluster/all':       () => (type: string) => objects[type] ?? [],
  };
  const store = createStore({ getters });

  store.dispatch = (async(action: string, payload: unknown) => (action === 'cluster/request' ? request(payload as Request) : undefined)) as Store<unknown>['dispatch'];

  return {
    store, objects, request, setting, requests, answers, writeElsewhere
  };
}
