import { problem } from './messages';
import { checkMixedMtu } from './validate-mtu';
import { parseValue } from './parse';
import { cleanExcludes, serializeForm } from './serialize';
import {
  ClusterFacts, FactKey, FormState, IpPlan, Problem, Severity, ValidationResult
} from './types';
import { readV6 } from './dual-stack';
import { checkDualStack, checkV6PeerOverlap } from './validate-dual-stack';
import { keptKeyChecks } from './validate-kept';
import { releaseRules } from './versions';
import { parseCidr } from './cidr';
import { checkCapacity, checkClusterNetwork, requiredNodes } from './validate-cluster';
import { checkMigrations, checkPeers } from './validate-peers';
import { checkRange, checkVlan, Subject } from './validate-local';
import { checkExcludes } from './validate-excludes';

/** Most severe first: errors decide the save, and the first error with a webhook text is what Harvester answers. */
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const FACT_ORDER: FactKey[] = ['nodes', 'clusterNetworks', 'peers', 'migrations'];

/** True for codes of rules Harvester's webhook enforces (`W<n>_…`): each of them means the save is refused. */
export function isWebhookRule(code: string): boolean {
  return /^W\d+_/.test(code);
}

/** Problems by severity, in found order within one: a stable sort without the sort (one pass per severity). */
function bySeverity(problems: Problem[]): Problem[] {
  const sorted: Problem[] = [];

  for (const severity of SEVERITIES) {
    for (const p of problems) {
      if (p.severity === severity) {
        sorted.push(p);
      }
    }
  }

  return sorted;
}

function finish(problems: Problem[], skipped: Set<FactKey>, plan?: IpPlan, value?: string): ValidationResult {
  const sorted = bySeverity(problems);
  const result: ValidationResult = {
    problems: sorted,
    valid:    !sorted.some((p) => p.severity === 'error'),
    skipped:  FACT_ORDER.filter((f) => skipped.has(f)),
  };
  const first = sorted.find((p) => p.webhookMessage !== undefined);

  if (first) {
    result.webhookMessage = first.webhookMessage;
  }
  if (plan) {
    result.plan = plan;
  }
  if (value !== undefined) {
    result.value = value;
  }

  return result;
}

/** What Harvester's webhook before v1.9 answers on an IPv6 range: nothing, until the apiserver gives up on it. */
export const WEBHOOK_TIMEOUT_MESSAGE = 'failed to call webhook: Post "https://harvester-webhook.harvester-system.svc:443/v1/webhook/validation?timeout=10s": context deadline exceeded';

/**
 * Runs every check on an enabled subject, in Harvester's order (W3 → W4/5 → W6–9 → W10–14 → v1.10's IPv6 part →
 * W15–20 → W21 → W22), with the rules of the cluster's release.
 */
function check(subject: Subject, facts: ClusterFacts, changes: boolean, out: Problem[]): { skipped: Set<FactKey>; plan?: IpPlan } {
  const skipped = new Set<FactKey>();
  const rules = releaseRules(facts.harvesterVersion);

  checkVlan(subject, out);
  const range = checkRange(subject, out, rules);
  // Before v1.9 an IPv6 range reaches the exclude checks as every range does (and hangs only at the count).
  const hangs = !rules.refusesIPv6Range && parseCidr(subject.range)?.family === 6;
  const excludes = checkExcludes(subject, range ?? (hangs ? parseCidr(subject.range) : undefined), out);
  const required = facts.nodes && requiredNodes(facts.nodes);
  const v6Window = rules.dualStack && subject.v6 ? checkDualStack(subject.v6, required, out) : undefined;

  checkClusterNetwork(subject.clusterNetwork, facts, out, skipped, rules);
  checkMixedMtu(subject.clusterNetwork, facts, out);
  // Said on the range even when an exclude fails first (the webhook then answers that exclude's message).
  if (hangs && !out.some((p) => p.field === 'range' && p.severity === 'error')) {
    out.push(problem('W8_RANGE_IPV6_TIMEOUT', {
      entry: subject.range, args: { range: subject.range, release: rules.release ?? '' }, webhookMessage: WEBHOOK_TIMEOUT_MESSAGE
    }));
  }
  let plan: IpPlan | undefined;

  if (range) {
    plan = checkCapacity(range, excludes, facts, out, skipped, v6Window, rules.legacyCountText);
    checkPeers(range, excludes, facts, out, skipped, rules);
  }
  if (v6Window !== undefined && subject.v6?.range) {
    checkV6PeerOverlap(subject.v6.range, facts.peers, out);
  }
  checkMigrations(changes, facts, out, skipped);

  return { skipped, plan };
}

/**
 * Validates form state against what is known of the cluster. Returns every problem (not the first), errors in the
 * order Harvester's webhook checks them, so `webhookMessage` is the text the webhook would answer first.
 *
 * - Errors: every rule the webhook enforces (W3–W22, codes `W<n>_…`, same accept/reject outcome on the same
 *   value) and what Harvester's docs require but nothing enforces (reserved ranges). Excludes outside the range
 *   are W12 (CIDR blocks nest, so "overlaps and is smaller" means "inside").
 * - Warnings: Whereabouts gives fewer IPs than Harvester counts, low headroom, the cluster network not ready on
 *   some nodes, migrations in progress, VLAN 0/1 untagged, `mgmt` chosen.
 * - Facts left undefined are not guessed: their checks are skipped and listed in `skipped`.
 * - A disabled form is always valid (Harvester lets `""` through every rule); only the migrations warning applies.
 *
 * `stored` is the current setting value: it decides whether the save changes anything (and so restarts
 * virt-handlers) and lets `value` keep the stored text byte for byte when nothing changed.
 */
export function validateForm(form: FormState, facts: ClusterFacts = {}, stored?: string | null): ValidationResult {
  const excludes = cleanExcludes(form.exclude);
  const value = serializeForm(form, stored, excludes);
  const changes = stored === undefined || value !== (stored ?? '');
  const out: Problem[] = [];

  if (!form.enabled) {
    const skipped = new Set<FactKey>();

    checkMigrations(changes, facts, out, skipped);

    return finish(out, skipped, undefined, value);
  }
  const kept = keptKeyChecks(form, stored, value, releaseRules(facts.harvesterVersion));
  const subject: Subject = {
    clusterNetwork: form.clusterNetwork, vlan: form.vlan, range: form.range, excludes, text: value, v6: form.v6 ?? kept.v6
  };

  out.push(...kept.problems);
  const { skipped, plan } = check(subject, facts, changes, out);

  return finish(out, skipped, plan, value);
}

/**
 * Validates a stored (or about to be stored) setting value as Harvester would receive it: decoding problems
 * first (W3), then every rule on the decoded value with excludes exactly as written (no trimming, empty
 * entries kept). Used for parity with the webhook and for the health page.
 */
export function validateValue(raw: string | null | undefined, facts: ClusterFacts = {}): ValidationResult {
  const rules = releaseRules(facts.harvesterVersion);
  const parsed = parseValue(raw, rules);
  const out = parsed.problems.slice();
  const v6 = rules.dualStack && parsed.value ? readV6(parsed.kept).part : undefined;

  if (!parsed.value) {
    return finish(out, new Set(), undefined, parsed.raw);
  }
  const subject: Subject = {
    clusterNetwork: parsed.value.clusterNetwork,
    vlan:           parsed.form.vlan,
    range:          parsed.value.range,
    excludes:       parsed.value.exclude.map((text, index) => ({ text, index })),
    text:           parsed.raw,
    v6,
  };
  const { skipped, plan } = check(subject, facts, true, out);

  return finish(out, skipped, plan, parsed.raw);
}
