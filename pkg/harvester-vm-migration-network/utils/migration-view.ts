/**
 * How a followed migration reads: its verdict's words and colour. Outcome first (failed and aborted say so
 * whatever network was in use), then the path; a fallback is a warning, never shown as success.
 */
import { FollowedMigration } from '../core';
import { BADGE, BadgeColor } from './badge-colors';

export interface VerdictView {
  key: string;
  args: Record<string, string | number>;
  color: BadgeColor;
  /** The node a fallback went to, for a link to its row. */
  node?: string;
}

export function migrationVerdictView(m: FollowedMigration): VerdictView {
  if (m.outcome === 'failed') {
    return m.failureReason ? {
      key: 'vmMigrationNetwork.health.testMigration.verdict.failed', args: { reason: m.failureReason }, color: BADGE.bad
    } : {
      key: 'vmMigrationNetwork.health.testMigration.verdict.failedNoReason', args: {}, color: BADGE.bad
    };
  }
  if (m.outcome === 'aborted') {
    return {
      key: 'vmMigrationNetwork.health.testMigration.verdict.aborted', args: {}, color: BADGE.warning
    };
  }
  const path = m.path;
  const done = m.outcome === 'succeeded';

  switch (path.kind) {
  case 'network':
    return {
      key: 'vmMigrationNetwork.health.testMigration.verdict.network', args: { network: path.clusterNetwork, address: path.address }, color: done ? BADGE.good : BADGE.busy
    };
  case 'fallback':
    return {
      key: 'vmMigrationNetwork.health.testMigration.verdict.fallback', args: { node: path.node ?? '', address: path.address }, color: BADGE.warning, node: path.node
    };
  case 'mgmt':
    return {
      key: 'vmMigrationNetwork.health.testMigration.verdict.mgmt', args: { address: path.address }, color: done ? BADGE.neutral : BADGE.busy
    };
  default:
    return done ? {
      key: 'vmMigrationNetwork.health.testMigration.verdict.noAddress', args: {}, color: BADGE.neutral
    } : {
      key: 'vmMigrationNetwork.health.testMigration.verdict.running', args: { phase: m.phase }, color: BADGE.busy
    };
  }
}

/** Seconds after the first phase, for the phase list ("+6 s"). */
export function phaseOffsets(m: FollowedMigration): { phase: string; offset?: number }[] {
  const first = Date.parse(m.phases[0]?.time ?? '');

  return m.phases.map((p) => ({ phase: p.phase, offset: p.time && !Number.isNaN(first) ? Math.round((Date.parse(p.time) - first) / 1000) : undefined }));
}
