/**
 * View types the editor's components and its adapter share. They live in a `.ts` module, never in a `.vue`
 * file: the package build's type checker cannot see types exported from single-file components.
 */
import type {
  Condition, FieldChange, KeptEntry, ReleaseRules, RunningMigration
} from '../core';
import type { FormCheck } from './adapter';
import type { Notice } from './notices';
import type { Step } from './steps';

/** Address capacity of the range for the nodes that run virt-handler (from the core module's IP plan). */
export interface RangeCapacityView {
  usable: number;
  harvesterUsable: number;
  nodes: number;
  spare: number;
  headroomPercent: number;
  /** Dual stack: the IPv6 window's size (Harvester adds it to its count; each node needs one of each family). */
  v6Window?: number;
}

/** One choice in the cluster network select; a network not ready on every node is offered disabled. */
export interface ClusterNetworkOption {
  label: string;
  value: string;
  disabled: boolean;
}

/** The translated problems of one field (or one exclude row), errors first. */
export interface ShownProblem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  key: string;
  args: Record<string, string | number>;
}

/** What the review step shows: the exact value, what it replaces, and what the controller will do with it. */
export interface ReviewPreview {
  value: string;
  previous: string;
  nadConfig?: string;
  /** Nodes whose virt-handler restarts, by name; undefined when the nodes cannot be read. */
  restarting?: string[];
  /** Each field before and after the save. */
  changes: FieldChange[];
  migrations: RunningMigration[];
}

/** Everything the editor's template renders, derived once per change by `useMigrationNetworkEditor`. */
export interface EditorView {
  step: Step;
  /** The form (edit, saved) or the review (review, saving). */
  showForm: boolean;
  canEdit: boolean;
  notices: Notice[];
  check: FormCheck;
  /** Stored keys the form does not edit: a save writes them back unchanged. */
  kept: KeptEntry[];
  /** The cluster's Harvester release as the checks read it (one line under the title). */
  release: ReleaseRules & { version?: string };
  /** The stored text as is, when it could not be read the way Harvester reads it. */
  rawValue?: string;
  /** The controller's `configured` condition and whether it processed the current value. */
  condition?: Condition;
  caughtUp?: boolean;
  preview: ReviewPreview;
  canReview: boolean;
  /** Review was pressed with errors: the form shows every field's problems, left or not. */
  revealAll: boolean;
  canSave: boolean;
  /** "Checking…" while the dry run is out. */
  reviewLabelKey: string;
  saveLabelKey: string;
}
