/**
 * The editor's step machine, whole and pure: edit → review → saving → saved, with the answers of the dry run and of
 * the save as events. The composable only performs the requests and feeds their answers in here, so every
 * transition can be read (and tested) in one place. Each request is numbered when it starts and its answer carries
 * the number: an answer to a request that is no longer the one in flight (the form was reloaded meanwhile) changes
 * nothing.
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
  /** The request in flight, whose answer is awaited; none while nothing is. */
  pending?: { write: 'dryRun' | 'save'; attempt: number };
  /** Requests started so far. Never reset, not even by a reload, so an old request's number is never reused. */
  attempts: number;
}

export type EditorEvent =
  /** The form was (re)loaded from the server's object: start over. */
  | { type: 'load' }
  | { type: 'dryRunStarted' }
  /** `attempt`: the number the request got when it started (`state.attempts` right after its start event). */
  | { type: 'dryRun'; attempt: number; result: WriteOutcome }
  | { type: 'confirm'; confirmed: boolean }
  /** Back from the review to the form. */
  | { type: 'back' }
  | { type: 'saveStarted' }
  | { type: 'saveDone'; attempt: number; result: WriteOutcome }
  /** After a conflict: the form stays and the server's resourceVersion is adopted; the user reviews again. */
  | { type: 'reapply' };

export function initialState(attempts = 0): EditorState {
  return {
    step: 'edit', confirmed: false, attempts
  };
}

/** The answer numbered `attempt` is the one awaited for `write`; any other is late (or superseded) and ignored. */
export function awaits(state: EditorState, write: 'dryRun' | 'save', attempt: number): boolean {
  return state.pending?.write === write && state.pending.attempt === attempt;
}

/** A new request starts: it gets the next number, and the previous answer of its kind no longer applies. */
function started(state: EditorState, write: 'dryRun' | 'save'): EditorState {
  const attempts = state.attempts + 1;
  const next: EditorState = {
    ...state, attempts, pending: { write, attempt: attempts }
  };

  // A new check replaces the last check's answer; a new save (a retry) replaces the last save's.
  delete next[write === 'dryRun' ? 'dryRun' : 'outcome'];

  return next;
}

/** The state with nothing in flight. */
function settled(state: EditorState): EditorState {
  const { pending, ...rest } = state;

  return rest;
}

/** What the server's answer to a dry run leads to. */
function afterDryRun(state: EditorState, result: WriteOutcome): EditorState {
  const next = { ...settled(state), dryRun: result };

  if (result.kind === 'conflict') {
    // Nothing is written: the user chooses reload or reapply.
    return {
      ...next, step: 'edit', outcome: result
    };
  }
  if (result.kind === 'ok' || result.kind === 'unsupported') {
    // A server that cannot dry run leaves only our own checks, which passed: the review says so.
    return {
      ...next, step: 'review', confirmed: false
    };
  }

  // A denial or a failure (an error status, no network, no answer in time) stays on the form, which is kept as typed:
  // nothing was written, and Review is the retry.
  return { ...next, step: 'edit' };
}

/** A denial goes back to the form (the value must change); a conflict or a failure stays on the review, to retry or decide. */
function afterSave(state: EditorState, result: WriteOutcome): EditorState {
  const next = settled(state);

  if (result.kind === 'ok') {
    return {
      ...next, step: 'saved', outcome: result
    };
  }

  return {
    ...next, step: result.kind === 'denied' ? 'edit' : 'review', outcome: result
  };
}

export function transition(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
  case 'load':
    return initialState(state.attempts);
  case 'dryRunStarted':
    return started(state, 'dryRun');
  case 'dryRun':
    return awaits(state, 'dryRun', event.attempt) ? afterDryRun(state, event.result) : state;
  case 'confirm':
    return { ...state, confirmed: event.confirmed };
  case 'back':
    // A save in flight cannot be taken back: its answer must still land on the review.
    return state.step === 'saving' ? state : { ...state, step: 'edit' };
  case 'saveStarted':
    return { ...started(state, 'save'), step: 'saving' };
  case 'saveDone':
    return awaits(state, 'save', event.attempt) ? afterSave(state, event.result) : state;
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

/**
 * Facts about the form that decide whether Review may be pressed. Errors do not disable it: pressing it with errors
 * shows every problem and a summary instead of starting the dry run (the composable's `review`).
 */
export interface ReviewFacts {
  /** The form differs from the stored value, or is not complete yet (an unchanged, complete form has nothing to write). */
  changes: boolean;
  /** There is an object to write from. */
  loaded: boolean;
}

export function canReview(state: EditorState, facts: ReviewFacts): boolean {
  return showsForm(state) && !state.pending && facts.loaded && facts.changes;
}

export function canSave(state: EditorState): boolean {
  return state.step === 'review' && state.confirmed && !state.pending;
}

/** The review button's words: while the dry run is out, it says so (it may take up to WRITE_TIMEOUT_MS). */
export function reviewLabelKey(state: EditorState): string {
  return state.pending?.write === 'dryRun' ? 'vmMigrationNetwork.save.checking' : 'vmMigrationNetwork.save.review';
}

/** The save button's words: in progress, a retry after a failure, a warning while migrations run. */
export function saveLabelKey(state: EditorState, migrationsRunning: boolean): string {
  if (state.pending?.write === 'save') {
    return 'vmMigrationNetwork.save.saving';
  }
  if (state.outcome?.kind === 'failed') {
    return 'vmMigrationNetwork.save.retry';
  }

  return migrationsRunning ? 'vmMigrationNetwork.save.saveAnyway' : 'vmMigrationNetwork.save.save';
}
