// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { STEVE_TYPES, dualStackOf, parseValue } from '@pkg/core';
import { createSetting, VALUE } from '@pkg/core/__tests__/k8s-factories';
import { byId, createWrapper, healthyObjects } from './health-page-mount';

const DUAL = VALUE.replace('}', ',"rangeV6":"fd00:10::/64","rangeV6Start":"fd00:10::10","rangeV6End":"fd00:10::ff"}');

describe('the IPv6 part of a dual-stack value', () => {
  it.each([
    [DUAL, {
      range: 'fd00:10::/64', start: 'fd00:10::10', end: 'fd00:10::ff'
    }],
    [VALUE.replace('}', ',"rangeV6":"fd00:10::/64"}'), {
      range: 'fd00:10::/64', start: undefined, end: undefined
    }],
    [VALUE.replace('}', ',"rangeV6":""}'), undefined],
    [VALUE.replace('}', ',"rangeV6":7}'), undefined],
    [VALUE, undefined],
  ])('%s', (text, expected) => {
    expect(dualStackOf(parseValue(text).kept)).toStrictEqual(expected);
  });

  it('is shown on the health page beside the IPv4 range', async() => {
    const { wrapper } = await createWrapper({ objects: healthyObjects({ [STEVE_TYPES.setting]: [createSetting(DUAL)] }) });

    expect(byId(wrapper, 'vmmn-health-summary-range').text()).toBe('192.168.1.0/24');
    expect(byId(wrapper, 'vmmn-health-summary-range-v6').text()).toContain('rangeV6Span');
  });

  it('is absent from a single-stack value', async() => {
    const { wrapper } = await createWrapper();

    expect(byId(wrapper, 'vmmn-health-summary-range-v6').exists()).toBe(false);
  });

  it('says which release the page reads the value by, naming a version it does not know', async() => {
    const version = { metadata: { name: 'server-version' }, value: 'v1.11.0' };
    const { wrapper } = await createWrapper({ objects: healthyObjects({ [STEVE_TYPES.setting]: [createSetting(DUAL), version] }) });

    expect(byId(wrapper, 'vmmn-release').text()).toContain('releaseUnknown');
    expect(byId(wrapper, 'vmmn-release').text()).toContain('v1.11.0');
    expect(byId(wrapper, 'vmmn-health-summary-family').exists()).toBe(true);
  });
});
