import { describe, expect, it } from 'vitest';
import { configuredCondition, controllerCaughtUp } from '../setting-state';
import { VMN_HASH_ANNOTATION } from '../constants';

const DOCS = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';
const setting = (value: string, hash?: string) => ({ value, metadata: { annotations: hash === undefined ? undefined : { [VMN_HASH_ANNOTATION]: hash } } });

describe('controllerCaughtUp', () => {
  it.each([
    ['fresh install: no annotation, empty value (the controller skips it)', setting(''), undefined],
    ['value saved, controller not run yet', setting(DOCS), false],
    ['controller processed the value', setting(DOCS, '8c1ea792c2687e9c20718d6a2505514fb53e7d91'), true],
    ['value changed since', setting(DOCS, 'ec8322fb6b741f94739cbb904fc73c3fda864d6d'), false],
    ['disabled and processed', setting('', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'), true],
  ])('%s', (_case, input, expected) => {
    expect(controllerCaughtUp(input)).toBe(expected);
  });
});

describe('configuredCondition', () => {
  it('finds the configured condition among others and tolerates none', () => {
    const failed = {
      type: 'configured', status: 'False', reason: 'CreateNadError'
    };

    expect(configuredCondition({ status: { conditions: [{ type: 'other', status: 'True' }, failed] } })).toBe(failed);
    expect(configuredCondition({})).toBeUndefined();
    expect(configuredCondition(undefined)).toBeUndefined();
  });
});
