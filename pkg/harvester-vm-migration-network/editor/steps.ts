/**
 * The editor's step machine, whole and pure: edit → review → saving → saved, with the answers of the dry run and of
 * the save as events. The composable only performs the requests and feeds their answers in here, so every
 * transition can be read (and tested) in one place.
 */
import { WriteOutcome } from '../api/setting-client';

export type Step = 'edit' | 'review' | 'saving' | 'saved';

export interface EditorState {
  step: Step;
  /** The review's "I understand" box; every review starts unticked. */
  confirmed: boolean;
  /** The last dry run's answer: a denial is shown on the form until the next review. */
  dryRun?: WriteOutcome;
  /** The last save's answer, or the dry run's conflict (which already proves the server changed). */
  outcome?: WriteOutcome;
}

export type EditorEvent =
  /** The form was (re)loaded from the server's object: start over. */
  | { type: 'load' }
  | { type: 'dryRun'; result: WriteOutcome }
  | { type: 'confirm'; confirmed: boolean }
  /** Back from the review to the form. */
  | { type: 'back' }
  | { type: 'saveStarted' }
  | { type: 'saveDone'; result: WriteOutcome }
  /** After a conflict: the form stays and the server's resourceVersion is adopted; the user reviews again. */
  | { type: 'reapply' };

export function initialState(): EditorState {
  return { step: 'edit', confirmed: false };
}

/** What the server's answer to a dry run leads to. */
function afterDryRun(state: EditorState, result: WriteOutcome): EditorState {
  const next = { ...state, dryRun: result };

  if (result.kind === 'conflict') {
    // Nothing is written: the user chooses reload or reapply.
    return { ...next, outcome: result };
  }
  if (result.kind === 'ok' || result.kind === 'unsupported') {
    // A server that cannot dry run leaves only our own checks, which passed: the review says so.
    return {
      ...next, step: 'review', confirmed: false
    };
  }

  // A denial stays on the form; nothing moves.
  return next;
}

/** A denial goes back to the form (the value must change); a conflict or a failure stays on the review, to retry or decide. */
function afterSave(state: EditorState, result: WriteOutcome): EditorState {
  if (result.kind === 'ok') {
    return {
      ...state, step: 'saved', outcome: result
    };
  }

  return {
    ...state, step: result.kind === 'denied' ? 'edit' : 'review', outcome: result
  };
}

export function transition(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
  case 'load':
    return initialState();
  case 'dryRun':
    return afterDryRun(state, event.result);
  case 'confirm':
    return { ...state, confirmed: event.confirmed };
  case 'back':
    return { ...state, step: 'edit' };
  case 'saveStarted':
    return { ...state, step: 'saving' };
  case 'saveDone':
    return afterSave(state, event.result);
  case 'reapply': {
    // The conflict is settled by adopting the server's resourceVersion: its notice goes.
    const next: EditorState = { ...state, step: 'edit' };

    delete next.outcome;

    return next;
  }
  }
}

/** The form is shown while editing and after a save (to go on editing); the review shows the preview instead. */
export function showsForm(state: EditorState): boolean {
  return state.step === 'edit' || state.step === 'saved';
}

/** Facts about the form that decide whether a review may start. */
export interface ReviewFacts {
  hasErrors: boolean;
  /** The value to write differs from the stored one (a form that cannot be written changes nothing). */
  changes: boolean;
  /** There is an object to write from. */
  loaded: boolean;
}

export function canReview(state: EditorState, facts: ReviewFacts): boolean {
  return showsForm(state) && facts.loaded && !facts.hasErrors && facts.changes;
}

export function canSave(state: EditorState): boolean {
  return state.step === 'review' && state.confirmed;
}

/** The save button's words: a retry after a failure, a warning while migrations run. */
export function saveLabelKey(state: EditorState, migrationsRunning: boolean): string {
  if (state.outcome?.kind === 'failed') {
    return 'vmMigrationNetwork.save.retry';
  }

  return migrationsRunning ? 'vmMigrationNetwork.save.saveAnyway' : 'vmMigrationNetwork.save.save';
}
