// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import ImpactPreview from '@pkg/components/ImpactPreview.vue';
import { createShellStore, mountWithShell } from './shell-mount';

const VALUE = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}';
const NAD = '{"cniVersion":"0.3.1","type":"bridge","bridge":"vm-migration-br","promiscMode":true,"vlan":100,"ipam":{"type":"whereabouts","range":"192.168.1.0/24","exclude":["192.168.1.1/32"]}}';

function mountPreview(props: Record<string, unknown>) {
  return mountWithShell(ImpactPreview, createShellStore(), {
    props: {
      value: VALUE, previousValue: '', nadConfig: NAD, nodes: 3, migrations: [], confirmed: false, ...props
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
    expect(text(mountPreview({ nodes: undefined }), 'vmmn-impact-restart')).toBe('%vmMigrationNetwork.impact.restartEveryNode%');
    expect(text(mountPreview({
      value: '', previousValue: VALUE, nodes: undefined
    }), 'vmmn-impact-restart')).toBe('%vmMigrationNetwork.impact.disableEveryNode%');
  });

  it('shows text that is not JSON as it is', () => {
    expect(text(mountPreview({ value: '', previousValue: '{"vlan":' }), 'vmmn-impact-previous')).toBe('{"vlan":');
  });
});
