import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4Text, parseCidr } from '../cidr';
import { CORE_L10N_KEYS } from '../messages';
import { parseValue } from '../parse';
import { serializeForm } from '../serialize';
import { ClusterFacts, FormState, MigrationNetworkValue, Problem } from '../types';
import { validateForm, validateValue, isWebhookRule } from '../validate';
import { createClusterNetwork, createNodes } from './factories';
import { enumerateUsable, enumerateWhereabouts, referenceWebhook } from './webhook-reference';

/** Property-test runs per property; the total is printed in the test names. */
export const RUNS = {
  parity: 400, roundTrip: 500, neverThrows: 1000
};

/** Every emitted problem has a known l10n key and exactly the declared arguments. */
function expectTranslatable(problems: Problem[]): void {
  for (const p of problems) {
    expect(Object.keys(p.args).sort()).toStrictEqual([...(CORE_L10N_KEYS[p.key] ?? ['<unknown key>'])].sort());
  }
}

const cidrText = (ip: number, prefix: number) => `${ ipv4Text(ip >>> 0) }/${ prefix }`;

/** A range near 10.x / 172.x / 192.168.x with prefix /14–/30, sometimes with host bits, sometimes broken. */
const rangeArb = fc.record({
  base:   fc.constantFrom(0x0a000000, 0xac100000, 0xc0a80000, 0x0a2a0000),
  offset: fc.integer({ min: 0, max: 0x3ffff }),
  prefix: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 16, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 12, max: 15 }) }),
  kind:   fc.oneof({ weight: 12, arbitrary: fc.constant('ok') }, { weight: 1, arbitrary: fc.constantFrom('hostBits', 'bad') }),
}).map(({
  base, offset, prefix, kind
}) => {
  const mask = (0xffffffff << (32 - prefix)) >>> 0;
  const network = ((base + offset) & mask) >>> 0;

  if (kind === 'bad') {
    return `${ ipv4Text(network) }`;
  }

  return cidrText(kind === 'hostBits' ? network + 1 : network, prefix);
});

/** Excludes mostly inside the range, sometimes bare, outside, too wide, overlapping. */
function excludesArb(range: string) {
  const r = parseCidr(range);
  const network = r?.family === 4 ? r.network : 0x0a000000;
  const size = r?.family === 4 ? r.broadcast - r.network + 1 : 256;
  const base = r?.prefix ?? 24;

  return fc.array(fc.record({
    at:     fc.integer({ min: 0, max: Math.max(0, size - 1) }),
    prefix: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 10 }).map((k) => Math.min(32, base + k)) }, { weight: 1, arbitrary: fc.integer({ min: 14, max: 32 }) }),
    kind:   fc.oneof({ weight: 12, arbitrary: fc.constantFrom('aligned', 'literal') }, { weight: 1, arbitrary: fc.constantFrom('bare', 'outside') }),
  }).map(({ at, prefix, kind }) => {
    const ip = (network + at) >>> 0;
    const mask = (0xffffffff << (32 - prefix)) >>> 0;

    switch (kind) {
    case 'aligned':
      return cidrText((ip & mask) >>> 0, prefix);
    case 'literal':
      return cidrText(ip, prefix);
    case 'bare':
      return ipv4Text(ip);
    default:
      return cidrText((ip + 0x01000000) >>> 0, Math.max(prefix, 16));
    }
  }), { maxLength: 5 });
}

const caseArb = rangeArb.chain((range) => fc.record({
  range:     fc.constant(range),
  exclude:   excludesArb(range),
  nodes:     fc.integer({ min: 0, max: 70 }),
  witnesses: fc.integer({ min: 0, max: 2 }),
  vlan:      fc.oneof({ weight: 8, arbitrary: fc.constant(100) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 4094, 4095) }),
  cn:        fc.constantFrom('vm-migration', 'vm-migration', 'vm-migration', 'mgmt'),
  storage:   fc.option(fc.constantFrom('10.0.0.0/24', '172.16.0.0/16', '192.168.0.0/16'), { nil: undefined }),
}));

function factsFor(nodes: number, witnesses: number, storage?: string): ClusterFacts {
  const list = createNodes(nodes, witnesses);

  return {
    nodes:                list,
    clusterNetworks:      [createClusterNetwork('vm-migration', list)],
    peers:                { storageNetwork: storage ? JSON.stringify({ range: storage, exclude: [] }) : '' },
    migrationsInProgress: [],
  };
}

describe('property: validation agrees with the enumerating reference (webhook parity)', () => {
  it(`same verdict and same first message as the reference, ${ RUNS.parity } runs`, () => {
    fc.assert(fc.property(caseArb, (c) => {
      const facts = factsFor(c.nodes, c.witnesses, c.storage);
      const value: MigrationNetworkValue = {
        clusterNetwork: c.cn, vlan: c.vlan, range: c.range, exclude: c.exclude
      };
      const expected = referenceWebhook(value, facts, enumerateUsable);
      const form: FormState = {
        enabled: true, clusterNetwork: c.cn, vlan: String(c.vlan), range: c.range, exclude: c.exclude
      };
      const result = validateForm(form, facts);

      expect(result.webhookMessage).toBe(expected);
      expectTranslatable(result.problems);
      expect(result.problems.some((p) => isWebhookRule(p.code))).toBe(expected !== undefined);
      expect(validateValue(serializeForm(form), facts).webhookMessage).toBe(expected);
    }), { numRuns: RUNS.parity });
  });

  it(`usable counts equal the enumerated sets (webhook and Whereabouts), ${ RUNS.parity } runs`, () => {
    fc.assert(fc.property(caseArb, (c) => {
      const range = parseCidr(c.range);

      fc.pre(!!range && range.family === 4 && range.hostBitsZero && range.prefix >= 16);
      const valid = c.exclude.filter((e) => parseCidr(e)?.family === 4);
      const result = validateForm({
        enabled: true, clusterNetwork: 'mgmt', vlan: '100', range: c.range, exclude: valid
      }, {});
      const inside = valid.filter((e) => {
        const ex = parseCidr(e);

        return !!ex && ex.prefix > (range?.prefix ?? 0) && ex.prefix >= 16 && ex.network >= (range?.network ?? 0) && ex.broadcast <= (range?.broadcast ?? 0) && ex.strictPrefix;
      });

      if (inside.length === valid.length && !result.problems.some((p) => p.field === 'exclude' && p.severity === 'error')) {
        expect(result.plan?.webhookUsable).toBe(enumerateUsable(c.range, valid).size);
        expect(result.plan?.usable).toBe(enumerateWhereabouts(c.range, valid).size);
      }
    }), { numRuns: RUNS.parity });
  });
});

const formArb = fc.record({
  enabled:        fc.constant(true),
  clusterNetwork: fc.string({ maxLength: 20 }),
  vlan:           fc.integer({ min: 0, max: 65535 }).map(String),
  range:          fc.oneof(fc.string({ maxLength: 20 }), rangeArb),
  exclude:        fc.array(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s), { maxLength: 5 }),
});

describe('property: parse(serialize(x)) round-trips', () => {
  it(`a form survives serialize → parse, ${ RUNS.roundTrip } runs`, () => {
    fc.assert(fc.property(formArb, (form) => {
      const text = serializeForm(form) as string;
      const parsed = parseValue(text);

      expect(parsed.form).toStrictEqual({ ...form, exclude: [...form.exclude] });
      expect(parsed.canonical).toBe(true);
      expect(serializeForm(parsed.form, text)).toBe(text);
    }), { numRuns: RUNS.roundTrip });
  });

  it(`an unchanged stored value is written back byte for byte, ${ RUNS.roundTrip } runs`, () => {
    const stored = fc.record({
      clusterNetwork: fc.string(), vlan: fc.integer({ min: 0, max: 4094 }), range: fc.string(), exclude: fc.array(fc.string({ minLength: 1 }).filter((s) => s.trim() === s)), extra: fc.jsonValue()
    }).chain((v) => fc.shuffledSubarray(Object.entries(v), { minLength: 2 }).map((entries) => JSON.stringify(Object.fromEntries(entries), null, entries.length % 2 ? 2 : 0)));

    fc.assert(fc.property(stored, (text) => {
      const parsed = parseValue(text);

      fc.pre(parsed.value !== undefined);
      expect(serializeForm(parsed.form, text)).toBe(text);
    }), { numRuns: RUNS.roundTrip });
  });
});

describe('property: parse never throws', () => {
  const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v)));
  const nearConfig = fc.dictionary(fc.constantFrom('clusterNetwork', 'vlan', 'range', 'exclude', 'exclusiveVlan', 'VLAN', 'x'), fc.jsonValue()).map((o) => JSON.stringify(o));

  it(`on arbitrary strings and JSON, ${ RUNS.neverThrows } runs`, () => {
    fc.assert(fc.property(fc.oneof(anyText, nearConfig), (text) => {
      const result = parseValue(text);

      expect(result.raw).toBe(text);
      expect(result.form.enabled).toBe(text !== '');
      expectTranslatable(validateValue(text, {}).problems);
    }), { numRuns: RUNS.neverThrows });
  });
});
