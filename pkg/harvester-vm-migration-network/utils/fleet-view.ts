import type { Translate } from '../composables/useShellPage';
import { timeSince } from './time-view';
import { FleetRow, FleetState, L10N_ROOT } from '../core';

const K = `${ L10N_ROOT }.fleet`;

/** One table row of the overview, every cell a sortable string or number. */
export interface FleetViewRow {
  id: string;
  name: string;
  state: FleetState;
  stateLabel: string;
  version: string;
  network: string;
  nodes: string;
  /** For sorting the nodes column: the share of nodes with a migration IP (-1 when not applicable). */
  nodesShare: number;
  problemCount: number;
  worstProblem: string;
  /** The worst problem's severity: its icon and colour. */
  worstSeverity: 'error' | 'warning' | '';
  /** The editor's field that fixes the worst problem: the cell links there. */
  fixField?: string;
  /** Every problem, one a line: the cell's tooltip. */
  allProblems: string;
  /** Epoch ms of the last answer; -1 before the first. The page words its age ("3 secs ago") as the clock ticks. */
  fetchedAtMs: number;
  /** For sorting the age column: the freshest first, rows never read last. */
  staleness: number;
}

/** "vm-migration · VLAN 100 · 192.168.1.0/24", or "Disabled: migrations use mgmt". */
export function networkText(row: FleetRow, t: Translate): string {
  if (row.enabled === undefined) {
    return '';
  }
  if (!row.enabled) {
    return t(`${ K }.disabledUsesMgmt`);
  }

  return row.value ? t(`${ K }.enabledOn`, {
    network: row.value.clusterNetwork, vlan: row.value.vlan, range: row.value.range
  }) : t(`${ K }.valueUnreadable`);
}

function configuredText(row: FleetRow, t: Translate): string {
  if (row.state === 'unreachable') {
    return '';
  }
  const status = row.configured?.status;

  return t(`${ K }.configured.${ status === 'True' ? 'true' : status === 'False' ? 'false' : 'none' }`);
}

function nodesText(row: FleetRow, t: Translate): string {
  if (row.enabled === false) {
    return t(`${ K }.nodes.notUsed`);
  }
  if (!row.enabled || row.nodesNeeding === undefined) {
    return '';
  }

  return row.nodesWithIp === undefined ? t(`${ K }.nodes.unknown`) : t(`${ K }.nodes.count`, { have: row.nodesWithIp, need: row.nodesNeeding });
}

/** The problem's sentence, translated. */
export function problemText(problem: FleetRow['problems'][number], t: Translate): string {
  return t(problem.key, problem.args);
}

/**
 * One row of the table, without its age: it changes only when the row is read again, so a fleet of 1,000 rows is
 * not worded and sorted anew every second (`ageText` words the age as the clock ticks).
 */
export function fleetViewRow(id: string, name: string, row: FleetRow | undefined, fetchedAt: number | undefined, t: Translate): FleetViewRow {
  const errors = row?.problems.filter((p) => p.severity !== 'info') ?? [];

  return {
    id,
    name,
    state:         row?.state ?? 'unreachable',
    stateLabel:    row ? t(`${ K }.state.${ row.state }`) : t(`${ K }.state.loading`),
    version:       row?.version ?? '',
    network:       row ? networkText(row, t) : '',
    nodes:         row ? nodesText(row, t) : '',
    nodesShare:    row?.enabled && row.nodesNeeding ? (row.nodesWithIp ?? 0) / row.nodesNeeding : -1,
    problemCount:  errors.length,
    worstProblem:  errors[0] ? problemText(errors[0], t) : '',
    worstSeverity: errors[0] ? (errors[0].severity === 'error' ? 'error' : 'warning') : '',
    fixField:      errors[0]?.fixField,
    allProblems:   errors.map((p) => problemText(p, t)).join('\n'),
    fetchedAtMs:   fetchedAt ?? -1,
    staleness:     fetchedAt === undefined ? Number.MAX_SAFE_INTEGER : -fetchedAt,
  };
}

/** How long ago a row was read, in the shell's own words ("3 secs ago"); never in the future. */
export function ageText(fetchedAtMs: number, now: number, t: Translate): string {
  return t(`${ L10N_ROOT }.time.ago`, { time: timeSince(new Date(Math.min(fetchedAtMs, now)).toISOString(), now, t) });
}

/** "Enabled on vm-migration VLAN 100 · Configured · 3/3 nodes have a migration IP": the panels' one line. */
export function oneLineState(row: FleetRow, t: Translate): string {
  if (row.state === 'unreachable') {
    return row.problems[0] ? problemText(row.problems[0], t) : '';
  }
  const parts = [
    row.enabled && row.value ? t(`${ K }.line.enabled`, { network: row.value.clusterNetwork, vlan: row.value.vlan }) : t(`${ K }.line.disabled`),
    configuredText(row, t),
  ];

  if (row.enabled && row.nodesNeeding !== undefined && row.nodesWithIp !== undefined) {
    parts.push(t(`${ K }.line.nodes`, { have: row.nodesWithIp, need: row.nodesNeeding }));
  }
  const worst = row.problems.find((p) => p.severity === 'error');

  if (worst) {
    parts.push(problemText(worst, t));
  }

  return parts.filter(Boolean).join(' · ');
}
