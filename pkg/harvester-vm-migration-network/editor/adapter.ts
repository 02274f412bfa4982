import type { Translate } from '../composables/useShellPage';
import {
  STEVE_TYPES, MGMT_CLUSTER_NETWORK, buildClusterFacts, validateForm, formToValue, nadConfig, runningMigrations, editableV6, isV6Key,
  releaseRules, mtuGroups, ClusterFacts, ClusterObjects, FormState, KeptEntry, ParseResult, Problem, FactKey, RunningMigration,
  VirtualMachineInstanceMigration
} from '../core';
import { RangeCapacityView, ClusterNetworkOption } from './types';

/** The types the editor reads (and watches) from the cluster store. */
export const EDITOR_TYPES = [
  STEVE_TYPES.setting, STEVE_TYPES.node, STEVE_TYPES.clusterNetwork, STEVE_TYPES.vlanStatus, STEVE_TYPES.vlanConfig, STEVE_TYPES.vmim,
] as const;

export type EditorType = typeof EDITOR_TYPES[number];

export interface FormCheck {
  /**
   * The exact string a save writes ("" when disabled; the stored string itself when nothing changed semantically),
   * or undefined when the form cannot be written (its vlan is not a plain integer). Derived once, by the validation.
   */
  value?: string;
  problems: Problem[];
  /** Some problem is an error: the form cannot be reviewed. */
  hasErrors: boolean;
  skipped: FactKey[];
  capacity?: RangeCapacityView;
  networks: ClusterNetworkOption[];
  nadConfig?: string;
  /** The MTU every node of the chosen cluster network uses, when they agree (a warning says when they do not). */
  mtu?: number;
}

/** Lists of readable types become core cluster facts; an unreadable list stays undefined so its checks are skipped. */
export function factsOf(objects: Record<string, unknown[]>, available: Record<string, boolean>): ClusterFacts {
  const list = <T>(type: string) => (available[type] ? objects[type] as T[] : undefined);

  return buildClusterFacts({
    nodes:           list(STEVE_TYPES.node),
    clusterNetworks: list(STEVE_TYPES.clusterNetwork),
    vlanStatuses:    list(STEVE_TYPES.vlanStatus),
    vlanConfigs:     list(STEVE_TYPES.vlanConfig),
    settings:        list(STEVE_TYPES.setting),
    migrations:      list(STEVE_TYPES.vmim),
  } as ClusterObjects);
}

/**
 * Cluster network choices: a network not ready on every non-witness node is offered disabled, naming the nodes
 * (Harvester's webhook would refuse it); `mgmt` is always offered and its contention is a validation warning.
 */
export function networkOptions(facts: ClusterFacts, t: Translate): ClusterNetworkOption[] {
  const nodes = (facts.nodes ?? []).filter((n) => !n.witness).map((n) => n.name);

  return (facts.clusterNetworks ?? []).map((cn) => {
    if (cn.name === MGMT_CLUSTER_NETWORK) {
      return {
        label: t('vmMigrationNetwork.editor.clusterNetwork.mgmtOption', { name: cn.name }), value: cn.name, disabled: false
      };
    }
    const readyOn = new Set(cn.vlanStatuses.filter((vs) => vs.ready !== 'False').map((vs) => vs.node));
    const missing = cn.ready ? nodes.filter((n) => !readyOn.has(n)) : nodes;

    return missing.length ? {
      label: t('vmMigrationNetwork.editor.clusterNetwork.notReady', { name: cn.name, nodes: missing.join(', ') }), value: cn.name, disabled: true
    } : {
      label: cn.name, value: cn.name, disabled: false
    };
  });
}

/** Everything the editor shows about the form, from the core module. */
export function checkForm(form: FormState, facts: ClusterFacts, stored: string, t: Translate): FormCheck {
  const result = validateForm(form, facts, stored);
  const plan = result.plan;
  const value = form.enabled ? formToValue(form) : undefined;
  // A range that cannot be saved has no capacity worth showing (a /8 would claim 16 million spare addresses), unless
  // too few addresses is its only fault: then the counts are the explanation.
  const rangeSaveable = !result.problems.some((p) => p.severity === 'error' && p.field === 'range' && !p.code.startsWith('W21_NOT_ENOUGH_IPS'));

  return {
    value:     result.value,
    problems:  result.problems,
    hasErrors: !result.valid,
    skipped:   result.skipped,
    networks:  networkOptions(facts, t),
    // The network controller's mutator appends the cluster network's MTU when it is not 1500: previewed the same.
    nadConfig: value ? nadConfig(value, uniformMtu(form.clusterNetwork, facts), form.v6) : undefined,
    mtu:       uniformMtu(form.clusterNetwork, facts),
    capacity:  plan && rangeSaveable ? {
      // Nothing counted (no window): the IPv6 line would read 0 while Whereabouts hands out the whole range.
      v6Window:        plan.v6Window || undefined,
      usable:          plan.usable,
      harvesterUsable: plan.webhookUsable,
      nodes:           plan.required ?? 0,
      spare:           plan.spare ?? plan.usable,
      headroomPercent: plan.required ? Math.round(((plan.spare ?? 0) / plan.usable) * 100) : 100,
    } : undefined,
  };
}

/**
 * A save would write nothing: the form is complete (no errors, and enabled with every field or disabled) and means
 * exactly the stored value. A form just switched to Enabled with empty fields is not "unchanged": it cannot be written.
 */
export function writesNothing(form: FormState, check: FormCheck, stored: string): boolean {
  const complete = !form.enabled || [form.clusterNetwork, form.vlan, form.range].every((field) => field.trim() !== '');

  return complete && !check.hasErrors && check.value === stored;
}

/** Migrations still running, which KubeVirt may fail when virt-handler restarts. */
export function migrationsOf(objects: Record<string, unknown[]>): RunningMigration[] {
  return runningMigrations((objects[STEVE_TYPES.vmim] ?? []) as VirtualMachineInstanceMigration[]);
}

/**
 * The form a stored value opens as: on a release with dual stack (v1.10) the IPv6 keys become fields (unless one
 * of them is not a string: then they stay kept and read-only, and the webhook's type error says why), and the
 * "kept key" notices of those keys go. On older releases they are kept keys, shown read-only, as before.
 */
export function loadedForm(parsed: ParseResult, facts: ClusterFacts): { form: FormState; problems: Problem[] } {
  const v6 = releaseRules(facts.harvesterVersion).dualStack ? editableV6(parsed.kept) : undefined;

  if (!v6) {
    return { form: parsed.form, problems: parsed.problems };
  }

  return {
    form:     { ...parsed.form, v6 },
    problems: parsed.problems.filter((p) => !(p.code === 'PARSE_UNKNOWN_KEY' && isV6Key(p.entry ?? ''))),
  };
}

/** The stored keys shown read-only: without the IPv6 ones when the form edits them. */
export function shownKept(kept: KeptEntry[], form: FormState): KeptEntry[] {
  return form.v6 ? kept.filter((k) => !isV6Key(k.key)) : kept;
}

/** The one MTU of the chosen cluster network's nodes (from its VlanConfigs); undefined when unknown or mixed. */
function uniformMtu(clusterNetwork: string, facts: ClusterFacts): number | undefined {
  const cn = facts.clusterNetworks?.find((c) => c.name === clusterNetwork);
  const groups = cn ? mtuGroups(cn, facts.nodes?.filter((n) => !n.witness).map((n) => n.name)) : [];

  return groups.length === 1 ? groups[0].mtu : undefined;
}
