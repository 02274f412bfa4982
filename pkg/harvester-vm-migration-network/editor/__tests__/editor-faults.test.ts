import {
  afterEach, describe, expect, it, vi
} from 'vitest';
import { EffectScope, toRaw } from 'vue';
import { WRITE_TIMEOUT_MS } from '../../api/setting-client';
import { VALUE } from '../../core/__tests__/k8s-factories';
import { openEditor } from './fake-cluster';

// Faults while editing, through the composable on a fake cluster: a dry run or a save that fails or never answers.
let scopes: EffectScope[] = [];

afterEach(() => {
  scopes.forEach((s) => s.stop());
  scopes = [];
  vi.useRealTimers();
});

type Opened = Awaited<ReturnType<typeof openEditor>>;
/** Sets up what goes wrong with the next request. */
type Fault = (o: Opened) => void;

/** The editor with the docs example typed in; fake timers from here on (the lists were read on real ones). */
async function opened(timeoutMs?: number): Promise<Opened> {
  const o = await openEditor('', true, timeoutMs === undefined ? {} : { timeoutMs });

  scopes.push(o.scope);
  o.editor.form.value = {
    enabled: true, clusterNetwork: 'vm-migration', vlan: '100', range: '192.168.1.0/24', exclude: ['192.168.1.1/32']
  };
  vi.useFakeTimers();

  return o;
}

/** Runs a review or a save to its end, letting the write timeout pass if nothing answers. */
async function settle(work: Promise<void>) {
  await vi.advanceTimersByTimeAsync(WRITE_TIMEOUT_MS);
  await work;
}

/** Reviewed and confirmed: the next action is the save. */
async function reviewed(o: Opened) {
  await settle(o.editor.review());
  o.editor.confirmed.value = true;
  expect(o.editor.view.value.canSave).toBe(true);
}

const shown = (o: Opened, testid: string) => o.editor.view.value.notices.find((n) => n.testid === testid);

describe('a dry run that fails or never answers', () => {
  it.each<[string, Fault, string, Record<string, string | number>]>([
    ['a 503', (o) => o.answers.push({ _status: 503, message: 'cluster agent disconnected' }), 'vmMigrationNetwork.save.dryRunFailed', { status: 503, message: 'cluster agent disconnected' }],
    ['a 500', (o) => o.answers.push({ _status: 500, message: 'etcdserver: request timed out' }), 'vmMigrationNetwork.save.dryRunFailed', { status: 500, message: 'etcdserver: request timed out' }],
    ['a network error', (o) => o.answers.push({ message: 'Network Error' }), 'vmMigrationNetwork.save.dryRunUnreachable', { message: 'Network Error' }],
    ['no answer within 30 s', (o) => o.hold(), 'vmMigrationNetwork.save.dryRunTimedOut', { seconds: 30 }],
  ])('%s: shown, nothing written, the form kept, Review retries', async(_name, fault, key, args) => {
    const o = await opened();
    const typed = structuredClone(toRaw(o.editor.form.value));

    fault(o);
    await settle(o.editor.review());

    expect(o.editor.view.value.step).toBe('edit');
    expect(o.notices()).toStrictEqual(['vmmn-dryrun-failed']);
    expect(shown(o, 'vmmn-dryrun-failed')).toMatchObject({
      color: 'error', key, args
    });
    expect(o.setting.value).toBe('');
    expect(o.setting.metadata.resourceVersion).toBe('1');
    expect(o.editor.form.value).toStrictEqual(typed);
    expect(o.editor.view.value.canReview).toBe(true);

    await settle(o.editor.review());
    expect(o.editor.view.value.step).toBe('review');
    expect(o.notices()).toStrictEqual([]);
    expect(o.requests.map((r) => r.url.endsWith('?dryRun=All'))).toStrictEqual([true, true]);
  });

  it('waits exactly the injected time, saying "Checking…" and refusing a second review meanwhile', async() => {
    const o = await opened(5_000);

    o.hold();
    const review = o.editor.review();

    await vi.advanceTimersByTimeAsync(4_999);
    expect(o.editor.view.value.reviewLabelKey).toBe('vmMigrationNetwork.save.checking');
    expect(o.editor.view.value.canReview).toBe(false);
    await o.editor.review();
    expect(o.requests).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    await review;
    expect(shown(o, 'vmmn-dryrun-failed')).toMatchObject({ key: 'vmMigrationNetwork.save.dryRunTimedOut', args: { seconds: 5 } });
    expect(o.editor.view.value.reviewLabelKey).toBe('vmMigrationNetwork.save.review');
  });

  it('ignores the answer that comes after the timeout', async() => {
    const o = await opened();
    const held = o.hold();

    await settle(o.editor.review());
    const before = structuredClone(o.editor.view.value);

    held.release();
    await vi.runAllTimersAsync();
    expect(o.editor.view.value).toStrictEqual(before);
    expect(o.editor.view.value.step).toBe('edit');
  });
});

describe('a save that fails or never answers', () => {
  it('a 503 keeps the review and writes nothing; the retry saves', async() => {
    const o = await opened();

    await reviewed(o);
    o.answers.push({ _status: 503, message: 'HTTP 503' });
    await settle(o.editor.save());
    expect(o.notices()).toStrictEqual(['vmmn-save-failed']);
    expect(o.setting.value).toBe('');
    await settle(o.editor.save());
    expect(o.editor.view.value.step).toBe('saved');
  });

  it('no answer within 30 s: may have been written, says so, offers reload and retry', async() => {
    const o = await opened();

    await reviewed(o);
    o.hold();
    const save = o.editor.save();

    await vi.advanceTimersByTimeAsync(1);
    expect(o.editor.view.value.saveLabelKey).toBe('vmMigrationNetwork.save.saving');
    await settle(save);

    expect(o.editor.view.value.step).toBe('review');
    expect(o.notices()).toStrictEqual(['vmmn-save-timeout']);
    expect(shown(o, 'vmmn-save-timeout')).toMatchObject({
      color: 'warning', key: 'vmMigrationNetwork.save.timedOut', args: { seconds: 30 }
    });
    expect(o.editor.view.value.canSave).toBe(true);
    expect(o.editor.view.value.saveLabelKey).toBe('vmMigrationNetwork.save.retry');
    expect(o.editor.form.value.vlan).toBe('100');

    // It never landed: the retry writes it.
    await settle(o.editor.save());
    expect(o.editor.view.value.step).toBe('saved');
    expect(o.setting.value).toBe(VALUE);
  });

  /** A save that timed out and then landed after all (its answer comes too late to count). */
  async function landedLate() {
    const o = await opened();

    await reviewed(o);
    const held = o.hold();

    await settle(o.editor.save());
    const before = structuredClone(o.editor.view.value.notices);

    held.release();
    await vi.runAllTimersAsync();
    expect(o.setting.value).toBe(VALUE);
    expect(o.editor.view.value.step).toBe('review');
    // The late answer changes nothing; the live object did move, which the page says.
    expect(o.editor.view.value.notices).toStrictEqual([expect.objectContaining({ testid: 'vmmn-changed-elsewhere' }), ...before]);

    return o;
  }

  it('landed late, then reload: the form shows the live setting, nothing left to save', async() => {
    const o = await landedLate();

    o.editor.reload();
    expect(o.editor.form.value.vlan).toBe('100');
    expect(o.notices()).toStrictEqual(['vmmn-unchanged']);
    expect(o.editor.view.value.canReview).toBe(false);
  });

  it('landed late, then retry: a conflict, never a second write over it', async() => {
    const o = await landedLate();
    const version = o.setting.metadata.resourceVersion;

    await settle(o.editor.save());
    expect(o.notices()).toStrictEqual(['vmmn-changed-elsewhere', 'vmmn-conflict']);
    expect(o.setting.metadata.resourceVersion).toBe(version);
  });

  it('ignores a late answer after a reload: the reloaded form keeps its base', async() => {
    const o = await opened();

    await reviewed(o);
    const held = o.hold();

    await settle(o.editor.save());
    o.editor.reload();
    const before = structuredClone(o.editor.view.value);

    held.release();
    await vi.runAllTimersAsync();
    expect(o.editor.view.value.step).toBe('edit');
    expect(o.editor.view.value.preview.previous).toBe(before.preview.previous);
  });
});
