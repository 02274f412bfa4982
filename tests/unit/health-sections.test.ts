// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import NodeTable from '@pkg/components/health/NodeTable.vue';
import RolloutTracker from '@pkg/components/health/RolloutTracker.vue';
import MigrationsSection from '@pkg/components/health/MigrationsSection.vue';
import SectionState from '@pkg/components/health/SectionState.vue';
import CapacitySection from '@pkg/components/health/CapacitySection.vue';
import type { HealthRow, MigrationUse, RolloutStep } from '@pkg/core';
import { createShellStore, mountWithShell } from './shell-mount';

const noop = {
  mounted() {}, updated() {}, beforeUnmount() {}
};
const directives = {
  'clean-tooltip': noop, 'clean-html': noop, 'stripped-aria-label': noop, 'trim-whitespace': noop, shortkey: noop, tooltip: noop, 'close-popper': noop, 'ui-context': noop
};

function row(node: string, overrides: Partial<HealthRow> = {}): HealthRow {
  return {
    node, witness: false, expected: true, pod: `virt-handler-${ node }`, ready: true, restarts: 0, migrationIp: '192.168.1.2', flags: [], ...overrides
  };
}

function createWrapper(component: Parameters<typeof mountWithShell>[0], props: Record<string, unknown>) {
  return mountWithShell(component, createShellStore(), { props, global: { directives } });
}

describe('NodeTable', () => {
  it('shows pod, readiness, IP and translated flag badges per node', () => {
    const wrapper = createWrapper(NodeTable, {
      rows: [
        row('node-1'),
        row('node-2', {
          pod: undefined, ready: false, migrationIp: undefined, flags: ['noPod']
        }),
        row('witness-1', {
          witness: true, expected: false, pod: undefined, migrationIp: undefined
        }),
      ]
    });

    expect(wrapper.find('[data-testid="vmmn-health-node-pod-node-1"]').text()).toBe('virt-handler-node-1');
    expect(wrapper.find('[data-testid="vmmn-health-node-ready-node-1"]').text()).toBe('%vmMigrationNetwork.health.nodes.yes%');
    expect(wrapper.find('[data-testid="vmmn-health-node-ip-node-1"]').text()).toBe('192.168.1.2');
    expect(wrapper.find('[data-testid="vmmn-health-node-flags-node-1"]').text()).toBe('%vmMigrationNetwork.health.nodes.ok%');
    expect(wrapper.find('[data-testid="vmmn-health-node-flag-node-2-noPod"]').text()).toBe('%vmMigrationNetwork.health.flags.noPod%');
    expect(wrapper.find('[data-testid="vmmn-health-node-flags-witness-1"]').text()).toBe('%vmMigrationNetwork.health.nodes.witness%');
  });

  it('filters to rows with problems', async() => {
    const wrapper = createWrapper(NodeTable, { rows: [row('node-1'), row('node-2', { flags: ['oldConfig'] })] });

    await wrapper.find('[data-testid="vmmn-health-nodes-only-problems"] .checkbox-container').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="vmmn-health-node-node-1"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="vmmn-health-node-node-2"]').exists()).toBe(true);
  });

  it('pages 1,000 nodes instead of rendering them all', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(`node-${ String(i).padStart(4, '0') }`, { migrationIp: `192.168.${ i >> 8 }.${ i & 255 }` }));
    const started = performance.now();
    const wrapper = createWrapper(NodeTable, { rows });

    expect(wrapper.findAll('[data-testid^="vmmn-health-node-ip-"]')).toHaveLength(50);
    expect(wrapper.find('[data-testid="vmmn-health-node-node-0000"]').exists()).toBe(true);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('RolloutTracker', () => {
  const steps: RolloutStep[] = [
    {
      id: 'configured', state: 'done', time: '2026-03-10T09:00:01Z'
    },
    { id: 'nad', state: 'done' },
    { id: 'kubeVirt', state: 'inProgress' },
    {
      id:     'pods',
      state:  'blocked',
      done:   6,
      total:  7,
      reason: {
        key:  'sandbox',
        args: {
          pod: 'virt-handler-x', node: 'node-7', message: 'Could not allocate IP in range'
        }
      }
    },
    { id: 'ready', state: 'inProgress' },
  ];

  it('shows each step with its state, count and the blocking reason', () => {
    const wrapper = createWrapper(RolloutTracker, { steps, eventsReadable: true });

    expect(wrapper.find('[data-testid="vmmn-health-rollout-state-configured"]').text()).toBe('%vmMigrationNetwork.health.rollout.states.done%');
    expect(wrapper.find('[data-testid="vmmn-health-rollout-state-pods"]').text()).toBe('%vmMigrationNetwork.health.rollout.states.blocked%');
    expect(wrapper.find('[data-testid="vmmn-health-rollout-count-pods"]').text()).toBe('%vmMigrationNetwork.health.rollout.count(done: 6, total: 7)%');
    expect(wrapper.find('[data-testid="vmmn-health-rollout-reason-pods"]').text()).toBe('%vmMigrationNetwork.health.rollout.reasons.sandbox(pod: virt-handler-x, node: node-7, message: Could not allocate IP in range)%');
    expect(wrapper.find('[data-testid="vmmn-health-rollout-no-events"]').exists()).toBe(false);
  });

  it('says when events cannot be read', () => {
    const wrapper = createWrapper(RolloutTracker, { steps, eventsReadable: false });

    expect(wrapper.find('[data-testid="vmmn-health-rollout-no-events"]').text()).toBe('%vmMigrationNetwork.health.rollout.noEvents%');
  });
});

describe('MigrationsSection', () => {
  it('says when nothing runs and when a path is unknown', () => {
    const recent: MigrationUse[] = [{
      vmi: 'default/vm-a', completed: true, failed: true, targetNodeAddress: '192.168.1.3'
    }];
    const wrapper = createWrapper(MigrationsSection, {
      running: [], recent, share: { known: 0, viaNetwork: 0 }
    });

    expect(wrapper.find('[data-testid="vmmn-health-migrations-running-none"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vmmn-health-migration-path-default/vm-a"]').text()).toBe('%vmMigrationNetwork.health.migrations.pathUnknown%');
    expect(wrapper.find('[data-testid="vmmn-health-migrations-share"]').text()).toBe('%vmMigrationNetwork.health.migrations.shareUnknown%');
  });

  it('has one empty-state line when there is no recent migration, not two', () => {
    const wrapper = createWrapper(MigrationsSection, {
      running: [], recent: [], share: { known: 0, viaNetwork: 0 }
    });

    expect(wrapper.find('[data-testid="vmmn-health-migrations-recent-none"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vmmn-health-migrations-share"]').exists()).toBe(false);
  });
});

describe('SectionState', () => {
  it('shows the content only when every type could be read', () => {
    const slots = { default: '<p data-testid="content">x</p>' };
    const ok = mountWithShell(SectionState, createShellStore(), {
      props: {
        section: 'nodes', title: 'T', states: [{ type: 'node', availability: 'ready' }]
      },
      slots
    });
    const denied = mountWithShell(SectionState, createShellStore(), {
      props: {
        section: 'nodes',
        title:   'T',
        states:  [{ type: 'node', availability: 'forbidden' }, {
          type: 'pod', availability: 'error', error: 'boom'
        }]
      },
      slots
    });

    expect(ok.find('[data-testid="content"]').exists()).toBe(true);
    expect(denied.find('[data-testid="content"]').exists()).toBe(false);
    expect(denied.find('[data-testid="vmmn-health-nodes-forbidden"]').exists()).toBe(true);
    expect(denied.find('[data-testid="vmmn-health-nodes-error"]').exists()).toBe(true);
  });
});

describe('CapacitySection', () => {
  it('names a shortfall of addresses instead of a negative headroom', () => {
    const capacity = {
      usable: 5, allocated: 5, free: 0, nodes: 6, headroom: -1
    };
    const headroom = mountWithShell(CapacitySection, createShellStore({}), { props: { capacity, leaks: [] } }).find('[data-testid="vmmn-health-capacity-headroom"]');

    expect(headroom.text()).toBe('%vmMigrationNetwork.health.capacity.short(missing: 1, nodes: 6)%');
    expect(headroom.classes()).toContain('text-error');
  });
});
