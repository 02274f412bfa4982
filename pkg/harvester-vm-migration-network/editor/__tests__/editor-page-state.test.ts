import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, EffectScope, reactive } from 'vue';
import { createStore, Store } from 'vuex';
import { useMigrationNetworkEditor } from '../../composables/useMigrationNetworkEditor';
import { STEVE_TYPES } from '../../core';

let scopes: EffectScope[] = [];

afterEach(() => {
  scopes.forEach((s) => s.stop());
  scopes = [];
});

interface ClusterAnswers {
  /** Steve serves the settings' schema (it leaves it out for a user who may not list them, or a cluster without them). */
  schema: boolean;
  /** What reading the settings answers, in turn: a list of settings, or a rejection as the shell's store gives it. */
  lists: ({ settings: unknown[] } | { status?: number; message: string })[];
}

/** The shell's `cluster` store as the editor uses it, answering the settings list as told. */
function clusterStore(answers: ClusterAnswers): Store<unknown> {
  const listed = reactive<Record<string, unknown[]>>({});
  const store = createStore({
    getters: {
      'i18n/t':            () => (key: string) => key,
      clusterId:           () => 'c-harv1',
      'cluster/schemaFor': () => (type: string) => (type !== STEVE_TYPES.setting || answers.schema ? { id: type } : undefined),
      'cluster/all':       () => (type: string) => listed[type] ?? [],
    },
  });

  store.dispatch = (async(action: string, payload: { type: string }) => {
    if (action !== 'cluster/findAll' || payload.type !== STEVE_TYPES.setting) {
      return [];
    }
    const answer = answers.lists.shift() ?? { settings: [] };

    if ('settings' in answer) {
      listed[payload.type] = answer.settings;

      return answer.settings;
    }
    throw Object.assign(new Error(answer.message), { _status: answer.status, message: answer.message });
  }) as Store<unknown>['dispatch'];

  return store;
}

async function open(answers: ClusterAnswers) {
  const scope = effectScope();
  const editor = scope.run(() => useMigrationNetworkEditor(clusterStore(answers)));

  scopes.push(scope);
  if (!editor) {
    throw new Error('no editor');
  }
  // Loading while the list is out; without a schema there is nothing to read, and the answer is known at once.
  expect(editor.pageState.value.kind).toBe(answers.schema ? 'loading' : 'forbidden');
  await new Promise((resolve) => setTimeout(resolve));

  return editor;
}

const SETTING = {
  id: 'vm-migration-network', type: STEVE_TYPES.setting, metadata: { name: 'vm-migration-network', resourceVersion: '1' }, value: ''
};

describe('the editor ends in a state the user can act on', () => {
  it('is ready once the setting is read', async() => {
    expect((await open({ schema: true, lists: [{ settings: [SETTING] }] })).pageState.value).toStrictEqual({ kind: 'ready' });
  });

  it('says forbidden when Steve serves no settings schema, and reads nothing', async() => {
    const answers = { schema: false, lists: [{ settings: [SETTING] }] };

    expect((await open(answers)).pageState.value).toStrictEqual({ kind: 'forbidden' });
    expect(answers.lists).toHaveLength(1);
  });

  it('says forbidden on a 403 from the list', async() => {
    expect((await open({ schema: true, lists: [{ status: 403, message: 'settings is forbidden' }] })).pageState.value).toStrictEqual({ kind: 'forbidden' });
  });

  it('says not found when the list has no vm-migration-network (not Harvester, or older than v1.6)', async() => {
    const other = {
      ...SETTING, id: 'backup-target', metadata: { name: 'backup-target' }
    };

    expect((await open({ schema: true, lists: [{ settings: [other] }] })).pageState.value).toStrictEqual({ kind: 'notFound' });
  });

  it('says failed with the server\'s message, and a retry that succeeds opens the editor', async() => {
    const editor = await open({ schema: true, lists: [{ status: 503, message: 'cluster agent is not connected' }, { settings: [SETTING] }] });

    expect(editor.pageState.value).toStrictEqual({ kind: 'failed', message: 'cluster agent is not connected' });
    const retried = editor.retry();

    expect(editor.pageState.value).toStrictEqual({ kind: 'loading' });
    await retried;
    expect(editor.pageState.value).toStrictEqual({ kind: 'ready' });
    expect(editor.form.value.enabled).toBe(false);
  });
});
