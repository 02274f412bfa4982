/**
 * Public API of the migration-network core: parse, validate, plan IPs, serialize, hash, NAD preview, cluster
 * facts and health rows. Pure TypeScript: no Vue, no store, no I/O.
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
  MESSAGES, CORE_L10N_KEYS, HEALTH_FLAG_KEYS, problem
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
export {
  buildHealth, migrationIpOf, expectedNetworks
} from './health';
export { configuredCondition, controllerCaughtUp } from './setting-state';
export type {
  HealthInput, HealthReport, MigrationUse, PoolLeak, RolloutFacts
} from './health-cluster';
export {
  healthInputFrom, isVirtHandlerPod, migrationNadRef, kubeVirtSummary, nadView, sandboxFailures, rolloutSteps, capacityView,
  runningMigrations, networkShare, findNadMisuse, problemRows, socketStale
} from './health-page';
export type {
  CoreEvent, VirtualMachine, HealthSources, ConditionView, KubeVirtSummary, NadView, SandboxFailure, StepId, StepState,
  RolloutStep, RolloutContext, CapacityView, RunningMigration, NetworkShare, NadMisuse
} from './health-page';
