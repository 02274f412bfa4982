// @vitest-environment jsdom
import {
  afterEach, describe, expect, it, vi
} from 'vitest';
import { defineComponent } from 'vue';
import { flushPromises, VueWrapper } from '@vue/test-utils';
import VmMigrationNetworkEditor from '../../components/VmMigrationNetworkEditor.vue';
import { WRITE_TIMEOUT_MS } from '../../api/setting-client';
import { createShellStore, mountWithShell } from '../../../../tests/unit/shell-mount';
import { fakeCluster } from './fake-cluster';

// What the page renders for each fault: the notices' test ids and the buttons they offer, clicked as a user would.
/** Sets up what goes wrong with the next request. */
type Fault = (c: ReturnType<typeof fakeCluster>) => void;
type Request = Parameters<ReturnType<typeof fakeCluster>['request']>[0];

/** The form types the docs example as soon as it is shown; the review ticks its box as soon as it is shown. */
const FormStub = defineComponent({
  emits: ['update:form'],
  mounted() {
    this.$emit('update:form', {
      enabled: true, clusterNetwork: 'vm-migration', vlan: '100', range: '192.168.1.0/24', exclude: ['192.168.1.1/32']
    });
  },
  template: '<div data-testid="form-stub" />',
});
const ReviewStub = defineComponent({
  emits: ['update:confirmed'],
  mounted() {
    this.$emit('update:confirmed', true);
  },
  template: '<div data-testid="review-stub" />',
});

async function mountEditor() {
  const cluster = fakeCluster('');
  const store = createShellStore(cluster.objects, { 'cluster/schemaFor': () => ({}) }, (action, payload) => (action === 'cluster/request' ? cluster.request(payload as Request) : undefined));
  const wrapper = mountWithShell(VmMigrationNetworkEditor, store, { global: { stubs: { MigrationNetworkForm: FormStub, ImpactPreview: ReviewStub } } });

  await flushPromises();
  vi.useFakeTimers();

  return { wrapper, cluster };
}

/** Clicks and lets the write timeout pass, in case nothing answers. */
async function click(wrapper: VueWrapper, testid: string) {
  await wrapper.find(`[data-testid="${ testid }"]`).trigger('click');
  await vi.advanceTimersByTimeAsync(WRITE_TIMEOUT_MS);
  await flushPromises();
}

const has = (wrapper: VueWrapper, testid: string) => wrapper.find(`[data-testid="${ testid }"]`).exists();

afterEach(() => {
  vi.useRealTimers();
});

describe('VmMigrationNetworkEditor: faults', () => {
  it.each<[string, Fault, string]>([
    ['a 503', (c) => c.answers.push({ _status: 503, message: 'cluster agent disconnected' }), '%vmMigrationNetwork.save.dryRunFailed(status: 503, message: cluster agent disconnected)%'],
    ['no answer', (c) => c.hold(), '%vmMigrationNetwork.save.dryRunTimedOut(seconds: 30)%'],
  ])('a dry run with %s: the notice on the form, and Review works again', async(_name, fault, text) => {
    const { wrapper, cluster } = await mountEditor();

    fault(cluster);
    await click(wrapper, 'vmmn-review');
    expect(wrapper.find('[data-testid="vmmn-dryrun-failed"]').text()).toContain(text);
    expect(has(wrapper, 'form-stub')).toBe(true);
    expect(wrapper.find('[data-testid="vmmn-review"]').attributes('disabled')).toBeUndefined();

    await click(wrapper, 'vmmn-review');
    expect(has(wrapper, 'vmmn-dryrun-failed')).toBe(false);
    expect(has(wrapper, 'review-stub')).toBe(true);
  });

  it('a save with no answer: the notice offers reload and retry; retry saves', async() => {
    const { wrapper, cluster } = await mountEditor();

    await click(wrapper, 'vmmn-review');
    cluster.hold();
    await click(wrapper, 'vmmn-save');
    expect(wrapper.find('[data-testid="vmmn-save-timeout"]').text()).toContain('%vmMigrationNetwork.save.timedOut(seconds: 30)%%vmMigrationNetwork.save.timeoutReload%%vmMigrationNetwork.save.retry%');
    expect(has(wrapper, 'vmmn-save-failed')).toBe(false);
    expect(wrapper.find('[data-testid="vmmn-save"]').text()).toBe('%vmMigrationNetwork.save.retry%');

    await click(wrapper, 'vmmn-timeout-retry');
    expect(has(wrapper, 'vmmn-saved')).toBe(true);
  });

  it('a save with no answer, then reload: the form again, from the live setting', async() => {
    const { wrapper, cluster } = await mountEditor();

    await click(wrapper, 'vmmn-review');
    cluster.hold();
    await click(wrapper, 'vmmn-save');
    await click(wrapper, 'vmmn-timeout-reload');
    expect(has(wrapper, 'vmmn-save-timeout')).toBe(false);
    expect(has(wrapper, 'form-stub')).toBe(true);
  });
});
