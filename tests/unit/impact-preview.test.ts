// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import ImpactPreview from '@pkg/components/ImpactPreview.vue';
import { valueChanges } from '@pkg/core';
import { createShellStore, mountWithShell } from './shell-mount';

const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';
const NAD = '{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}}';

function mountPreview(props: Record<string, unknown>) {
  return mountWithShell(ImpactPreview, createShellStore(), {
    props: {
      value: VALUE, previousValue: '', nadConfig: NAD, restarting: ['node-0', 'node-1', 'node-2'], changes: valueChanges('', VALUE), migrations: [], confirmed: false, ...props
    }
  });
}

const text = (wrapper: ReturnType<typeof mountPreview>, id: string) => wrapper.find(`[data-testid="${ id }"]`).text();

describe('ImpactPreview', () => {
  it('lays the value and the NAD config out one key a line, never cut inside a word', () => {
    const wrapper = mountPreview({});

    expect(text(wrapper, 'vmmn-impact-value').split('\n')).toStrictEqual([
      '{', '  "clusterNetwork": "vm-migration",', '  "vlan": 100,', '  "range": "192.168.1.0/24",', '  "exclude": [', '    "192.168.1.1/32"', '  ]', '}',
    ]);
    expect(text(wrapper, 'vmmn-impact-nad')).toContain('\n    "type": "whereabouts",\n');
  });

  it('counts the nodes that restart, and says "every node" when it cannot count them', () => {
    expect(text(mountPreview({}), 'vmmn-impact-restart')).toBe('%vmMigrationNetwork.impact.restart(nodes: 3)%');
    expect(text(mountPreview({ restarting: undefined }), 'vmmn-impact-restart')).toBe('%vmMigrationNetwork.impact.restartEveryNode%');
    expect(text(mountPreview({
      value: '', previousValue: VALUE, restarting: undefined
    }), 'vmmn-impact-restart')).toBe('%vmMigrationNetwork.impact.disableEveryNode%');
  });

  it('names the nodes that restart, the first eight and how many more', () => {
    expect(text(mountPreview({}), 'vmmn-impact-nodes')).toBe('%vmMigrationNetwork.impact.nodes(names: node-0, node-1, node-2, more: 0)%');
    const many = Array.from({ length: 11 }, (_, i) => `n${ i }`);

    expect(text(mountPreview({ restarting: many }), 'vmmn-impact-nodes')).toBe('%vmMigrationNetwork.impact.nodes(names: n0, n1, n2, n3, n4, n5, n6, n7, more: 3)%');
  });

  it('shows each field now and after saving, the changed ones marked', () => {
    const wrapper = mountPreview({
      previousValue: VALUE, value: VALUE.replace('100', '200'), changes: valueChanges(VALUE, VALUE.replace('100', '200'))
    });
    const row = (field: string) => wrapper.find(`[data-testid="vmmn-impact-change-${ field }"]`);

    expect(row('vlan').findAll('td').map((td) => td.text())).toEqual(['100', '200']);
    expect(row('vlan').attributes('data-changed')).toBe('true');
    expect(row('range').attributes('data-changed')).toBe('false');
    expect(row('state').findAll('td').map((td) => td.text())).toEqual(['%vmMigrationNetwork.impact.state.enabled%', '%vmMigrationNetwork.impact.state.enabled%']);
    expect(wrapper.findAll('[data-testid^="vmmn-impact-change-"]')).toHaveLength(5);
  });

  it('shows text that is not JSON as it is', () => {
    expect(text(mountPreview({ value: '', previousValue: '{"vlan":' }), 'vmmn-impact-previous')).toBe('{"vlan":');
  });
});
