import { describe, expect, it } from 'vitest';
import { WriteOutcome } from '../../api/setting-client';
import {
  awaits, canReview, canSave, EditorEvent, EditorState, initialState, reviewLabelKey, saveLabelKey, showsForm, transition
} from '../steps';

const ok: WriteOutcome = { kind: 'ok' };
const denied: WriteOutcome = {
  kind: 'denied', status: 422, message: 'no'
};
const conflict: WriteOutcome = { kind: 'conflict', message: '409' };
const failed: WriteOutcome = {
  kind: 'failed', status: 503, message: 'down'
};
const forbidden: WriteOutcome = { kind: 'forbidden', message: '' };
const unsupported: WriteOutcome = {
  kind: 'unsupported', status: 404, message: ''
};

const timedOut: WriteOutcome = {
  kind: 'failed', message: 'the server did not answer within 30 s', timeoutSeconds: 30
};

const at = (step: EditorState['step'], more: Partial<EditorState> = {}): EditorState => ({
  ...initialState(), step, ...more
});
/** The dry run numbered 1 is out, from the form. */
const checking = (more: Partial<EditorState> = {}) => at('edit', {
  attempts: 1, pending: { write: 'dryRun', attempt: 1 }, ...more
});
/** The save numbered 2 is out (the dry run was 1). */
const saving = (more: Partial<EditorState> = {}) => at('saving', {
  attempts: 2, pending: { write: 'save', attempt: 2 }, ...more
});
const dryRun = (result: WriteOutcome, attempt = 1): EditorEvent => ({
  type: 'dryRun', attempt, result
});
const saveDone = (result: WriteOutcome, attempt = 2): EditorEvent => ({
  type: 'saveDone', attempt, result
});

describe('transition', () => {
  const cases: [string, EditorState, EditorEvent, EditorState][] = [
    ['a review starts a numbered dry run', at('edit', { dryRun: denied }), { type: 'dryRunStarted' }, checking()],
    ['a review from the saved step keeps the save\'s answer', at('saved', { outcome: ok }), { type: 'dryRunStarted' }, at('saved', {
      outcome: ok, attempts: 1, pending: { write: 'dryRun', attempt: 1 }
    })],
    ['a dry run that passes opens the review, unconfirmed', checking({ confirmed: true }), dryRun(ok), at('review', { dryRun: ok, attempts: 1 })],
    ['a server without dry run still opens the review', checking(), dryRun(unsupported), at('review', { dryRun: unsupported, attempts: 1 })],
    ['a dry run denial stays on the form', checking(), dryRun(denied), at('edit', { dryRun: denied, attempts: 1 })],
    ['a failed dry run (5xx) stays on the form, Review again', checking(), dryRun(failed), at('edit', { dryRun: failed, attempts: 1 })],
    ['a dry run that timed out stays on the form', checking(), dryRun(timedOut), at('edit', { dryRun: timedOut, attempts: 1 })],
    ['a forbidden dry run stays on the form', checking(), dryRun(forbidden), at('edit', { dryRun: forbidden, attempts: 1 })],
    ['a dry run conflict stays on the form and asks the user', checking(), dryRun(conflict), at('edit', {
      dryRun: conflict, outcome: conflict, attempts: 1
    })],
    ['a review from the saved step', checking({ step: 'saved', outcome: ok }), dryRun(ok), at('review', {
      dryRun: ok, outcome: ok, attempts: 1
    })],
    ['a failed check from the saved step: back to editing', checking({ step: 'saved', outcome: ok }), dryRun(failed), at('edit', {
      dryRun: failed, outcome: ok, attempts: 1
    })],
    ['ticking the box', at('review'), { type: 'confirm', confirmed: true }, at('review', { confirmed: true })],
    ['back to the form', at('review', { confirmed: true }), { type: 'back' }, at('edit', { confirmed: true })],
    ['no way back while a save is out', saving(), { type: 'back' }, saving()],
    ['saving', at('review', { confirmed: true, attempts: 1 }), { type: 'saveStarted' }, saving({ confirmed: true })],
    ['a retry drops the last failure while it runs', at('review', {
      confirmed: true, attempts: 1, dryRun: ok, outcome: timedOut
    }), { type: 'saveStarted' }, saving({ confirmed: true, dryRun: ok })],
    ['a save that passes', saving({ confirmed: true }), saveDone(ok), at('saved', {
      confirmed: true, outcome: ok, attempts: 2
    })],
    ['a denied save goes back to the form', saving({ confirmed: true }), saveDone(denied), at('edit', {
      confirmed: true, outcome: denied, attempts: 2
    })],
    ['a failed save stays on the review to retry', saving({ confirmed: true }), saveDone(failed), at('review', {
      confirmed: true, outcome: failed, attempts: 2
    })],
    ['a save that timed out stays on the review, confirmed, to retry', saving({ confirmed: true }), saveDone(timedOut), at('review', {
      confirmed: true, outcome: timedOut, attempts: 2
    })],
    ['a forbidden save stays on the review', saving(), saveDone(forbidden), at('review', { outcome: forbidden, attempts: 2 })],
    ['a conflicting save stays on the review', saving(), saveDone(conflict), at('review', { outcome: conflict, attempts: 2 })],
    ['reapply after a conflict: back to the form, conflict gone', at('review', { outcome: conflict, dryRun: ok }), { type: 'reapply' }, at('edit', { dryRun: ok })],
    ['reload starts over', at('review', {
      outcome: conflict, dryRun: ok, confirmed: true
    }), { type: 'load' }, initialState()],
    ['reload keeps counting, so no old number is reused', saving({ outcome: timedOut }), { type: 'load' }, initialState(2)],
  ];

  it.each(cases)('%s', (_name, from, event, to) => {
    expect(transition(from, event)).toStrictEqual(to);
  });

  // An answer that is not the one awaited: it changes nothing at all.
  const late: [string, EditorState, EditorEvent][] = [
    ['a dry run answer after its timeout was taken', at('edit', { dryRun: timedOut, attempts: 1 }), dryRun(ok)],
    ['a dry run answer after a retry started', checking({ attempts: 2, pending: { write: 'dryRun', attempt: 2 } }), dryRun(ok, 1)],
    ['a dry run answer after a reload', initialState(1), dryRun(denied)],
    ['a save answer after its timeout was taken', at('review', {
      confirmed: true, outcome: timedOut, attempts: 2
    }), saveDone(ok)],
    ['a save answer after the retry started', saving({ attempts: 3, pending: { write: 'save', attempt: 3 } }), saveDone(failed)],
    ['a save answer after a reload', initialState(2), saveDone(ok)],
    ['a save answer while a dry run is out', checking({ attempts: 2, pending: { write: 'dryRun', attempt: 2 } }), saveDone(ok)],
    ['a dry run answer while a save is out', saving(), dryRun(ok, 2)],
  ];

  it.each(late)('ignores %s', (_name, from, event) => {
    expect(transition(from, event)).toBe(from);
  });

  it('never changes the state it is given', () => {
    const from = saving({ confirmed: true });

    transition(from, saveDone(failed));
    expect(from).toStrictEqual(saving({ confirmed: true }));
  });
});

describe('guards and labels', () => {
  const facts = { changes: true, loaded: true };

  it.each([
    ['edit, valid and changed', at('edit'), facts, true],
    ['saved, then changed again', at('saved'), facts, true],
    ['nothing changed', at('edit'), { ...facts, changes: false }, false],
    ['not loaded', at('edit'), { ...facts, loaded: false }, false],
    ['already reviewing', at('review'), facts, false],
    ['while the dry run is out', checking(), facts, false],
    ['again after a failed dry run', at('edit', { dryRun: failed, attempts: 1 }), facts, true],
    ['again after a dry run that timed out', at('edit', { dryRun: timedOut, attempts: 1 }), facts, true],
    ['saving', at('saving'), facts, false],
  ])('canReview: %s', (_name, state, f, expected) => {
    expect(canReview(state, f)).toBe(expected);
  });

  it.each([
    [at('review', { confirmed: true }), true],
    [at('review'), false],
    [at('review', {
      confirmed: true, outcome: timedOut, attempts: 2
    }), true],
    [saving({ confirmed: true }), false],
    [at('edit', { confirmed: true }), false],
  ])('canSave %#', (state, expected) => {
    expect(canSave(state)).toBe(expected);
  });

  it.each([
    ['edit', true], ['saved', true], ['review', false], ['saving', false],
  ] as const)('showsForm in %s', (step, expected) => {
    expect(showsForm(at(step))).toBe(expected);
  });

  it.each([
    [at('review'), false, 'vmMigrationNetwork.save.save'],
    [at('review'), true, 'vmMigrationNetwork.save.saveAnyway'],
    [at('review', { outcome: failed }), true, 'vmMigrationNetwork.save.retry'],
    [at('review', { outcome: timedOut }), false, 'vmMigrationNetwork.save.retry'],
    [saving(), false, 'vmMigrationNetwork.save.saving'],
  ])('saveLabelKey %#', (state, migrations, key) => {
    expect(saveLabelKey(state, migrations)).toBe(key);
  });

  it.each([
    [at('edit'), 'vmMigrationNetwork.save.review'],
    [checking(), 'vmMigrationNetwork.save.checking'],
    [at('edit', { dryRun: timedOut, attempts: 1 }), 'vmMigrationNetwork.save.review'],
  ])('reviewLabelKey %#', (state, key) => {
    expect(reviewLabelKey(state)).toBe(key);
  });

  it.each([
    [checking(), 'dryRun', 1, true],
    [checking(), 'dryRun', 0, false],
    [checking(), 'save', 1, false],
    [saving(), 'save', 2, true],
    [at('review', { attempts: 2 }), 'save', 2, false],
  ] as const)('awaits %#', (state, write, attempt, expected) => {
    expect(awaits(state, write, attempt)).toBe(expected);
  });
});
