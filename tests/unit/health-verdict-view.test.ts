// @vitest-environment jsdom
import {
  afterEach, describe, expect, it, vi
} from 'vitest';
import { flushPromises } from '@vue/test-utils';
import MigrationNetworkHealth from '@pkg/pages/MigrationNetworkHealth.vue';
import { STEVE_TYPES } from '@pkg/core';
import type { CoreEvent, Setting } from '@pkg/core';
import { createKubeVirt, createPod, createSetting, VALUE } from '@pkg/core/__tests__/k8s-factories';
import { createShellStore, mountWithShell } from './shell-mount';
import { byId, healthyObjects, HEALTH_DIRECTIVES, Objects } from './health-page-mount';

/** Never configured: no hash annotation, no condition, an empty value. */
const FRESH: Setting = { metadata: { name: 'vm-migration-network' }, value: '' };
const FRESH_CLUSTER: Objects = {
  [STEVE_TYPES.setting]:  [FRESH],
  [STEVE_TYPES.kubeVirt]: [createKubeVirt('')],
  [STEVE_TYPES.pod]:      [createPod('virt-handler-a', 'node-1', undefined, { networks: '' }), createPod('virt-handler-b', 'node-2', undefined, { networks: '' })],
  [STEVE_TYPES.nad]:      [],
};

/** Disabled after having been enabled (hash of "", no NAD pointer), KubeVirt without a migration network. */
const FRESH_CLUSTER_DISABLED: Objects = {
  ...FRESH_CLUSTER,
  [STEVE_TYPES.setting]: [createSetting('', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', '')],
};

async function createWrapper(list: Objects = healthyObjects(), forbidden: string[] = []) {
  const store = createShellStore(list as Record<string, unknown[]>, {
    'cluster/schemaFor': (type: string) => (forbidden.includes(type) ? undefined : { id: type }),
    'prefs/get':         (key: string) => (key === 'date-format' ? 'YYYY-MM-DD' : 'HH:mm'),
  });
  const wrapper = mountWithShell(MigrationNetworkHealth, store, { global: { directives: HEALTH_DIRECTIVES } });

  await flushPromises();

  return wrapper;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('MigrationNetworkHealth: the verdict over time', () => {
  it('turns to stuck once KubeVirt stays not ready past the grace period, with nothing else changing', async() => {
    vi.useFakeTimers({ now: Date.parse('2026-03-10T10:01:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const kubeVirt = createKubeVirt();

    kubeVirt.status = {
      ...kubeVirt.status,
      conditions: ['Available', 'Progressing', 'Degraded'].map((type) => ({
        type, status: 'True', reason: 'UpdateInProgress', message: 'Transitioning', lastTransitionTime: '2026-03-10T10:00:00Z'
      })),
    };
    const wrapper = await createWrapper(healthyObjects({ [STEVE_TYPES.kubeVirt]: [kubeVirt] }));

    expect(byId(wrapper, 'vmmn-health-verdict').attributes('data-kind')).toBe('rollingOut');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await flushPromises();
    expect(byId(wrapper, 'vmmn-health-verdict').attributes('data-kind')).toBe('stuck');
    expect(byId(wrapper, 'vmmn-health-verdict-reason').text()).toBe('%vmMigrationNetwork.health.verdict.stuck.kubeVirt(reason: UpdateInProgress, message: Transitioning, minutes: 5)%');
    // The page's clocks stop with it (the shared relative-time clock too, which the next test starts afresh).
    wrapper.unmount();
  });
});

describe('MigrationNetworkHealth: the verdict', () => {
  it('opens the page, before every section', async() => {
    const wrapper = await createWrapper();
    const ids = wrapper.findAll('[data-testid]').map((w) => w.attributes('data-testid'));

    expect(byId(wrapper, 'vmmn-health-verdict').attributes('data-kind')).toBe('healthy');
    expect(byId(wrapper, 'vmmn-health-verdict-reason').text()).toBe('%vmMigrationNetwork.health.verdict.healthy(clusterNetwork: vm-migration, vlan: 100, range: 192.168.1.0/24, nodes: 2)%');
    expect(ids.indexOf('vmmn-health-verdict')).toBeLessThan(ids.findIndex((id) => id?.startsWith('vmmn-health-summary')));
  });

  it('says disabled on a fresh install, and never that the controller applied anything', async() => {
    const wrapper = await createWrapper(healthyObjects(FRESH_CLUSTER));

    expect(byId(wrapper, 'vmmn-health-verdict').attributes('data-kind')).toBe('disabled');
    expect(byId(wrapper, 'vmmn-health-summary-controller').text()).toBe('%vmMigrationNetwork.health.summary.controllerNothing%');
    expect(byId(wrapper, 'vmmn-status-never').exists()).toBe(true);
    // Nothing was ever rolled out: one line instead of five "done" steps with old times.
    expect(byId(wrapper, 'vmmn-health-rollout-never').text()).toBe('%vmMigrationNetwork.health.rollout.never%');
    expect(byId(wrapper, 'vmmn-health-rollout-steps').exists()).toBe(false);
  });

  it('is stuck with the reason when a pod cannot get an address', async() => {
    const event: CoreEvent = {
      reason:         'FailedCreatePodSandBox',
      involvedObject: {
        kind: 'Pod', namespace: 'harvester-system', name: 'virt-handler-b'
      },
      message:       'Failed to create pod sandbox: Could not allocate IP in range',
      lastTimestamp: '2026-03-10T09:03:00Z',
    };
    const wrapper = await createWrapper(healthyObjects({
      [STEVE_TYPES.pod]:   [createPod('virt-handler-a', 'node-1', '192.168.1.2'), createPod('virt-handler-b', 'node-2', undefined, { phase: 'Pending', ready: false })],
      [STEVE_TYPES.event]: [event],
    }));

    expect(byId(wrapper, 'vmmn-health-verdict').attributes('data-kind')).toBe('stuck');
    expect(byId(wrapper, 'vmmn-health-verdict-reason').text()).toBe('%vmMigrationNetwork.health.verdict.stuck.sandbox(pod: virt-handler-b, node: node-2, message: Could not allocate IP in range)%');
  });

  it('says nothing first when the setting cannot be read', async() => {
    const wrapper = await createWrapper(healthyObjects(), [STEVE_TYPES.setting]);

    expect(byId(wrapper, 'vmmn-health-verdict').exists()).toBe(false);
  });

  it('does not tell a NAD that cannot be read as missing', async() => {
    const wrapper = await createWrapper(healthyObjects(), [STEVE_TYPES.nad]);

    expect(byId(wrapper, 'vmmn-health-rollout-step-nad').attributes('data-state')).toBe('unknown');
    // Every other step is done: with the NAD unknown, nothing true can be said first.
    expect(byId(wrapper, 'vmmn-health-verdict').exists()).toBe(false);
  });
});

describe('MigrationNetworkHealth: no link to itself, times relative', () => {
  it('has no "Check the Migration Network page" link on the page itself', async() => {
    const wrapper = await createWrapper();

    expect(byId(wrapper, 'vmmn-status-configured').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-status-health-link').exists()).toBe(false);
  });

  it('shows the condition time relative, with the absolute time in the user\'s format on hover', async() => {
    const wrapper = await createWrapper();
    const time = wrapper.find('[data-time="2026-03-10T09:00:01Z"]');

    // The shell's own relative words ("271 days"), counted from today, inside our sentence.
    expect(time.text()).toMatch(/^%vmMigrationNetwork\.status\.since\(time: \d+ %unit\.(day|month|year)\(count: \d+\)%\)%$/);
    expect(time.attributes('title')).toMatch(/^2026-03-10 \d\d:\d\d$/);
  });
});

describe('MigrationNetworkHealth: the current change', () => {
  afterEach(() => sessionStorage.clear());

  it('dates it from when this tab saw it begin, and drops the condition time of an earlier change', async() => {
    const at = Date.parse('2026-03-10T10:00:00Z');

    vi.useFakeTimers({ now: at + 120_000, toFake: ['Date'] });
    sessionStorage.setItem('vmmn-seen-changes', JSON.stringify({ 'c-harv1': { value: VALUE, at } }));
    const wrapper = await createWrapper();

    expect(byId(wrapper, 'vmmn-health-rollout-change').text()).toContain('%vmMigrationNetwork.health.rollout.change.enable(clusterNetwork: vm-migration, vlan: 100, range: 192.168.1.0/24)%');
    expect(byId(wrapper, 'vmmn-health-rollout-started').attributes('data-time')).toBe('2026-03-10T10:00:00.000Z');
    // The factories' condition is from 09:00, an earlier change: the configured step shows no time.
    expect(wrapper.find('[data-testid="vmmn-health-rollout-step-configured"] [data-time]').exists()).toBe(false);
    // Nor does the summary date the condition beside this change.
    expect(byId(wrapper, 'vmmn-health-summary').find('[data-time]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('says the change began before the page was opened when the tab did not see it, or saw another value', async() => {
    sessionStorage.setItem('vmmn-seen-changes', JSON.stringify({ 'c-harv1': { value: '', at: Date.now() } }));
    const wrapper = await createWrapper();

    expect(byId(wrapper, 'vmmn-health-rollout-started-earlier').exists()).toBe(true);
    expect(wrapper.find('[data-testid="vmmn-health-rollout-started"]').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-health-summary').find('[data-time]').attributes('data-time')).toBe('2026-03-10T09:00:01Z');
  });

  it('names the step a disable takes: the network attachment removed', async() => {
    const wrapper = await createWrapper(FRESH_CLUSTER_DISABLED);

    expect(byId(wrapper, 'vmmn-health-rollout-step-nad').text()).toContain('%vmMigrationNetwork.health.rollout.steps.nadRemoved%');
    expect(byId(wrapper, 'vmmn-health-rollout-change').text()).toContain('%vmMigrationNetwork.health.rollout.change.disable%');
  });
});
