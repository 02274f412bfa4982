import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey } from '../go-json';
import { parseValue } from '../parse';
import { serializeForm } from '../serialize';
import { FormState } from '../types';

const RUNS = 500;
const EDITED = new Set(['clusterNetwork', 'vlan', 'range', 'exclude'].map(foldKey));

/** Keys the form does not edit: any name that Go would not match to one of the four edited fields. */
const extraKey = fc.oneof(fc.constantFrom('rangeV6', 'rangeV6Start', 'rangeV6End', 'exclusiveVlan', 'future'), fc.string({ minLength: 1, maxLength: 12 }))
  .filter((key) => !EDITED.has(foldKey(key)));

/** A value as some other writer might format it: any JSON, compact or indented. */
const extraText = fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(0, 1, 2)).map(([value, indent]) => JSON.stringify(value, null, indent));

const storedArb = fc.record({
  known: fc.record({
    clusterNetwork: fc.string({ maxLength: 12 }), vlan: fc.integer({ min: 0, max: 4094 }), range: fc.string({ maxLength: 18 }), exclude: fc.array(fc.string({ minLength: 1, maxLength: 18 }).filter((s) => s.trim() === s), { maxLength: 3 }),
  }),
  extras: fc.uniqueArray(fc.tuple(extraKey, extraText), {
    minLength: 1, maxLength: 5, selector: ([key]) => foldKey(key)
  }),
  extrasFirst: fc.boolean(),
}).map(({ known, extras, extrasFirst }) => {
  const knownParts = Object.entries(known).map(([key, value]) => `${ JSON.stringify(key) }:${ JSON.stringify(value) }`);
  const extraParts = extras.map(([key, text]) => `${ JSON.stringify(key) }: ${ text }`);
  const parts = extrasFirst ? [...extraParts, ...knownParts] : [...knownParts, ...extraParts];

  return { text: `{${ parts.join(', ') }}`, extras: extras.map(([key, raw]) => ({ key, raw })) };
});

const editArb = fc.record({
  clusterNetwork: fc.string({ maxLength: 12 }),
  vlan:           fc.integer({ min: 0, max: 4094 }).map(String),
  range:          fc.string({ maxLength: 18 }),
  exclude:        fc.array(fc.string({ minLength: 1, maxLength: 18 }).filter((s) => s.trim() === s), { maxLength: 3 }),
});

describe('property: a save keeps every key the form does not edit', () => {
  it(`for any stored object with extra keys and any edit of the known fields, every extra key survives byte-identical, ${ RUNS } runs`, () => {
    fc.assert(fc.property(storedArb, editArb, ({ text, extras }, edit) => {
      const form: FormState = { enabled: true, ...edit };
      const written = serializeForm(form, text) as string;
      const reread = parseValue(written);

      expect(reread.kept).toStrictEqual(extras);
      expect(reread.form).toStrictEqual(form);
      expect(written.startsWith(JSON.stringify({
        clusterNetwork: form.clusterNetwork, vlan: Number(form.vlan), range: form.range, exclude: form.exclude
      }).slice(0, -1))).toBe(true);
    }), { numRuns: RUNS });
  });

  it(`an unchanged form writes the stored text itself (nothing to save), ${ RUNS } runs`, () => {
    fc.assert(fc.property(storedArb, ({ text }) => {
      const parsed = parseValue(text);

      fc.pre(parsed.value !== undefined);
      expect(serializeForm(parsed.form, text)).toBe(text);
    }), { numRuns: RUNS });
  });
});
