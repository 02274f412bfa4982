import { describe, expect, it } from 'vitest';
import { parseValue } from '../parse';
import {
  cleanExcludes, formToValue, isSemanticallyEqual, serializeForm, vlanNumber
} from '../serialize';
import { createForm } from './factories';

const SAMPLE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';

describe('parseValue', () => {
  it.each([[''], [null], [undefined]])('%j means disabled', (raw) => {
    expect(parseValue(raw)).toStrictEqual({
      raw:  '',
      form: {
        enabled: false, clusterNetwork: '', vlan: '', range: '', exclude: []
      },
      kept:      [],
      problems:  [],
      canonical: true
    });
  });

  it('reads the canonical sample', () => {
    expect(parseValue(SAMPLE)).toStrictEqual({
      raw:   SAMPLE,
      form:  createForm(),
      kept:  [],
      value: {
        clusterNetwork: 'vm-migration', vlan: 100, range: '192.168.1.0/24', exclude: ['192.168.1.1/32']
      },
      problems:  [],
      canonical: true,
    });
  });

  it('reads docs key order and whitespace as non-canonical but valid', () => {
    const result = parseValue('{ "vlan": 100, "clusterNetwork": "vm-migration", "range": "192.168.1.0/24" }');

    expect(result.form).toStrictEqual(createForm({ exclude: [] }));
    expect(result.canonical).toBe(false);
    expect(result.problems.map((p) => p.code)).toStrictEqual(['PARSE_NON_CANONICAL']);
  });

  it.each([
    ['{', 'W3_SYNTAX', 'value', undefined],
    ['"abc"', 'W3_NOT_OBJECT', 'value', 'failed to unmarshal the setting value "abc", json: cannot unmarshal string into Go value of type network.Config'],
    ['[1]', 'W3_NOT_OBJECT', 'value', 'failed to unmarshal the setting value [1], json: cannot unmarshal array into Go value of type network.Config'],
    ['{"vlan":"100"}', 'W3_TYPE', 'vlan', 'failed to unmarshal the setting value {"vlan":"100"}, json: cannot unmarshal string into Go struct field Config.vlan of type uint16'],
    ['{"vlan":-1}', 'W3_TYPE', 'vlan', 'failed to unmarshal the setting value {"vlan":-1}, json: cannot unmarshal number -1 into Go struct field Config.vlan of type uint16'],
    ['{"vlan":70000}', 'W3_TYPE', 'vlan', 'failed to unmarshal the setting value {"vlan":70000}, json: cannot unmarshal number 70000 into Go struct field Config.vlan of type uint16'],
    ['{"vlan":1.5}', 'W3_TYPE', 'vlan', 'failed to unmarshal the setting value {"vlan":1.5}, json: cannot unmarshal number 1.5 into Go struct field Config.vlan of type uint16'],
    ['{"vlan":1e2}', 'W3_TYPE', 'vlan', 'failed to unmarshal the setting value {"vlan":1e2}, json: cannot unmarshal number 1e2 into Go struct field Config.vlan of type uint16'],
    ['{"range":5}', 'W3_TYPE', 'range', 'failed to unmarshal the setting value {"range":5}, json: cannot unmarshal number into Go struct field Config.range of type string'],
    ['{"clusterNetwork":true}', 'W3_TYPE', 'clusterNetwork', 'failed to unmarshal the setting value {"clusterNetwork":true}, json: cannot unmarshal bool into Go struct field Config.clusterNetwork of type string'],
    ['{"exclude":"10.0.0.1/32"}', 'W3_TYPE', 'exclude', 'failed to unmarshal the setting value {"exclude":"10.0.0.1/32"}, json: cannot unmarshal string into Go struct field Config.exclude of type []string'],
    ['{"exclude":[5]}', 'W3_TYPE', 'exclude', 'failed to unmarshal the setting value {"exclude":[5]}, json: cannot unmarshal number into Go struct field Config.exclude of type string'],
    ['{"exclusiveVlan":"yes"}', 'W3_TYPE', 'value', 'failed to unmarshal the setting value {"exclusiveVlan":"yes"}, json: cannot unmarshal string into Go struct field Config.exclusiveVlan of type bool'],
  ])('%s → %s', (raw, code, field, webhookMessage) => {
    const result = parseValue(raw);
    const found = result.problems.find((p) => p.code === code);

    expect(found).toMatchObject({ severity: 'error', field });
    expect(found?.webhookMessage).toBe(webhookMessage);
    expect(result.value).toBeUndefined();
    expect(result.form.enabled).toBe(true);
    expect(result.raw).toBe(raw);
  });

  it('keeps the offending text in the form', () => {
    expect(parseValue('{"vlan":"100","range":7,"exclude":["a",5,null]}').form).toMatchObject({
      vlan: '100', range: '7', exclude: ['a', '5', '']
    });
    expect(parseValue('{"exclude":{"a":1}}').form.exclude).toStrictEqual(['{"a":1}']);
  });

  it('reports unknown keys, key case, duplicates, exclusiveVlan and IPv6', () => {
    const result = parseValue('{"clusterNetwork":"a","CLUSTERNETWORK":"b","vlan":5,"range":"fd00::/64","exclude":["fd00::1/128"],"foo":1,"exclusiveVlan":true}');

    expect(result.problems.map((p) => [p.code, p.entry, p.index])).toStrictEqual([
      ['PARSE_KEY_CASE', 'CLUSTERNETWORK', undefined],
      ['PARSE_DUPLICATE_KEY', 'CLUSTERNETWORK', undefined],
      ['PARSE_UNKNOWN_KEY', 'foo', undefined],
      ['PARSE_EXCLUSIVE_VLAN', 'exclusiveVlan', undefined],
      ['PARSE_IPV6', 'fd00::/64', undefined],
      ['PARSE_IPV6', 'fd00::1/128', 0],
      ['PARSE_NON_CANONICAL', undefined, undefined],
    ]);
    expect(result.value).toStrictEqual({
      clusterNetwork: 'b', vlan: 5, range: 'fd00::/64', exclude: ['fd00::1/128']
    });
  });

  it('matches keys like Go: Kelvin sign folds to k, null leaves a field alone, missing vlan is 0', () => {
    expect(parseValue('{"clusterNetwor\u212a":"x"}').value?.clusterNetwork).toBe('x');
    expect(parseValue('{"vlan":null,"range":null,"exclude":null}').value).toStrictEqual({
      clusterNetwork: '', vlan: 0, range: '', exclude: []
    });
    expect(parseValue('{"clusterNetwork":"x"}').form.vlan).toBe('0');
    expect(parseValue('null').form).toMatchObject({ enabled: true, vlan: '0' });
  });

  it('treats a blank value as enabled and undecodable, as Harvester does', () => {
    expect(parseValue('   ').problems[0].code).toBe('W3_SYNTAX');
  });
});

describe('serializeForm', () => {
  it.each([
    [createForm(), SAMPLE],
    [createForm({ exclude: [] }), '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":[]}'],
    [createForm({ exclude: ['', ' 192.168.1.1/32 ', '  ', '192.168.1.2/32'] }), '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32","192.168.1.2/32"]}'],
    [createForm({ vlan: '0' }), '{"clusterNetwork":"vm-migration","vlan":0,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}'],
    [createForm({
      clusterNetwork: 'test-1', vlan: '1', range: '10.1.2.0/24', exclude: []
    }), '{"clusterNetwork":"test-1","vlan":1,"range":"10.1.2.0/24","exclude":[]}'],
    [createForm({ clusterNetwork: 'a"b<c' }), '{"clusterNetwork":"a\\"b<c","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}'],
    [createForm({ enabled: false }), ''],
  ])('writes the canonical text %#', (form, expected) => {
    expect(serializeForm(form)).toBe(expected);
  });

  it.each(['', 'abc', '-1', '1.5', '0100', '99999999999999999999'])('cannot write vlan %j', (vlan) => {
    expect(serializeForm(createForm({ vlan }))).toBeUndefined();
    expect(formToValue(createForm({ vlan }))).toBeUndefined();
  });

  it('returns the stored string byte for byte when nothing changed', () => {
    const docsOrder = '{"vlan":100,"clusterNetwork":"vm-migration","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';
    const spaced = `  ${ SAMPLE.replace(/,/g, ', ') }\n`;
    const withUnknown = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"],"foo":1}';

    for (const stored of [docsOrder, spaced, withUnknown, SAMPLE]) {
      expect(serializeForm(parseValue(stored).form, stored)).toBe(stored);
    }
    expect(serializeForm(createForm({ exclude: ['192.168.1.1/32', ''] }), docsOrder)).toBe(docsOrder);
    expect(serializeForm(createForm({ vlan: '101' }), docsOrder)).toBe(SAMPLE.replace('100', '101'));
    expect(serializeForm(createForm({ enabled: false }), '')).toBe('');
    expect(serializeForm(createForm({ enabled: false }), SAMPLE)).toBe('');
    expect(serializeForm(createForm(), '')).toBe(SAMPLE);
    expect(serializeForm(createForm(), '{')).toBe(SAMPLE);
  });

  it('keeps every key it does not edit, value text byte for byte, after the four it writes', () => {
    const dualStack = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"],"rangeV6":"fd00:10::/64","rangeV6Start":"fd00:10::10","rangeV6End":"fd00:10::ff"}';

    expect(serializeForm(createForm({ vlan: '200' }), dualStack)).toBe(dualStack.replace('"vlan":100', '"vlan":200'));
    expect(parseValue(dualStack).kept.map((k) => k.key)).toStrictEqual(['rangeV6', 'rangeV6Start', 'rangeV6End']);

    const odd = '{ "future" : { "a" : [1, 2.50] } , "vlan": 100, "exclusiveVlan":true, "clusterNetwork":"vm-migration","range":"192.168.1.0/24","Vlan":7 }';

    expect(serializeForm(createForm({ range: '192.168.2.0/24', exclude: [] }), odd))
      .toBe('{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.2.0/24","exclude":[],"future":{ "a" : [1, 2.50] },"exclusiveVlan":true}');
    expect(parseValue(SAMPLE.replace('}', ',"exclusiveVlan":false}')).canonical).toBe(true);
  });

  it('drops the kept keys only when disabling (an empty value is what disabled means)', () => {
    expect(serializeForm(createForm({ enabled: false }), SAMPLE.replace('}', ',"rangeV6":"fd00::/64"}'))).toBe('');
  });

  it('compares meaning, not text', () => {
    expect(isSemanticallyEqual(createForm({ enabled: false }), undefined)).toBe(true);
    expect(isSemanticallyEqual(createForm(), '{"vlan":"100"}')).toBe(false);
    expect(isSemanticallyEqual(createForm({ vlan: 'x' }), SAMPLE)).toBe(false);
    expect(isSemanticallyEqual(createForm({ exclude: ['192.168.1.2/32'] }), SAMPLE)).toBe(false);
    expect(isSemanticallyEqual(createForm({ vlan: '1' }), SAMPLE.replace('100', '0'))).toBe(false);
  });

  it('cleans exclude rows and keeps row numbers', () => {
    expect(cleanExcludes([' a ', '', 'b'])).toStrictEqual([{ text: 'a', index: 0 }, { text: 'b', index: 2 }]);
    expect(vlanNumber('4094')).toBe(4094);
  });
});
