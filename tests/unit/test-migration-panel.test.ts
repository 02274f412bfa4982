// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { computed, defineComponent, h, ref } from 'vue';
import TestMigrationPanel from '@pkg/components/health/TestMigrationPanel.vue';
import { useTestMigration } from '@pkg/composables/useTestMigration';
import { parseCidr } from '@pkg/core';
import type { Cidr, HealthRow, VirtualMachineInstance, VirtualMachineInstanceMigration } from '@pkg/core';
import { createShellStore, mountWithShell } from './shell-mount';

const noop = {
  mounted() {}, updated() {}, beforeUnmount() {}
};
const directives = {
  'clean-tooltip': noop, 'clean-html': noop, 'stripped-aria-label': noop, 'trim-whitespace': noop, shortkey: noop, tooltip: noop, 'close-popper': noop, 'ui-context': noop
};
const T = 'vmMigrationNetwork.health.testMigration';

const vmi = (name: string, node: string, live: { status: string; reason?: string; message?: string } = { status: 'True' }): VirtualMachineInstance => ({
  metadata: { name, namespace: 'default' },
  spec:     { domain: { memory: { guest: '4Gi' } } },
  status:   {
    phase: 'Running', nodeName: node, conditions: [{ type: 'Ready', status: 'True' }, { type: 'LiveMigratable', ...live }]
  },
});
const row = (node: string, migrationIp?: string): HealthRow => ({
  node, witness: false, expected: true, ready: true, restarts: 0, migrationIp, flags: []
});

interface Call { url: string; method: string; data?: unknown }

/** The shell's request rejects with a plain object carrying the HTTP status, not an Error. */
const DISCONNECTED = { _status: 503, message: 'cluster agent disconnected' };

/**
 * The panel on the real composable; only the transport is a stub, answering as Steve and Harvester's API would (a
 * list, one VMI, the action's empty 204 or its error), and recording what was sent.
 */
function setup(opts: { kubeVirtReady?: boolean; refuse?: { _status: number; data: string }; listFails?: boolean; known?: boolean; mayMigrate?: (id: string) => boolean } = {}) {
  const calls: Call[] = [];
  const vmims = ref<VirtualMachineInstanceMigration[]>([]);
  const request = (o: Call) => {
    calls.push(o);
    if (o.url.includes('/kubevirt.io.virtualmachineinstances?')) {
      return opts.listFails ? Promise.reject(DISCONNECTED) : Promise.resolve({
        data: [vmi('vm-01', 'n0'), vmi('vm-local', 'n0', {
          status: 'False', reason: 'DisksNotLiveMigratable', message: 'cannot migrate VMI: PVC d is not shared'
        })]
      });
    }
    if (o.url.endsWith('?action=findMigratableNodes')) {
      // Harvester's own check leaves out node n2 (say, cordoned).
      return Promise.resolve({ nodes: ['n1'] });
    }
    if (o.method === 'POST') {
      return opts.refuse ? Promise.reject(opts.refuse) : Promise.resolve({});
    }

    return Promise.resolve(vmi('vm-01', 'n0'));
  };
  let test!: ReturnType<typeof useTestMigration>;
  const Host = defineComponent({
    setup() {
      test = useTestMigration({
        clusterId:      computed(() => 'c-harv2'),
        request,
        vmims:          computed(() => vmims.value),
        rows:           computed(() => [row('n0', '192.168.1.2'), row('n1', '192.168.1.3'), row('n2', '192.168.1.4'), row('n3')]),
        enabled:        computed(() => true),
        range:          computed(() => parseCidr('192.168.1.0/24') as Cidr),
        clusterNetwork: computed(() => 'vm-migration'),
        known:          computed(() => opts.known ?? true),
        kubeVirtReady:  computed(() => opts.kubeVirtReady ?? true),
        mayMigrate:     opts.mayMigrate,
        configured:     computed(() => true),
        rollingOut:     computed(() => false),
      });

      return () => h(TestMigrationPanel, { test });
    },
  });
  // The shell's select needs vue-select, which only the running dashboard registers; the choice is made on the composable.
  const wrapper = mountWithShell(Host, createShellStore(), { global: { directives, stubs: { LabeledSelect: true, t: true } } });
  const text = (testid: string) => wrapper.find(`[data-testid="${ testid }"]`).text();

  return {
    wrapper, calls, vmims, text, test: () => test
  };
}

const migration = (phase: string, state: Record<string, unknown> = {}): VirtualMachineInstanceMigration => ({
  metadata: {
    name: 'vm-01-abcde', namespace: 'default', uid: 'u1', creationTimestamp: '2026-12-07T10:00:00Z'
  },
  spec:   { vmiName: 'vm-01' },
  status: {
    phase, phaseTransitionTimestamps: [{ phase: 'Pending', phaseTransitionTimestamp: '2026-12-07T10:00:00Z' }], migrationState: state
  },
});

describe('the test-migration panel', () => {
  it('offers the live-migratable VM, lists the other with KubeVirt\'s reason, and offers only targets with an address', async() => {
    const { wrapper, test, text } = setup();

    await wrapper.find('[data-testid="vmmn-test-migration-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="vmmn-test-migration-open"]').exists()).toBe(false);
    expect(test().vm.value).toBe('default/vm-01');
    expect(test().targets.value).toEqual(['n1']);
    expect(text('vmmn-test-migration-not-offered-default/vm-local')).toBe(`%${ T }.notOfferedItem(vm: default/vm-local, node: n0, why: %${ T }.why.condition(reason: DisksNotLiveMigratable, message: cannot migrate VMI: PVC d is not shared)%)%`);
    expect(text('vmmn-test-migration-confirm')).toBe(`%${ T }.confirmAny(vm: default/vm-01, source: n0)%`);
    expect(wrapper.find('[data-testid="vmmn-test-migration-start"]').attributes('disabled')).toBeUndefined();
  });

  it('KubeVirt not ready: the blocker is named, Start is disabled and nothing is sent', async() => {
    const { wrapper, test, calls } = setup({ kubeVirtReady: false });

    await test().open();
    await flushPromises();
    expect(wrapper.find('[data-testid="vmmn-test-migration-blocker-kubeVirtNotReady"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vmmn-test-migration-confirm"]').exists()).toBe(false);
    await wrapper.find('[data-testid="vmmn-test-migration-start"]').trigger('click');
    expect(calls.filter((c) => c.url.endsWith('?action=migrate'))).toEqual([]);
  });

  // Harvester's handlers write a refusal as plain text; the shell rejects with it as `data`.
  it('a refusal is shown as the server gave it, with its status, and the choice stays', async() => {
    const { test, text } = setup({ refuse: { _status: 500, data: 'KubeVirt is not ready' } });

    await test().open();
    await test().start();
    await flushPromises();
    expect(text('vmmn-test-migration-refusal')).toBe(`%${ T }.refusedStatus(status: 500, message: KubeVirt is not ready)%`);
    expect(test().step.value).toBe('choose');
    expect(test().vm.value).toBe('default/vm-01');
  });

  it('a list that cannot be read says why and offers to try again', async() => {
    const { test, text, wrapper } = setup({ listFails: true });

    await test().open();
    await flushPromises();
    expect(text('vmmn-test-migration-load-error')).toContain(`%${ T }.loadFailed(message: cluster agent disconnected)%`);
    expect(wrapper.find('[data-testid="vmmn-test-migration-retry"]').exists()).toBe(true);
  });

  it('starts with Harvester\'s action, waits for the migration, then follows it to its verdict', async() => {
    const {
      test, text, calls, vmims, wrapper
    } = setup();

    vmims.value = [{ ...migration('Succeeded'), metadata: { ...migration('Succeeded').metadata, uid: 'old' } }];
    await test().open();
    test().target.value = 'n1';
    await test().start();
    await flushPromises();
    expect(calls.find((c) => c.url.endsWith('?action=migrate'))).toEqual({
      url: '/k8s/clusters/c-harv2/v1/harvester/kubevirt.io.virtualmachines/default/vm-01?action=migrate', method: 'POST', data: { nodeName: 'n1' }, timeout: 30000
    });
    // The earlier migration of vm-01 is not the one this test started.
    expect(wrapper.find('[data-testid="vmmn-test-migration-waiting"]').exists()).toBe(true);
    vmims.value = [...vmims.value, migration('Running')];
    await flushPromises();
    expect(text('vmmn-follow-verdict')).toBe(`%${ T }.verdict.running(phase: Running)%`);
    vmims.value = [vmims.value[0], migration('Failed', {
      migrationUid: 'u1', targetNode: 'n1', targetNodeAddress: '192.168.1.3', failed: true, completed: true, failureReason: 'client socket is closed'
    })];
    await flushPromises();
    expect(text('vmmn-follow-verdict')).toBe(`%${ T }.verdict.failed(reason: client socket is closed)%`);
    test().close();
  });

  it('a migration whose VMIM disappears before it ended reads as aborted', async() => {
    const { test, text, vmims } = setup();

    await test().open();
    await test().start();
    vmims.value = [migration('Running')];
    await flushPromises();
    vmims.value = [];
    await flushPromises();
    expect(text('vmmn-follow-verdict')).toBe(`%${ T }.verdict.aborted%`);
    test().close();
  });

  it('offers only VMs the user may migrate, and claims nothing before the cluster\'s state is read', async() => {
    const { test, wrapper } = setup({ known: false, mayMigrate: (id) => id !== 'default/vm-01' });

    await test().open();
    await flushPromises();
    expect(test().candidates.value.offered).toEqual([]);
    expect(test().candidates.value.refused.map((r) => r.id)).toEqual(['default/vm-local']);
    expect(wrapper.find('[data-testid="vmmn-test-migration-reading"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vmmn-test-migration-blockers"]').exists()).toBe(false);
  });

  it('one follow at a time: a second test stops the first one\'s reads; with no migration seen it gives up after a minute', async() => {
    vi.useFakeTimers();
    try {
      const { test, calls, text } = setup();
      const vmiReads = () => calls.filter((c) => c.method === 'GET' && c.url.endsWith('/default/vm-01')).length;

      await test().open();
      await test().start();
      await vi.advanceTimersByTimeAsync(3_000);
      await test().open();
      await test().start();
      const before = vmiReads();

      // One chain: a read every 2 s, not two.
      await vi.advanceTimersByTimeAsync(10_000);
      expect(vmiReads() - before).toBeLessThanOrEqual(6);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(text('vmmn-test-migration-lost')).toBe(`%${ T }.lost%`);
      const atDeadline = vmiReads();

      await vi.advanceTimersByTimeAsync(20_000);
      expect(vmiReads()).toBe(atDeadline);
      test().close();
    } finally {
      vi.useRealTimers();
    }
  });
});
