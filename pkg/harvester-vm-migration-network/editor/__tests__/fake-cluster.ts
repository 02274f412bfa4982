import { effectScope, reactive } from 'vue';
import { createStore, Store } from 'vuex';
import { SettingObject, WriteOptions } from '../../api/setting-client';
import { useMigrationNetworkEditor } from '../../composables/useMigrationNetworkEditor';
import { SETTING_ID, STEVE_TYPES } from '../../core';
import { createClusterNetwork, createNode, createVlanConfig, createVlanStatus } from '../../core/__tests__/k8s-factories';

interface Request { url: string; method: string; data?: { value?: string; metadata?: { resourceVersion?: string } } }

/**
 * A Harvester cluster behind a stub shell store, enough to drive the editor's composable: two nodes with the
 * cluster network `vm-migration` ready, and the setting, whose Steve PUT and dry run check the resourceVersion
 * like the API server (409 on an older one). `answers` replaces the server's answer to the next requests (a status
 * and message, or without a status a network error); `hold()` keeps the next request unanswered until released.
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
  const answers: { _status?: number; message: string }[] = [];
  // The shell's request rejects with the status and the server's message.
  const failure = (answer: { _status?: number; message: string }) => Object.assign(new Error(answer.message), answer);
  const gates: Promise<void>[] = [];
  /** Writes whose answer is held after they land (see `holdAnswer`). */
  const answerGates: Promise<void>[] = [];
  /** Writes whose websocket copy is held (see `holdEcho`). */
  const echoGates: Promise<void>[] = [];

  /**
   * The next request gets no answer (a cluster agent that stopped answering) until `release()`, which answers it
   * as the server would then: a held save that is released writes, as a write that landed after all.
   */
  function hold(): { release: () => void } {
    let release = () => {};

    gates.push(new Promise<void>((resolve) => {
      release = resolve;
    }));

    return { release: () => release() };
  }

  /**
   * The next write lands at once, and the store sees it at once (the websocket's copy of the write), while its answer
   * is held until `release()`: Rancher's proxy often delivers the watch event before the PUT's own answer.
   */
  function holdAnswer(): { release: () => void } {
    let release = () => {};

    answerGates.push(new Promise<void>((resolve) => {
      release = resolve;
    }));

    return { release: () => release() };
  }

  /**
   * The next write is answered at once, while the store sees it only on `release()`: the write's answer arrives
   * before its websocket copy.
   */
  function holdEcho(): { release: () => void } {
    let release = () => {};

    echoGates.push(new Promise<void>((resolve) => {
      release = resolve;
    }));

    return { release: () => release() };
  }

  /** Someone else writes the setting: a new value and resourceVersion, pushed into the store like a watch event. */
  function writeElsewhere(next: string) {
    setting.value = next;
    setting.metadata.resourceVersion = String(Number(setting.metadata.resourceVersion) + 1);
  }

  async function request(req: Request): Promise<unknown> {
    requests.push(req);
    const gate = gates.shift();

    if (gate) {
      await gate;
    }
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
    const echoGate = echoGates.shift();

    if (echoGate) {
      const written = JSON.parse(JSON.stringify({ ...setting, value: req.data?.value ?? '' }));

      written.metadata.resourceVersion = String(Number(setting.metadata.resourceVersion) + 1);
      echoGate.then(() => writeElsewhere(written.value));

      return written;
    }
    writeElsewhere(req.data?.value ?? '');
    const answered = JSON.parse(JSON.stringify(setting));
    const answerGate = answerGates.shift();

    if (answerGate) {
      await answerGate;
    }

    return answered;
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
    store, objects, request, setting, requests, answers, hold, holdAnswer, holdEcho, writeElsewhere
  };
}

/** The editor's composable on a fake cluster, once the lists are read; stop `scope` after the test. */
export async function openEditor(value = '', canUpdate = true, writeOptions: WriteOptions = {}) {
  const cluster = fakeCluster(value, canUpdate);
  const scope = effectScope();
  const editor = scope.run(() => useMigrationNetworkEditor(cluster.store, writeOptions));

  if (!editor) {
    throw new Error('no editor');
  }
  await new Promise((resolve) => setTimeout(resolve));

  const notices = () => editor.view.value.notices.map((n) => n.testid);

  return {
    ...cluster, editor, notices, scope
  };
}
