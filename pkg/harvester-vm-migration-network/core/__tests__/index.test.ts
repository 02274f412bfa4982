import { describe, expect, it } from 'vitest';
import * as core from '../index';

describe('public API', () => {
  it('exports the functions the UI wires on', () => {
    for (const name of ['parseValue', 'serializeForm', 'validateForm', 'validateValue', 'sha1Hex', 'nadConfig', 'buildClusterFacts', 'buildHealth', 'planSegments', 'countUsable', 'parseCidr']) {
      expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
    }
    expect(core.SETTING_ID).toBe('vm-migration-network');
    expect(core.STEVE_TYPES.nad).toBe('k8s.cni.cncf.io.networkattachmentdefinition');
  });

  it('round-trips the sample through the public API', () => {
    const stored = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';
    const { form } = core.parseValue(stored);

    expect(core.serializeForm(form, stored)).toBe(stored);
    expect(core.sha1Hex(stored)).toBe('8c1ea792c2687e9c20718d6a2505514fb53e7d91');
  });
});
