import { afterEach, describe, expect, it } from 'vitest';
import { effectScope, EffectScope, nextTick } from 'vue';
import { useMigrationNetworkEditor } from '@pkg/composables/useMigrationNetworkEditor';
import { fakeCluster } from '@pkg/editor/__tests__/fake-cluster';
import { seeded } from '../support/random';

// Two admins in the editor at once, each with the editor's own view-model, against one cluster whose Setting
// checks resourceVersions as the API server does. Which resourceVersion a save carries is the composable's choice;
// the test only types, reviews and saves, as the admins would.
let scopes: EffectScope[] = [];

afterEach(() => {
  scopes.forEach((s) => s.stop());
  scopes = [];
});

function editorOn(cluster: ReturnType<typeof fakeCluster>) {
  const scope = effectScope();
  const editor = scope.run(() => useMigrationNetworkEditor(cluster.store));

  scopes.push(scope);
  if (!editor) {
    throw new Error('no editor');
  }

  return editor;
}

type Editor = ReturnType<typeof editorOn>;

function type(editor: Editor, vlan: number) {
  editor.form.value = {
    enabled: true, clusterNetwork: 'vm-migration', vlan: String(vlan), range: `192.168.${ vlan }.0/24`, exclude: []
  };
}

async function reviewAndSave(editor: Editor) {
  await editor.review();
  editor.confirmed.value = true;
  await editor.save();
}

const notices = (editor: Editor) => editor.view.value.notices.map((n) => n.testid);

describe('two admins in the editor at once', () => {
  it('lets exactly one save through each round; the other sees the conflict, reloads the winner\'s value and wins next', async() => {
    const cluster = fakeCluster();
    const admins = [editorOn(cluster), editorOn(cluster)];
    const random = seeded(42);
    const stored: string[] = [];

    await new Promise((resolve) => setTimeout(resolve));
    for (let round = 0; round < 20; round++) {
      admins.forEach((editor, i) => type(editor, 10 + 2 * round + i));
      const order = random() < 0.5 ? [0, 1] : [1, 0];

      await Promise.all(order.map((i) => admins[i].review()));
      admins.forEach((editor) => {
        editor.confirmed.value = true;
      });
      await Promise.all(order.map((i) => admins[i].save()));
      await nextTick();

      const steps = admins.map((editor) => editor.view.value.step);
      const winner = steps.indexOf('saved');
      const loser = 1 - winner;

      expect(steps.filter((s) => s === 'saved'), `round ${ round }`).toHaveLength(1);
      expect(notices(admins[loser])).toContain('vmmn-conflict');
      // What the server holds is what the winner's form said, written in Harvester's canonical form.
      expect(JSON.parse(cluster.setting.value ?? '').vlan).toBe(Number(admins[winner].form.value.vlan));
      stored.push(cluster.setting.value ?? '');

      // The loser reloads: its form now shows the winner's value; it types its own again and saves over it.
      const mine = admins[loser].form.value.vlan;

      admins[loser].reload();
      expect(admins[loser].form.value.vlan).toBe(admins[winner].form.value.vlan);
      type(admins[loser], Number(mine));
      await reviewAndSave(admins[loser]);
      expect(admins[loser].view.value.step).toBe('saved');
      expect(notices(admins[loser])).not.toContain('vmmn-changed-elsewhere');
      stored.push(cluster.setting.value ?? '');
      // The winner of the round now sees the loser's later save as someone else's change.
      await nextTick();
      expect(notices(admins[winner])).toContain('vmmn-changed-elsewhere');
      admins[winner].reload();
    }
    // Every save landed, none was lost: 40 distinct values, in the order they were saved.
    expect(new Set(stored).size).toBe(40);
  });
});
