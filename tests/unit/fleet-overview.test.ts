// @vitest-environment jsdom
import {
  afterEach, beforeEach, describe, expect, it, vi
} from 'vitest';
import { enableAutoUnmount, flushPromises, VueWrapper } from '@vue/test-utils';
import { ref } from 'vue';
import FleetOverview from '@pkg/pages/FleetOverview.vue';
import MigrationNetworkPanel from '@pkg/components/MigrationNetworkPanel.vue';
import { createShellStore, mountWithShell } from './shell-mount';
import { FLEET_BATCH_MS } from '@pkg/composables/useFleet';
import {
  DIRECTIVES, FLEET, SETTINGS_LIST, managementCluster, translate
} from './fleet-fixtures';

const panelRoute = vi.hoisted(() => ({ params: { cluster: 'c-stuck' } }));

vi.mock('vue-router', () => ({ useRoute: () => panelRoute }));

const management = ref(Object.keys(FLEET).map((id) => managementCluster(id)));
let asked: string[];
let lastStore: ReturnType<typeof createShellStore>;
/** Clusters whose requests never get an answer. */
let hanging: Set<string>;

function answer(url: string): Promise<unknown> {
  asked.push(url);
  const [, cluster, path] = url.match(/^\/k8s\/clusters\/([^/]+)\/v1\/(.+)$/) ?? [];
  const found = FLEET[cluster]?.objects[path] ?? { error: { _status: 404 } };

  if (hanging.has(cluster)) {
    return new Promise(() => undefined);
  }

  return 'body' in found ? Promise.resolve(found.body) : Promise.reject(found.error);
}

interface WrapperOptions {
  listError?: Error;
  /** How many list reads fail with `listError` (all when not given). */
  listFailures?: number;
  harvesterUi?: boolean;
  /** Wait for the clock's first tick, so ages read 1 s; otherwise only until the first answers are shown. */
  tick?: boolean;
}

async function createWrapper({
  listError, listFailures = Infinity, harvesterUi = false, tick = true
}: WrapperOptions = {}) {
  let failuresLeft = listFailures;
  const getters = {
    // Without a translation the shell writes `%key(arg: value)%` (the script's `t`); the template's is `translate`.
    'i18n/t':                       () => undefined,
    'management/all':               () => management.value,
    'type-map/isProductRegistered': (product: string) => harvesterUi && product === 'harvester',
  };
  const store = createShellStore({}, getters, (action, payload) => {
    if (action === 'management/findAll') {
      return listError && failuresLeft-- > 0 ? Promise.reject(listError) : [];
    }
    if (action === 'management/request') {
      return answer((payload as { url: string }).url);
    }
  });
  const wrapper = mountWithShell(FleetOverview, store, { global: { directives: DIRECTIVES, mocks: { t: translate } } });

  lastStore = store;

  await flushPromises();
  await vi.advanceTimersByTimeAsync(tick ? 1_000 : FLEET_BATCH_MS);

  return wrapper;
}

const cell = (wrapper: VueWrapper, column: string, name: string) => wrapper.find(`[data-testid="vmmn-fleet-${ column }-${ name }"]`).text();
const requestsTo = (id: string) => asked.filter((url) => url.startsWith(`/k8s/clusters/${ id }/`)).length;
const K = '%vmMigrationNetwork.fleet';

enableAutoUnmount(afterEach);
beforeEach(() => {
  asked = [];
  hanging = new Set();
  management.value = Object.keys(FLEET).map((id) => managementCluster(id));
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('FleetOverview: one row per Harvester cluster', () => {
  it('lists the Harvester clusters only, by label or by status', async() => {
    const wrapper = await createWrapper();
    const names = wrapper.findAll('[data-testid^="vmmn-fleet-open-"]').map((a) => a.text());

    expect(names).toStrictEqual(['dis', 'down', 'fail', 'forb', 'ok', 'stuck', 'unavail']);
    expect(requestsTo('local')).toBe(0);
  });

  it.each([
    ['dis', 'disabled', `${ K }.disabledUsesMgmt%`, `${ K }.nodes.notUsed%`, `${ K }.noProblems%`, ''],
    ['ok', 'healthy', `${ K }.enabledOn(network: vm-migration, vlan: 100, range: 192.168.1.0/24)%`, `${ K }.nodes.count(have: 3, need: 3)%`, `${ K }.noProblems%`, ''],
    ['fail', 'failed', `${ K }.enabledOn(network: vm-migration, vlan: 100, range: 192.168.1.0/24)%`, `${ K }.nodes.count(have: 3, need: 3)%`,
      `${ K }.problem.configuredFailed(message: cluster network x not found)%`, 'icon-error'],
    ['stuck', 'stuck', `${ K }.enabledOn(network: vm-migration, vlan: 100, range: 192.168.1.0/30)%`, `${ K }.nodes.count(have: 2, need: 3)%`,
      `${ K }.problem.rangeExhaustedWiden(usable: 2, missing: 1, fits: 192.168.1.0/29)%${ K }.fix%`, 'icon-error'],
    ['forb', 'unreachable', '', '', `${ K }.problem.forbidden(message: settings.harvesterhci.io is forbidden)%`, 'icon-error'],
    ['unavail', 'unreachable', '', '', `${ K }.problem.failed(message: HTTP 503)%`, 'icon-error'],
    ['down', 'unreachable', '', '', `${ K }.problem.disconnected(message: )%`, 'icon-error'],
  ])('%s is %s', async(name, state, network, nodes, problem, icon) => {
    const wrapper = await createWrapper();

    expect(cell(wrapper, 'state', name)).toBe(`${ K }.state.${ state }%`);
    expect(cell(wrapper, 'network', name)).toBe(network);
    expect(cell(wrapper, 'nodes', name)).toBe(nodes);
    // One line: the worst problem, without a count in front; its severity as an icon.
    expect(cell(wrapper, 'problems', name)).toBe(problem);
    if (icon) {
      expect(wrapper.find(`[data-testid="vmmn-fleet-problems-${ name }"] i`).classes()).toContain(icon);
    }
  });

  it('links an exhausted range to the editor with the range field focused', async() => {
    const wrapper = await createWrapper();
    const to = JSON.parse(wrapper.find('[data-testid="vmmn-fleet-fix-stuck"]').attributes('data-to') ?? '{}');

    expect(to).toStrictEqual({
      name: 'migration-networks-setting', params: { cluster: 'c-stuck', id: 'vm-migration-network' }, query: { focus: 'range' }
    });
    expect(wrapper.findAll('[data-testid^="vmmn-fleet-fix-"]')).toHaveLength(1);
  });

  it('shows the Harvester version beside the cluster\'s name, in no column of its own', async() => {
    const wrapper = await createWrapper();

    expect(cell(wrapper, 'version', 'ok')).toBe('v1.8.0');
    expect(wrapper.findAll('thead th')).toHaveLength(7);
  });

  it('says so when Rancher manages no Harvester cluster the user can see', async() => {
    management.value = [managementCluster('local')];
    const wrapper = await createWrapper();

    expect(wrapper.find('[data-testid="vmmn-fleet-empty"]').text()).toBe(`${ K }.empty%`);
    expect(wrapper.find('[data-testid="vmmn-fleet-table"]').exists()).toBe(false);
  });

  it('colours the badge by state', async() => {
    const wrapper = await createWrapper();
    const badge = (name: string) => wrapper.find(`[data-testid="vmmn-fleet-state-${ name }"]`).classes();

    expect(badge('ok')).toContain('bg-success');
    expect(badge('stuck')).toContain('bg-warning');
    expect(badge('fail')).toContain('bg-error');
    expect(badge('dis')).toContain('bg-darker');
  });

  it('links to Harvester\'s settings only when its UI is installed', async() => {
    expect(cell(await createWrapper(), 'harvester', 'ok')).toBe(`${ K }.harvesterMissingShort%`);
    expect(cell(await createWrapper({ harvesterUi: true }), 'harvester', 'ok')).toBe(`${ K }.openInHarvester%`);
  });

  it('says when the cluster list cannot be read', async() => {
    const wrapper = await createWrapper({ listError: new Error('HTTP 500') });

    expect(wrapper.find('[data-testid="vmmn-page-failed"]').text()).toBe('%vmMigrationNetwork.pageState.failed(subject: %vmMigrationNetwork.pageState.subjects.clusters%, error: HTTP 500)%%vmMigrationNetwork.pageState.retry%');
  });

  it('reads the cluster list again on Try again, and the error goes', async() => {
    const wrapper = await createWrapper({ listError: new Error('HTTP 500'), listFailures: 1 });

    await wrapper.find('[data-testid="vmmn-page-retry"]').trigger('click');
    await flushPromises();
    await vi.advanceTimersByTimeAsync(FLEET_BATCH_MS);
    expect(wrapper.find('[data-testid="vmmn-page-failed"]').exists()).toBe(false);
    expect(cell(wrapper, 'state', 'ok')).toBe(`${ K }.state.healthy%`);
  });
});

describe('FleetOverview: what it asks', () => {
  it('asks a disconnected cluster nothing, at most 5 requests of each other cluster per read, busy rows every 5 s and quiet ones every 30 s', async() => {
    await createWrapper();
    const first = Object.fromEntries(Object.keys(FLEET).map((id) => [id, requestsTo(id)]));

    expect(first).toStrictEqual({
      'c-dis': 4, 'c-ok': 5, 'c-fail': 5, 'c-stuck': 5, 'c-forb': 1, 'c-503': 1, 'c-down': 0, local: 0
    });
    const reads = () => Object.fromEntries(Object.keys(FLEET).map((id) => [id, first[id] ? requestsTo(id) / first[id] : 0]));

    // Stuck and failed networks are read every 5 s; the 503 backs off 10 s; settled and forbidden rows wait 30 s.
    await vi.advanceTimersByTimeAsync(4_500);
    expect(reads()).toStrictEqual({
      'c-dis': 1, 'c-ok': 1, 'c-fail': 2, 'c-stuck': 2, 'c-forb': 1, 'c-503': 1, 'c-down': 0, local: 0
    });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(reads()).toStrictEqual({
      'c-dis': 2, 'c-ok': 2, 'c-fail': 7, 'c-stuck': 7, 'c-forb': 2, 'c-503': 2, 'c-down': 0, local: 0
    });
  });

  // Over HTTP/1.1 the browser sends in the order asked: each cluster's IPPool read waits for its settings read.
  it('asks every cluster for its settings before anything else', async() => {
    await createWrapper({ tick: false });
    const connected = Object.keys(FLEET).filter((id) => id !== 'c-down' && id !== 'local').length;

    expect(asked.slice(0, connected).every((url) => url.endsWith(`/v1/${ SETTINGS_LIST }`))).toBe(true);
    expect(asked.slice(connected).some((url) => url.endsWith(`/v1/${ SETTINGS_LIST }`))).toBe(false);
  });

  it('reads a cluster that Rancher reports connected but not ready (Harvester upgrading), as the shell does', async() => {
    const wrapper = await createWrapper();
    const upgrading = managementCluster('c-down', true);

    upgrading.status.conditions = [{ type: 'Connected', status: 'True' }, { type: 'Ready', status: 'False' }];
    management.value = management.value.map((c) => (c.id === 'c-down' ? upgrading : c));
    await flushPromises();
    await vi.advanceTimersByTimeAsync(FLEET_BATCH_MS);

    expect(requestsTo('c-down')).toBe(5);
    expect(cell(wrapper, 'state', 'down')).toBe(`${ K }.state.healthy%`);
  });

  it('reads a cluster as soon as it connects, and forgets one that goes away', async() => {
    const wrapper = await createWrapper();

    management.value = management.value.filter((c) => c.id !== 'c-ok').map((c) => (c.id === 'c-down' ? managementCluster('c-down', true) : c));
    await flushPromises();
    await vi.advanceTimersByTimeAsync(FLEET_BATCH_MS);

    expect(requestsTo('c-down')).toBe(5);
    expect(cell(wrapper, 'state', 'down')).toBe(`${ K }.state.healthy%`);
    expect(wrapper.find('[data-testid="vmmn-fleet-state-ok"]').exists()).toBe(false);
  });

  it('never piles requests on a cluster that does not answer: one read at a time, given up after 5 s then 10 s, and backed off', async() => {
    hanging.add('c-ok');
    const wrapper = await createWrapper({ tick: false });

    // The reads started at 0; the answers that came are shown FLEET_BATCH_MS later, the timeout's likewise.
    await vi.advanceTimersByTimeAsync(4_999 - FLEET_BATCH_MS);
    expect(cell(wrapper, 'state', 'ok')).toBe(`${ K }.state.loading%`);
    expect(cell(wrapper, 'age', 'ok')).toBe(`${ K }.state.loading%`);
    // Only the settings were asked: a cluster that does not answer them is asked nothing more.
    expect(requestsTo('c-ok')).toBe(1);
    await vi.advanceTimersByTimeAsync(1 + FLEET_BATCH_MS);
    expect(cell(wrapper, 'problems', 'ok')).toBe(`${ K }.problem.failed(message: no answer within 5 s)%`);
    // Asked again 10 s after it gave up (at 15 s), and waited for twice as long: never two reads at once.
    await vi.advanceTimersByTimeAsync(9_500);
    expect(requestsTo('c-ok')).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requestsTo('c-ok')).toBe(2);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(cell(wrapper, 'problems', 'ok')).toBe(`${ K }.problem.failed(message: no answer within 5 s)%`);
    await vi.advanceTimersByTimeAsync(1_000 + FLEET_BATCH_MS);
    expect(cell(wrapper, 'problems', 'ok')).toBe(`${ K }.problem.failed(message: no answer within 10 s)%`);
    // Then 20 s after the second failure (at about 45 s).
    await vi.advanceTimersByTimeAsync(18_500);
    expect(requestsTo('c-ok')).toBe(2);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(requestsTo('c-ok')).toBe(3);
  });

  it('reads nothing while the tab is hidden, and the rows on screen again at once when it is shown', async() => {
    await createWrapper();
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const before = asked.length;

    await vi.advanceTimersByTimeAsync(120_000);
    expect(asked.length).toBe(before);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(FLEET_BATCH_MS);
    expect(requestsTo('c-ok')).toBe(10);
    expect(requestsTo('c-dis')).toBe(8);
  });
});

/** A row's age in the shell's own words (its `diffFrom`, through the translation stub that keeps arguments). */
const ago = (seconds: number) => `%vmMigrationNetwork.time.ago(time: ${ seconds } %unit.sec(count: ${ seconds })%)%`;

describe('FleetOverview: a first answer', () => {
  // useFleet once wrote a cluster's first answer into the plain object it had just put into the reactive map, so
  // the row said "Loading…" until the 1 s clock recomputed the table.
  it('shows within FLEET_BATCH_MS, without waiting for the clock', async() => {
    const wrapper = await createWrapper({ tick: false });

    expect(cell(wrapper, 'state', 'ok')).toBe(`${ K }.state.healthy%`);
    expect(cell(wrapper, 'age', 'ok')).toBe(ago(0));
  });
});

describe('FleetOverview: answers shown together', () => {
  it('holds answers for FLEET_BATCH_MS, so the table renders once for many of them', async() => {
    const wrapper = await createWrapper({ tick: false });

    management.value = management.value.map((c) => (c.id === 'c-down' ? managementCluster('c-down', true) : c));
    await flushPromises();
    await vi.advanceTimersByTimeAsync(FLEET_BATCH_MS - 1);
    expect(cell(wrapper, 'state', 'down')).toBe(`${ K }.state.unreachable%`);
    await vi.advanceTimersByTimeAsync(1);
    expect(cell(wrapper, 'state', 'down')).toBe(`${ K }.state.healthy%`);
  });
});

describe('FleetOverview: timers', () => {
  it('says how old each row is, every second, and reads a settled row again after 30 s', async() => {
    const wrapper = await createWrapper();

    // The shell counts whole seconds down: the answer came FLEET_BATCH_MS after the start.
    expect(cell(wrapper, 'age', 'ok')).toBe(ago(0));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(cell(wrapper, 'age', 'ok')).toBe(ago(2));
    await vi.advanceTimersByTimeAsync(26_000);
    expect(cell(wrapper, 'age', 'ok')).toBe(ago(28));
    await vi.advanceTimersByTimeAsync(2_000 + FLEET_BATCH_MS);
    expect(cell(wrapper, 'age', 'ok')).toBe(ago(0));
  });

  // Leaving the overview while an answer waited for its batch once left the batch timer cleared but set, so no
  // answer was ever shown again in that tab: coming back showed "Loading…" for good.
  it('shows answers again after the overview was left while one was waiting to be shown, and comes back at once', async() => {
    const first = await createWrapper();

    await vi.advanceTimersByTimeAsync(4_000 + FLEET_BATCH_MS / 2);
    first.unmount();
    const again = mountWithShell(FleetOverview, lastStore, { global: { directives: DIRECTIVES, mocks: { t: translate } } });

    await flushPromises();
    await vi.advanceTimersByTimeAsync(FLEET_BATCH_MS);
    // Known rows show at once, without a new read of the settled ones.
    expect(cell(again, 'state', 'ok')).toBe(`${ K }.state.healthy%`);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(cell(again, 'age', 'stuck')).toMatch(/time: [0-4] /);
    again.unmount();
  });

  it('leaves no interval running after unmount', async() => {
    const started = vi.spyOn(globalThis, 'setInterval');
    const cleared = vi.spyOn(globalThis, 'clearInterval');
    const wrapper = await createWrapper();

    expect(started).toHaveBeenCalled();
    wrapper.unmount();
    const ids = started.mock.results.map((r) => r.value);

    expect(cleared.mock.calls.map(([id]) => id)).toStrictEqual(expect.arrayContaining(ids));
    const before = asked.length;

    await vi.advanceTimersByTimeAsync(30_000);
    expect(asked.length).toBe(before);
  });
});

describe('FleetOverview and the panels on Harvester\'s pages', () => {
  it('share one reader: a panel open beside the overview adds no reads of its own', async() => {
    await createWrapper();
    const panel = mountWithShell(MigrationNetworkPanel, lastStore, { global: { directives: DIRECTIVES, mocks: { t: translate } } });

    await vi.advanceTimersByTimeAsync(5_000);
    // c-stuck is read every 5 s whoever shows it: twice in the first 5 s, not four times.
    expect(requestsTo('c-stuck')).toBe(10);
    expect(panel.find('[data-testid="vmmn-panel-state"]').exists()).toBe(true);
    panel.unmount();
  });

  it('reads the cluster of a panel every 5 s, even a settled one: it is the page being looked at', async() => {
    await createWrapper();
    panelRoute.params.cluster = 'c-dis';
    const panel = mountWithShell(MigrationNetworkPanel, lastStore, { global: { directives: DIRECTIVES, mocks: { t: translate } } });

    await vi.advanceTimersByTimeAsync(10_000);
    // Read at 0 s by the overview, then every 5 s for the panel (a settled row alone would wait 30 s).
    expect(requestsTo('c-dis')).toBe(12);
    panel.unmount();
    panelRoute.params.cluster = 'c-stuck';
  });
});
