import { readV6, V6Form } from './dual-stack';
import { foldKey, goTypeError } from './go-json';
import { parseValue } from './parse';
import { FormState, Problem } from './types';
import { ReleaseRules } from './versions';

/** Release fields the form does not hold (kept keys), by their Go names. */
const KEPT_FIELDS = ['exclusiveVlan', 'rangeV6', 'rangeV6Start', 'rangeV6End'];

const goName = (key: string) => KEPT_FIELDS.find((name) => foldKey(name) === foldKey(key));

/**
 * What the save writes back without the form holding it: a stored key of the release's struct that is not of its
 * Go type (`"exclusiveVlan":"yes"` on v1.9, `"rangeV6":7` on v1.10) is the webhook's type error on the value to be
 * written; and where the form does not edit the IPv6 part, that part as stored (the window still counts).
 */
export function keptKeyChecks(form: FormState, stored: string | null | undefined, value: string | undefined, rules: ReleaseRules): { problems: Problem[]; v6?: V6Form } {
  // Most values have neither key: skip the second parse (validation runs on every keystroke).
  if (!stored || !/exclusivevlan|rangev6/.test(foldKey(stored))) {
    return { problems: [] };
  }
  const parsed = parseValue(stored, rules);
  const problems = parsed.problems.filter((p) => {
    const name = p.code === 'W3_TYPE' ? goName(p.entry ?? '') : undefined;

    return !!name && !(form.v6 && name.startsWith('rangeV6'));
  }).map((p) => {
    const name = goName(p.entry ?? '') as string;
    const { got, expected } = p.args as { got: string; expected: string };

    return value === undefined ? p : { ...p, webhookMessage: `failed to unmarshal the setting value ${ value }, ${ goTypeError(got, name, expected) }` };
  });

  return { problems, v6: rules.dualStack && !form.v6 ? readV6(parsed.kept).part : undefined };
}
