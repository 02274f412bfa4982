import { afterEach, describe, expect, it } from 'vitest';
import { EffectScope, nextTick } from 'vue';
import { VALUE } from '../../core/__tests__/k8s-factories';
import { openEditor } from './fake-cluster';

let scopes: EffectScope[] = [];

afterEach(() => {
  scopes.forEach((s) => s.stop());
  scopes = [];
});

/** The editor on a fake cluster, once the lists are read. */
async function open(value = '', canUpdate = true) {
  const opened = await openEditor(value, canUpdate);

  scopes.push(opened.scope);

  return opened;
}

function fillDocsExample(editor: Awaited<ReturnType<typeof open>>['editor']) {
  editor.form.value = {
    enabled: true, clusterNetwork: 'vm-migration', vlan: '100', range: '192.168.1.0/24', exclude: ['192.168.1.1/32']
  };
}

describe('the editor: review and save', () => {
  it('reviews with a dry run, then saves the canonical value', async() => {
    const {
      editor, requests, setting, notices
    } = await open();

    expect(editor.view.value.canReview).toBe(false);
    fillDocsExample(editor);
    expect(editor.view.value.canReview).toBe(true);

    await editor.review();
    expect(requests.map((r) => r.url)).toStrictEqual(['/k8s/clusters/c-harv1/apis/harvesterhci.io/v1beta1/settings/vm-migration-network?dryRun=All']);
    expect(editor.view.value.step).toBe('review');
    expect(editor.view.value.preview.value).toBe(VALUE);
    expect(editor.view.value.canSave).toBe(false);

    editor.confirmed.value = true;
    expect(editor.view.value.canSave).toBe(true);
    await editor.save();
    expect(setting.value).toBe(VALUE);
    expect(editor.view.value.step).toBe('saved');
    expect(notices()).toStrictEqual(['vmmn-saved']);
    // The saved object is the new base: nothing is left to save.
    expect(editor.view.value.canReview).toBe(false);
  });

  it('keeps the form and offers a retry when the save fails', async() => {
    const { editor, answers, notices } = await open();

    fillDocsExample(editor);
    await editor.review();
    editor.confirmed.value = true;
    answers.push({ _status: 503, message: 'HTTP 503' });
    await editor.save();
    expect(editor.view.value.step).toBe('review');
    expect(notices()).toStrictEqual(['vmmn-save-failed']);
    expect(editor.view.value.saveLabelKey).toBe('vmMigrationNetwork.save.retry');
    await editor.save();
    expect(editor.view.value.step).toBe('saved');
  });

  it('keeps a webhook denial on the form and writes nothing', async() => {
    const {
      editor, answers, requests, notices
    } = await open();

    fillDocsExample(editor);
    answers.push({ _status: 422, message: 'admission webhook "validator.harvesterhci.io" denied the request: no' });
    await editor.review();
    expect(editor.view.value.step).toBe('edit');
    expect(notices()).toStrictEqual(['vmmn-dry-run-denied']);
    expect(requests).toHaveLength(1);
  });

  it('is read-only without the update link', async() => {
    const { editor, notices } = await open(VALUE, false);

    expect(editor.view.value.canEdit).toBe(false);
    expect(notices()).toStrictEqual(['vmmn-read-only']);
  });
});

describe('the editor: our own write is ours', () => {
  it('never calls the websocket\'s copy of its own save someone else\'s change, before or after the answer', async() => {
    const {
      editor, holdAnswer, setting, notices
    } = await open();

    fillDocsExample(editor);
    await editor.review();
    editor.confirmed.value = true;
    const answer = holdAnswer();
    const saving = editor.save();

    // The write has landed and the store shows it; its answer has not come yet.
    await new Promise((resolve) => setTimeout(resolve));
    expect(setting.value).toBe(VALUE);
    expect(editor.view.value.step).toBe('saving');
    expect(notices()).toStrictEqual([]);
    answer.release();
    await saving;
    expect(notices()).toStrictEqual(['vmmn-saved']);
  });

  it('nor the object it saved over, still in the store when the save\'s answer comes before its websocket copy', async() => {
    const {
      editor, holdEcho, setting, notices, writeElsewhere
    } = await open();

    fillDocsExample(editor);
    await editor.review();
    editor.confirmed.value = true;
    const echo = holdEcho();

    await editor.save();
    expect(setting.value).toBe('');
    expect(notices()).toStrictEqual(['vmmn-saved']);
    echo.release();
    await new Promise((resolve) => setTimeout(resolve));
    expect(setting.value).toBe(VALUE);
    expect(notices()).toStrictEqual(['vmmn-saved']);
    // A real change by someone else after ours is theirs.
    writeElsewhere('{"clusterNetwork":"vm-migration","vlan":200,"range":"192.168.2.0/24","exclude":[]}');
    await nextTick();
    expect(notices()).toStrictEqual(['vmmn-changed-elsewhere', 'vmmn-saved']);
  });

  it('still shows a change by another client that lands while the save is out', async() => {
    const {
      editor, hold, writeElsewhere, notices
    } = await open();
    const theirs = '{"clusterNetwork":"vm-migration","vlan":200,"range":"192.168.2.0/24","exclude":[]}';

    fillDocsExample(editor);
    await editor.review();
    editor.confirmed.value = true;
    const gate = hold();
    const saving = editor.save();

    writeElsewhere(theirs);
    await nextTick();
    expect(notices()).toStrictEqual(['vmmn-changed-elsewhere']);
    gate.release();
    await saving;
    expect(notices()).toStrictEqual(['vmmn-changed-elsewhere', 'vmmn-conflict']);
  });
});

describe('the editor: someone else changed the setting', () => {
  it('shows the change, refuses to overwrite it, and reloads on request', async() => {
    const {
      editor, writeElsewhere, setting, notices
    } = await open();
    const theirs = '{"clusterNetwork":"vm-migration","vlan":200,"range":"192.168.2.0/24","exclude":[]}';

    fillDocsExample(editor);
    writeElsewhere(theirs);
    await nextTick();
    expect(notices()).toStrictEqual(['vmmn-changed-elsewhere']);

    await editor.review();
    expect(notices()).toStrictEqual(['vmmn-changed-elsewhere', 'vmmn-conflict']);
    expect(editor.view.value.step).toBe('edit');
    expect(setting.value).toBe(theirs);

    editor.reload();
    expect(editor.form.value.vlan).toBe('200');
    expect(notices()).toStrictEqual(['vmmn-unchanged']);
  });

  it('reapplies the form over the server object after a conflict', async() => {
    const {
      editor, writeElsewhere, setting, notices
    } = await open();

    fillDocsExample(editor);
    writeElsewhere('{"clusterNetwork":"mgmt","vlan":1,"range":"10.0.0.0/24","exclude":[]}');
    await editor.review();
    expect(editor.view.value.step).toBe('edit');
    expect(notices()).toContain('vmmn-conflict');

    editor.reapply();
    // Their value is now the base the review compares with: no longer "changed elsewhere".
    expect(notices()).toStrictEqual([]);
    expect(editor.view.value.preview.previous).toContain('mgmt');
    expect(editor.form.value.vlan).toBe('100');
    await editor.review();
    editor.confirmed.value = true;
    await editor.save();
    expect(setting.value).toBe(VALUE);
  });
});

describe('the editor: the controller writes the setting', () => {
  it('is no conflict when only the resourceVersion moved (same value)', async() => {
    const { editor, writeElsewhere, setting } = await open();

    fillDocsExample(editor);
    writeElsewhere('');
    await editor.review();
    expect(editor.view.value.step).toBe('review');
    editor.confirmed.value = true;
    await editor.save();
    expect(setting.value).toBe(VALUE);
  });
});

describe('the editor: "nothing changed" only when honest', () => {
  it('says so for the stored value, disabled or enabled', async() => {
    for (const stored of ['', VALUE]) {
      const { editor, notices } = await open(stored);

      expect(notices(), stored).toStrictEqual(['vmmn-unchanged']);
      expect(editor.view.value.canReview).toBe(false);
    }
  });

  it('never for Enabled with empty fields, which cannot be written: Review then shows every problem and sends nothing', async() => {
    const { editor, notices, requests } = await open();

    editor.form.value = { ...editor.form.value, enabled: true };
    expect(editor.view.value.check.hasErrors).toBe(true);
    expect(notices()).toStrictEqual([]);
    expect(editor.view.value.revealAll).toBe(false);
    expect(editor.view.value.canReview).toBe(true);
    await editor.review();
    expect(requests).toStrictEqual([]);
    expect(editor.view.value.step).toBe('edit');
    expect(editor.view.value.revealAll).toBe(true);
    const summary = editor.view.value.notices.find((n) => n.testid === 'vmmn-error-summary');

    expect(summary?.args).toStrictEqual({ count: editor.view.value.check.problems.filter((p) => p.severity === 'error').length });
    expect(summary?.args.count).toBeGreaterThanOrEqual(3);
  });

  it('never while some field has an error', async() => {
    const { editor, notices } = await open(VALUE);

    editor.form.value = { ...editor.form.value, vlan: '5000' };
    expect(notices()).toStrictEqual([]);
  });

  it('again once the form is back to the stored value', async() => {
    const { editor, notices } = await open();

    fillDocsExample(editor);
    expect(notices()).toStrictEqual([]);
    editor.form.value = { ...editor.form.value, enabled: false };
    expect(notices()).toStrictEqual(['vmmn-unchanged']);
  });
});
