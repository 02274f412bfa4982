import { describe, expect, it } from 'vitest';
import { WriteOutcome } from '../../api/setting-client';
import { problem } from '../../core';
import { editorNotices, Notice, NoticeInputs } from '../notices';
import { EditorState, initialState } from '../steps';

const base: NoticeInputs = {
  state:            initialState(),
  parseProblems:    [],
  canEdit:          true,
  skipped:          [],
  changedElsewhere: false,
  serverValue:      'theirs',
  unchanged:        false,
};
const state = (step: EditorState['step'], more: Partial<EditorState> = {}): EditorState => ({
  ...initialState(), step, ...more
});
const denied: WriteOutcome = {
  kind: 'denied', status: 422, message: 'webhook says no'
};
const failed: WriteOutcome = { kind: 'failed', message: 'HTTP 503' };
const conflict: WriteOutcome = { kind: 'conflict', message: '' };
const unsupported: WriteOutcome = {
  kind: 'unsupported', status: 404, message: ''
};
const timedOut: WriteOutcome = {
  kind: 'failed', message: 'the server did not answer within 30 s', timeoutSeconds: 30
};
const parseProblem = problem('W3_SYNTAX', { args: { error: 'Unexpected token' } });

/** Test ids of the notices, in order. */
const ids = (more: Partial<NoticeInputs>) => editorNotices({ ...base, ...more }).map((n) => n.testid);

describe('editorNotices', () => {
  it.each<[string, Partial<NoticeInputs>, string[]]>([
    ['nothing to say', {}, []],
    ['read-only', { canEdit: false }, ['vmmn-read-only']],
    ['a stored value Harvester cannot read', { parseProblems: [parseProblem] }, ['vmmn-parse-W3_SYNTAX']],
    ['checks not run', { skipped: ['nodes', 'peers'] }, ['vmmn-checks-skipped']],
    ['someone else changed it', { changedElsewhere: true }, ['vmmn-changed-elsewhere']],
    ['a dry run denial', { state: state('edit', { dryRun: denied }) }, ['vmmn-dry-run-denied']],
    ['no dry run, while reviewing', { state: state('review', { dryRun: unsupported }) }, ['vmmn-dry-run-unsupported']],
    ['no dry run, back on the form', { state: state('edit', { dryRun: unsupported }) }, []],
    ['a denied save', { state: state('edit', { outcome: denied }) }, ['vmmn-save-denied']],
    ['a failed save', { state: state('review', { outcome: failed }) }, ['vmmn-save-failed']],
    ['a forbidden save', { state: state('review', { outcome: { kind: 'forbidden', message: '' } }) }, ['vmmn-save-failed']],
    ['a conflict', { state: state('edit', { outcome: conflict }) }, ['vmmn-conflict']],
    ['a failed dry run', { state: state('edit', { dryRun: failed }) }, ['vmmn-dryrun-failed']],
    ['a dry run with no answer in time', { state: state('edit', { dryRun: timedOut }) }, ['vmmn-dryrun-failed']],
    ['a forbidden dry run', { state: state('edit', { dryRun: { kind: 'forbidden', message: 'no' } }) }, ['vmmn-dryrun-failed']],
    ['a retried dry run in flight: the last answer is gone', { state: state('edit', { pending: { write: 'dryRun', attempt: 2 }, attempts: 2 }) }, []],
    ['a save with no answer in time: may be written, not "failed"', { state: state('review', { outcome: timedOut }) }, ['vmmn-save-timeout']],
    ['a save that timed out, then the value moved', { changedElsewhere: true, state: state('review', { outcome: timedOut }) }, ['vmmn-changed-elsewhere', 'vmmn-save-timeout']],
    ['saved', { state: state('saved', { outcome: { kind: 'ok' } }) }, ['vmmn-saved']],
    ['nothing changed', { unchanged: true }, ['vmmn-unchanged']],
    ['nothing changed, but reviewing', { unchanged: true, state: state('review') }, []],
    ['nothing changed, read-only', { unchanged: true, canEdit: false }, ['vmmn-read-only']],
    ['in page order', {
      canEdit: false, parseProblems: [parseProblem], skipped: ['nodes'], changedElsewhere: true, state: state('saved', { dryRun: denied, outcome: conflict })
    }, ['vmmn-read-only', 'vmmn-parse-W3_SYNTAX', 'vmmn-checks-skipped', 'vmmn-changed-elsewhere', 'vmmn-dry-run-denied', 'vmmn-conflict', 'vmmn-saved']],
  ])('%s', (_name, more, expected) => {
    expect(ids(more)).toStrictEqual(expected);
  });

  it('carries the texts and colours the page showed', () => {
    const notices = editorNotices({
      ...base, skipped: ['nodes', 'peers'], changedElsewhere: true, parseProblems: [parseProblem], state: state('review', { outcome: failed })
    });

    expect(notices.map(({ testid, ...rest }) => rest)).toStrictEqual([
      {
        id: 'parse-W3_SYNTAX', color: 'warning', key: parseProblem.key, args: { error: 'Unexpected token' }, place: 'top'
      },
      {
        id: 'checksSkipped', color: 'info', key: 'vmMigrationNetwork.editor.checksSkipped', args: { facts: 'nodes, peers' }, place: 'top'
      },
      {
        id: 'changedElsewhere', color: 'warning', key: 'vmMigrationNetwork.editor.changedElsewhere', args: { value: 'theirs' }, place: 'top'
      },
      {
        id: 'saveFailed', color: 'error', key: 'vmMigrationNetwork.save.failed', args: { message: 'HTTP 503' }, place: 'bottom'
      },
    ]);
  });

  // What each fault says: the status and message, or the time waited; nothing written unless a save timed out.
  it.each<[string, WriteOutcome, 'dryRun' | 'outcome', Partial<Notice>]>([
    ['a 503 dry run', {
      kind: 'failed', status: 503, message: 'cluster agent disconnected'
    }, 'dryRun', {
      color: 'error', key: 'vmMigrationNetwork.save.dryRunFailed', args: { status: 503, message: 'cluster agent disconnected' }
    }],
    ['a dry run without network', { kind: 'failed', message: 'Network Error' }, 'dryRun', {
      color: 'error', key: 'vmMigrationNetwork.save.dryRunUnreachable', args: { message: 'Network Error' }
    }],
    ['a dry run with no answer in time', timedOut, 'dryRun', {
      color: 'error', key: 'vmMigrationNetwork.save.dryRunTimedOut', args: { seconds: 30 }
    }],
    ['a forbidden dry run', { kind: 'forbidden', message: 'no' }, 'dryRun', {
      color: 'error', key: 'vmMigrationNetwork.save.dryRunFailed', args: { status: 403, message: 'no' }
    }],
    ['a save with no answer in time', timedOut, 'outcome', {
      id: 'saveTimedOut', color: 'warning', key: 'vmMigrationNetwork.save.timedOut', args: { seconds: 30 }
    }],
  ])('words %s', (_name, result, field, expected) => {
    const [n] = editorNotices({ ...base, state: state('edit', { [field]: result }) });

    expect(n).toMatchObject({ ...expected, place: 'bottom' });
  });

  it('words a conflict with the value on the server, and "nothing changed" as a muted line by the buttons', () => {
    const [c] = editorNotices({ ...base, state: state('review', { outcome: conflict }) });
    const [u] = editorNotices({ ...base, unchanged: true });

    expect(c).toMatchObject({
      color: 'error', key: 'vmMigrationNetwork.save.conflict', args: { value: 'theirs' }, place: 'bottom'
    });
    expect(u).toMatchObject({
      color: 'muted', key: 'vmMigrationNetwork.save.unchanged', place: 'actions'
    });
  });
});
