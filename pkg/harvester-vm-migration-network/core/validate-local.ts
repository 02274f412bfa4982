import { Cidr, cidrsOverlap, invalidCidrMessage, parseCidr } from './cidr';
import {
  MAX_UINT16, MAX_VLAN_ID, MGMT_CLUSTER_NETWORK, MIN_PREFIX_LENGTH, RESERVED_RANGES
} from './constants';
import { problem } from './messages';
import { ExcludeEntry, vlanNumber } from './serialize';
import { Problem } from './types';
import { ReleaseRules } from './versions';

/** What the checks look at: the value as it will be (or was) written, with form row numbers for excludes. */
export interface Subject {
  clusterNetwork: string;
  vlan: string;
  range: string;
  excludes: ExcludeEntry[];
  /** The text Harvester would receive, for W3 messages; undefined when the form cannot be written. */
  text?: string;
  /** The IPv6 part, where the release has one (v1.10). */
  v6?: { range: string; start: string; end: string };
}

/** W3 (uint16), W4, W5 and the untagged warning; UI-only errors for text that is not a plain integer. */
export function checkVlan(subject: Subject, out: Problem[]): void {
  const { vlan: text, clusterNetwork } = subject;
  const vlan = vlanNumber(text);

  if (text === '') {
    out.push(problem('VLAN_REQUIRED'));
  } else if (vlan === undefined) {
    out.push(problem('VLAN_NOT_INTEGER', { entry: text, args: { vlan: text } }));
  } else if (vlan > MAX_UINT16) {
    out.push(problem('W3_VLAN_UINT16', {
      entry: text, args: { vlan, max: MAX_VLAN_ID }, webhookMessage: `failed to unmarshal the setting value ${ subject.text }, json: cannot unmarshal number ${ text } into Go struct field Config.vlan of type uint16`
    }));
  } else if (vlan > MAX_VLAN_ID) {
    out.push(problem('W4_VLAN_RANGE', {
      entry: text, args: { vlan, max: MAX_VLAN_ID }, webhookMessage: 'the valid value range for VLAN IDs is 0 to 4094'
    }));
  } else if (vlan <= 1 && clusterNetwork === MGMT_CLUSTER_NETWORK) {
    out.push(problem('W5_VLAN_MGMT', {
      entry: text, args: { vlan, clusterNetwork }, webhookMessage: `network with vlan id ${ vlan } not allowed on ${ clusterNetwork } cluster`
    }));
  } else if (vlan <= 1) {
    out.push(problem('VLAN_UNTAGGED', { entry: text, args: { vlan } }));
  }
}

const RESERVED = RESERVED_RANGES.map((r) => parseCidr(r) as Cidr);

/**
 * W6–W9 and the reserved-range rule. Returns the parsed IPv4 range when later checks can use it. Before v1.9 an
 * IPv6 range passes these checks (its hang comes later, at the count: `ipv6RangeHangs`).
 */
export function checkRange(subject: Subject, out: Problem[], rules?: ReleaseRules): Cidr | undefined {
  const { range: text } = subject;
  const range = parseCidr(text);

  if (text === '') {
    out.push(problem('W6_RANGE_REQUIRED', { webhookMessage: invalidCidrMessage(text) }));

    return undefined;
  }
  if (!range) {
    out.push(problem('W6_RANGE_INVALID', {
      entry: text, args: { range: text }, webhookMessage: invalidCidrMessage(text)
    }));

    return undefined;
  }
  if (!range.hostBitsZero) {
    out.push(problem('W7_RANGE_HOST_BITS', {
      entry: text, args: { range: text, network: range.networkText }, webhookMessage: `range should be subnet CIDR ${ range.networkText }`
    }));
  }
  if (range.family === 6 && (rules?.refusesIPv6Range ?? true)) {
    out.push(problem('W8_RANGE_IPV6', {
      entry: text, args: { range: text }, webhookMessage: 'IPv6 ranges are not supported for network settings'
    }));

    return undefined;
  }
  if (range.prefix < MIN_PREFIX_LENGTH) {
    out.push(problem('W9_RANGE_PREFIX', {
      entry: text,
      args:  {
        range: text, prefix: range.prefix, min: MIN_PREFIX_LENGTH
      },
      webhookMessage: `min supported prefix length for network is ${ MIN_PREFIX_LENGTH }, include Range PrefixLen received ${ range.prefix }`,
    }));
  }
  if (range.family === 6) {
    return undefined;
  }
  // One problem however many reserved ranges a wide range covers: the first names them, the count says how many.
  const overlapped = RESERVED.filter((reserved) => cidrsOverlap(range, reserved));

  if (overlapped.length) {
    out.push(problem('RESERVED_OVERLAP', {
      entry: text,
      args:  {
        range: text, reserved: overlapped[0].text, count: overlapped.length
      }
    }));
  }

  return range;
}
