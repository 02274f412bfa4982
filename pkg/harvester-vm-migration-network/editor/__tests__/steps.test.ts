import { describe, expect, it } from 'vitest';
import { WriteOutcome } from '../../api/setting-client';
import {
  canReview, canSave, EditorEvent, EditorState, initialState, saveLabelKey, showsForm, transition
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

const at = (step: EditorState['step'], more: Partial<EditorState> = {}): EditorState => ({
  ...initialState(), step, ...more
});

describe('transition', () => {
  const cases: [string, EditorState, EditorEvent, EditorState][] = [
    ['a dry run that passes opens the review, unconfirmed', at('edit', { confirmed: true }), { type: 'dryRun', result: ok }, at('review', { dryRun: ok })],
    ['a server without dry run still opens the review', at('edit'), { type: 'dryRun', result: unsupported }, at('review', { dryRun: unsupported })],
    ['a dry run denial stays on the form', at('edit'), { type: 'dryRun', result: denied }, at('edit', { dryRun: denied })],
    ['a failed dry run stays on the form', at('edit'), { type: 'dryRun', result: failed }, at('edit', { dryRun: failed })],
    ['a dry run conflict stays on the form and asks the user', at('edit'), { type: 'dryRun', result: conflict }, at('edit', { dryRun: conflict, outcome: conflict })],
    ['a review from the saved step', at('saved', { outcome: ok }), { type: 'dryRun', result: ok }, at('review', { dryRun: ok, outcome: ok })],
    ['ticking the box', at('review'), { type: 'confirm', confirmed: true }, at('review', { confirmed: true })],
    ['back to the form', at('review', { confirmed: true }), { type: 'back' }, at('edit', { confirmed: true })],
    ['saving', at('review', { confirmed: true }), { type: 'saveStarted' }, at('saving', { confirmed: true })],
    ['a save that passes', at('saving', { confirmed: true }), { type: 'saveDone', result: ok }, at('saved', { confirmed: true, outcome: ok })],
    ['a denied save goes back to the form', at('saving', { confirmed: true }), { type: 'saveDone', result: denied }, at('edit', { confirmed: true, outcome: denied })],
    ['a failed save stays on the review to retry', at('saving', { confirmed: true }), { type: 'saveDone', result: failed }, at('review', { confirmed: true, outcome: failed })],
    ['a forbidden save stays on the review', at('saving'), { type: 'saveDone', result: forbidden }, at('review', { outcome: forbidden })],
    ['a conflicting save stays on the review', at('saving'), { type: 'saveDone', result: conflict }, at('review', { outcome: conflict })],
    ['reapply after a conflict: back to the form, conflict gone', at('review', { outcome: conflict, dryRun: ok }), { type: 'reapply' }, at('edit', { dryRun: ok })],
    ['reload starts over', at('review', {
      outcome: conflict, dryRun: ok, confirmed: true
    }), { type: 'load' }, initialState()],
  ];

  it.each(cases)('%s', (_name, from, event, to) => {
    expect(transition(from, event)).toStrictEqual(to);
  });

  it('never changes the state it is given', () => {
    const from = at('review', { confirmed: true });

    transition(from, { type: 'saveDone', result: failed });
    expect(from).toStrictEqual(at('review', { confirmed: true }));
  });
});

describe('guards and labels', () => {
  const facts = {
    hasErrors: false, changes: true, loaded: true
  };

  it.each([
    ['edit, valid and changed', at('edit'), facts, true],
    ['saved, then changed again', at('saved'), facts, true],
    ['with errors', at('edit'), { ...facts, hasErrors: true }, false],
    ['nothing changed', at('edit'), { ...facts, changes: false }, false],
    ['not loaded', at('edit'), { ...facts, loaded: false }, false],
    ['already reviewing', at('review'), facts, false],
    ['saving', at('saving'), facts, false],
  ])('canReview: %s', (_name, state, f, expected) => {
    expect(canReview(state, f)).toBe(expected);
  });

  it.each([
    [at('review', { confirmed: true }), true],
    [at('review'), false],
    [at('saving', { confirmed: true }), false],
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
  ])('saveLabelKey %#', (state, migrations, key) => {
    expect(saveLabelKey(state, migrations)).toBe(key);
  });
});
