/**
 * Every notice the editor shows (read-only, stored value problems, skipped checks, someone else's change, the dry
 * run's and the save's answers, "nothing changed"), as data: one pure function decides which apply and in which
 * order, and the template renders the list with one loop. A new notice is one entry here and one l10n key.
 */
import { WriteOutcome } from '../api/setting-client';
import { FactKey, Problem } from '../core';
import { EditorState } from './steps';

/** Banner colours of the shell, plus `muted`: a plain line of muted text beside the buttons. */
export type NoticeColor = 'info' | 'warning' | 'error' | 'success' | 'muted';

/** Where the editor shows a notice: above the form, below the form or the review, or beside the buttons. */
export type NoticePlace = 'top' | 'bottom' | 'actions';

export interface Notice {
  /** Unique in the list (a Vue key). */
  id: string;
  color: NoticeColor;
  key: string;
  args: Record<string, string | number>;
  testid: string;
  place: NoticePlace;
}

export interface NoticeInputs {
  state: EditorState;
  /** Problems of the stored value itself (it could not be read as Harvester reads it). */
  parseProblems: Problem[];
  /** The user may update the setting. */
  canEdit: boolean;
  /** Facts the user may not read, so their checks were not run. */
  skipped: FactKey[];
  /** The value on the server differs from the one the form was loaded from. */
  changedElsewhere: boolean;
  /** The value on the server now (for "someone else changed it" and conflicts). */
  serverValue: string;
  /** The form is complete and means exactly the stored value: a save would write nothing. */
  unchanged: boolean;
  /** Errors of the form once Review was pressed (0 before): the summary at the top. */
  errorCount?: number;
}

type NoticeSpec = Omit<Notice, 'args'> & { args?: Notice['args'] };

const notice = (spec: NoticeSpec): Notice => ({ args: {}, ...spec });

/** Above the form: what limits or explains the editing itself. */
function formNotices(i: NoticeInputs): Notice[] {
  const out: Notice[] = [];

  if (!i.canEdit) {
    out.push(notice({
      id: 'readOnly', color: 'info', key: 'vmMigrationNetwork.editor.readOnly', testid: 'vmmn-read-only', place: 'top'
    }));
  }
  for (const p of i.parseProblems) {
    out.push({
      id: `parse-${ p.code }`, color: 'warning', key: p.key, args: p.args, testid: `vmmn-parse-${ p.code }`, place: 'top'
    });
  }
  if (i.skipped.length) {
    out.push(notice({
      id: 'checksSkipped', color: 'info', key: 'vmMigrationNetwork.editor.checksSkipped', args: { facts: i.skipped.join(', ') }, testid: 'vmmn-checks-skipped', place: 'top'
    }));
  }
  if (i.errorCount) {
    out.push(notice({
      id: 'errorSummary', color: 'error', key: 'vmMigrationNetwork.editor.errorSummary', args: { count: i.errorCount }, testid: 'vmmn-error-summary', place: 'top'
    }));
  }
  if (i.changedElsewhere) {
    // An empty value is a disable: say so, rather than "the server now has:" and nothing.
    out.push(notice({
      id:     'changedElsewhere',
      color:  'warning',
      key:    i.serverValue ? 'vmMigrationNetwork.editor.changedElsewhere' : 'vmMigrationNetwork.editor.disabledElsewhere',
      args:   i.serverValue ? { value: i.serverValue } : {},
      testid: 'vmmn-changed-elsewhere',
      place:  'top'
    }));
  }

  return out;
}

/**
 * A dry run that failed (an error status, no network, forbidden, no answer in time): nothing was written, whatever
 * the reason, so one notice and one test id, with the words for the reason.
 */
function dryRunFailure(dryRun?: WriteOutcome): Notice | undefined {
  const spec = {
    id: 'dryRunFailed', color: 'error', testid: 'vmmn-dryrun-failed', place: 'bottom'
  } as const;

  if (dryRun?.kind === 'forbidden') {
    return notice({
      ...spec, key: 'vmMigrationNetwork.save.dryRunFailed', args: { status: 403, message: dryRun.message }
    });
  }
  if (dryRun?.kind !== 'failed') {
    return undefined;
  }
  if (dryRun.timeoutSeconds !== undefined) {
    return notice({
      ...spec, key: 'vmMigrationNetwork.save.dryRunTimedOut', args: { seconds: dryRun.timeoutSeconds }
    });
  }

  return dryRun.status === undefined ? notice({
    ...spec, key: 'vmMigrationNetwork.save.dryRunUnreachable', args: { message: dryRun.message }
  }) : notice({
    ...spec, key: 'vmMigrationNetwork.save.dryRunFailed', args: { status: dryRun.status, message: dryRun.message }
  });
}

/** Below the form or the review: what the server answered. */
function answerNotices({ state, serverValue }: NoticeInputs): Notice[] {
  const out: Notice[] = [];
  const { dryRun, outcome } = state;

  if (dryRun?.kind === 'denied') {
    out.push(notice({
      id: 'dryRunDenied', color: 'error', key: 'vmMigrationNetwork.save.denied', args: { message: dryRun.message }, testid: 'vmmn-dry-run-denied', place: 'bottom'
    }));
  }
  const failedCheck = dryRunFailure(dryRun);

  if (failedCheck) {
    out.push(failedCheck);
  }
  // Only while reviewing: it explains why the review rests on our own checks alone.
  if (dryRun?.kind === 'unsupported' && state.step === 'review') {
    out.push(notice({
      id: 'dryRunUnsupported', color: 'info', key: 'vmMigrationNetwork.save.dryRunUnsupported', testid: 'vmmn-dry-run-unsupported', place: 'bottom'
    }));
  }
  if (outcome?.kind === 'denied') {
    out.push(notice({
      id: 'saveDenied', color: 'error', key: 'vmMigrationNetwork.save.denied', args: { message: outcome.message }, testid: 'vmmn-save-denied', place: 'bottom'
    }));
  }
  if (outcome?.kind === 'failed' && outcome.timeoutSeconds !== undefined) {
    // Unlike any other failure, the write may have landed: say so, and offer to look (reload) besides retrying.
    out.push(notice({
      id: 'saveTimedOut', color: 'warning', key: 'vmMigrationNetwork.save.timedOut', args: { seconds: outcome.timeoutSeconds }, testid: 'vmmn-save-timeout', place: 'bottom'
    }));
  } else if (outcome?.kind === 'failed' || outcome?.kind === 'forbidden') {
    out.push(notice({
      id: 'saveFailed', color: 'error', key: 'vmMigrationNetwork.save.failed', args: { message: outcome.message }, testid: 'vmmn-save-failed', place: 'bottom'
    }));
  }
  if (outcome?.kind === 'conflict') {
    out.push(notice({
      id: 'conflict', color: 'error', key: 'vmMigrationNetwork.save.conflict', args: { value: serverValue }, testid: 'vmmn-conflict', place: 'bottom'
    }));
  }
  if (state.step === 'saved') {
    out.push(notice({
      id: 'saved', color: 'success', key: 'vmMigrationNetwork.save.saved', testid: 'vmmn-saved', place: 'bottom'
    }));
  }

  return out;
}

/** Every notice that applies, in the order the page shows them (top, then bottom, then beside the buttons). */
export function editorNotices(inputs: NoticeInputs): Notice[] {
  const out = [...formNotices(inputs), ...answerNotices(inputs)];

  // The buttons are shown to editors only; the line explains why Review is disabled.
  if (inputs.canEdit && inputs.unchanged && inputs.state.step === 'edit') {
    out.push(notice({
      id: 'unchanged', color: 'muted', key: 'vmMigrationNetwork.save.unchanged', testid: 'vmmn-unchanged', place: 'actions'
    }));
  }

  return out;
}
