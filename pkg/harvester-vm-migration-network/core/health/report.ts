/**
 * Assembly of the health report: decodes the setting once, then puts together the node rows, the rollout facts,
 * the leaked IPPool allocations and the recent migrations. The jobs themselves live in their own files.
 */
import { parseValue } from '../parse';
import { DualStackView, dualStackOf } from '../dual-stack';
import { HealthRow, MigrationNetworkValue } from '../types';
import { findLeaks, PoolLeak } from './capacity';
import { HealthInput } from './inputs';
import { buildMigrationUses, MigrationUse } from './migrations';
import { nodeRows, rowContext } from './nodes';
import { buildRollout, RolloutFacts } from './rollout-facts';

export interface HealthReport {
  enabled: boolean;
  value?: MigrationNetworkValue;
  /** The IPv6 part of a dual-stack value (Harvester v1.10), shown as stored. */
  ipv6?: DualStackView;
  /** The cluster's release applies the IPv6 part (v1.10); before, Harvester ignores those keys. */
  dualStack: boolean;
  /** What virt-handler pods' `k8s.v1.cni.cncf.io/networks` must say; undefined when unknown. */
  expectedNetworks?: string;
  rows: HealthRow[];
  rollout: RolloutFacts;
  leaks: PoolLeak[];
  migrations: MigrationUse[];
}

/**
 * Builds the health report: one row per node (see `nodeRows`), rollout progress, IPPool allocations that match no
 * live pod (leaks) and, per recent migration, whether its `targetNodeAddress` lay in the migration range. Never throws.
 */
export function buildHealth(input: HealthInput): HealthReport {
  const parsed = parseValue(input.setting?.value);
  const value = parsed.value;
  const enabled = parsed.form.enabled;
  const ctx = rowContext(input, value, enabled);
  const rows = nodeRows(input, ctx);

  return {
    enabled,
    value,
    ipv6:             enabled ? dualStackOf(parsed.kept) : undefined,
    dualStack:        !!input.v6,
    expectedNetworks: ctx.expected,
    rows,
    rollout:          buildRollout(input, rows, value),
    leaks:            findLeaks(input),
    migrations:       buildMigrationUses(input, ctx.range),
  };
}
