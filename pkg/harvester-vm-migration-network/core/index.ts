/**
 * Public API of the migration-network core: parse, validate, plan IPs, serialize, hash, NAD preview, cluster
 * facts, and the health page's view data (`health/`, one file per job) with its top-level verdict. Pure
 * TypeScript: no Vue, no store, no I/O.
 */
export * from './constants';
export type * from './types';
export type * from './k8s-types';
export { parseValue, disabledForm } from './parse';
export {
  serializeForm, isSemanticallyEqual, formToValue, cleanExcludes, vlanNumber
} from './serialize';
export type { ExcludeEntry } from './serialize';
export { canonicalText } from './canonical';
export {
  validateForm, validateValue, isWebhookRule
} from './validate';
export {
  MESSAGES, CORE_L10N_KEYS, HEALTH_FLAG_KEYS, HEALTH_VERDICT_KEYS, problem
} from './messages';
export type { ProblemCode } from './messages';
export { parseCidr, ipv4Text } from './cidr';
export type { Cidr } from './cidr';
export {
  planSegments, countUsable, usableIntervals, mergeIntervals, subtractIntervals, intervalsIntersect, intervalsSize, cidrSize
} from './ip-intervals';
export type {
  Interval, ExcludeMode, PlanSegment
} from './ip-intervals';
export { sha1Hex } from './sha1';
export {
  nadConfig, readNadConfig, nadMatchesValue, ipPoolName
} from './nad-config';
export type { NadSummary } from './nad-config';
export {
  buildClusterFacts, effectiveValue, nodeFact, migrationInProgress, conditionStatus
} from './facts';
export type { ClusterObjects } from './facts';
export { configuredCondition, controllerCaughtUp } from './setting-state';
export {
  healthInputFrom, isVirtHandlerPod, migrationNadRef, socketStale
} from './health/inputs';
export type { HealthInput, HealthSources } from './health/inputs';
export { buildHealth } from './health/report';
export type { HealthReport } from './health/report';
export {
  migrationIpOf, expectedNetworks, problemRows
} from './health/nodes';
export { kubeVirtSummary, nadView } from './health/summary';
export type {
  ConditionView, KubeVirtSummary, NadView
} from './health/summary';
export { sandboxFailures, SANDBOX_FAILURE_REASON } from './health/events';
export { valueChanges } from './value-changes';
export type { FieldChange } from './value-changes';
export type { SandboxFailure } from './health/events';
export {
  fromEarlierChange, podsCount, rolloutSteps
} from './health/rollout';
export type {
  StepId, StepState, StepReason, RolloutStep, RolloutContext
} from './health/rollout';
export type { RolloutFacts } from './health/rollout-facts';
export { capacityView } from './health/capacity';
export type { CapacityView, PoolLeak } from './health/capacity';
export { runningMigrations, networkShare } from './health/migrations';
export type {
  MigrationUse, RunningMigration, NetworkShare
} from './health/migrations';
export { findNadMisuse, migrationNads } from './health/misuse';
export type { NadMisuse } from './health/misuse';
export { healthVerdict } from './health/verdict';
export type { HealthVerdict, VerdictKind } from './health/verdict';
export { summarizeFleetCluster, ipPoolId } from './fleet';
export type {
  FleetClusterInputs, FleetRow, FleetProblem, FleetState, FleetSeverity, Unreachable
} from './fleet';
export {
  dualStackOf, editableV6, isV6Key, keptWithV6
} from './dual-stack';
export type { DualStackView, V6Form } from './dual-stack';
export { releaseRules } from './versions';
export { mtuGroups } from './mtu';
export type { MtuGroup } from './mtu';
export type { ReleaseRules } from './versions';
export {
  migrationCandidates, targetNodes, migrationBlockers
} from './migration/candidates';
export type {
  MigratableVm, UnmigratableVm, UnmigratableReason, MigrationCandidates, MigrationBlocker, BlockerFacts
} from './migration/candidates';
export { followMigration, startedMigration } from './migration/follow';
export type {
  FollowedMigration, FollowInput, ListeningAt, MigrationOutcome, MigrationPath, PhaseTime
} from './migration/follow';
