// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import CapacityPanel from '../../components/CapacityPanel.vue';
import { buildClusterFacts } from '../../core';
import { checkForm } from '../adapter';
import { createShellStore, mountWithShell } from '../../../../tests/unit/shell-mount';
import { translate } from '../../../../tests/unit/translate';

const facts = buildClusterFacts({ nodes: [{ metadata: { name: 'node-1' } }, { metadata: { name: 'node-2' } }] });
const form = (range: string) => ({
  enabled: true, clusterNetwork: 'vm-migration', vlan: '100', range, exclude: []
});

describe('capacity and related errors in the editor', () => {
  it('a range over several reserved ranges is one problem that counts them, and shows no capacity', () => {
    const check = checkForm(form('10.0.0.0/8'), facts, '', translate);
    const overlaps = check.problems.filter((p) => p.code === 'RESERVED_OVERLAP');

    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].args).toEqual({
      range: '10.0.0.0/8', reserved: '10.42.0.0/16', count: 4
    });
    expect(check.capacity).toBeUndefined();
  });

  it('a saveable range shows its capacity', () => {
    expect(checkForm(form('172.16.0.0/16'), facts, '', translate).capacity?.usable).toBe(65534);
  });

  it('writes counts in the user\'s language', () => {
    const capacity = {
      usable: 65534, harvesterUsable: 65534, nodes: 1200, spare: 64334, headroomPercent: 98
    };
    const text = (locale: string) => mountWithShell(CapacityPanel, createShellStore({}, { 'i18n/current': () => locale }), { props: { capacity, nodesKnown: true } })
      .find('[data-testid="vmmn-capacity-usable"]').text();

    expect(text('en-us')).toBe('65,534');
    expect(text('de-de')).toBe('65.534');
  });
});
