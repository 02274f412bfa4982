/**
 * The summary of the health page: what KubeVirt says about migrations (its migration network, conditions, and
 * whether Harvester's migrate action would accept one) and what the migration NAD's config says.
 */
import { Condition, KubeVirt, NetworkAttachmentDefinition } from '../k8s-types';
import { readNadConfig } from '../nad-config';
import { objectId } from './inputs';

export interface ConditionView {
  type: string;
  status?: string;
  reason?: string;
  message?: string;
  time?: string;
}

export interface KubeVirtSummary {
  /** `spec.configuration.migrations.network`; undefined when migrations use mgmt. */
  network?: string;
  phase?: string;
  /** Available, Progressing and Degraded, in that order, when present. */
  conditions: ConditionView[];
  /** Available True with reason AllComponentsReady: Harvester's migrate action accepts migrations. */
  ready: boolean;
}

function conditionView(c: Condition | undefined, type: string): ConditionView | undefined {
  return c ? {
    type, status: c.status, reason: c.reason, message: c.message, time: c.lastTransitionTime ?? c.lastUpdateTime
  } : undefined;
}

/** KubeVirt's migration network and conditions; `ready` is the exact test of Harvester's migrate action. */
export function kubeVirtSummary(kv: KubeVirt | undefined): KubeVirtSummary | undefined {
  if (!kv) {
    return undefined;
  }
  const find = (type: string) => conditionView(kv.status?.conditions?.find((c) => c.type === type), type);
  const available = find('Available');

  return {
    network:    kv.spec?.configuration?.migrations?.network || undefined,
    phase:      kv.status?.phase,
    conditions: ['Available', 'Progressing', 'Degraded'].map(find).filter((c): c is ConditionView => !!c),
    ready:      available?.status === 'True' && available.reason === 'AllComponentsReady',
  };
}

export interface NadView {
  id: string;
  bridge?: string;
  vlan?: number;
  range?: string;
  exclude: string[];
  /** The config implements the setting value; undefined when the setting is disabled or unreadable. */
  matches?: boolean;
}

/** What the migration NAD's config says, and whether it matches the setting (`RolloutFacts.nadMatches`). */
export function nadView(nad: NetworkAttachmentDefinition | undefined, nadMatches: boolean | undefined): NadView | undefined {
  if (!nad) {
    return undefined;
  }
  const config = readNadConfig(nad.spec?.config);
  // Dual stack: both families' ranges, as the NAD's ipRanges list them.
  const range = config?.v6 ? `${ config.range }, ${ config.v6.range }` : config?.range;

  return {
    id: objectId(nad), bridge: config?.bridge, vlan: config?.vlan, range, exclude: config?.exclude ?? [], matches: nadMatches
  };
}
