/**
 * View types the editor's components and its adapter share. They live in a `.ts` module, never in a `.vue`
 * file: the package build's type checker cannot see types exported from single-file components.
 */

/** Address capacity of the range for the nodes that run virt-handler (from the core module's IP plan). */
export interface RangeCapacityView {
  usable: number;
  harvesterUsable: number;
  nodes: number;
  spare: number;
  headroomPercent: number;
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
