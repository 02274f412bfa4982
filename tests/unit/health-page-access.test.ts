// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import MigrationNetworkHealth from '@pkg/pages/MigrationNetworkHealth.vue';
import { STEVE_TYPES } from '@pkg/core';
import { byId, createWrapper, HEALTH_DIRECTIVES, healthyObjects } from './health-page-mount';
import { createShellStore, mountWithShell } from './shell-mount';

describe('MigrationNetworkHealth: permissions, failures, websocket', () => {
  it('says which section the user may not list instead of failing the page', async() => {
    const { wrapper } = await createWrapper({ forbidden: [STEVE_TYPES.ipPool, STEVE_TYPES.vm] });

    expect(byId(wrapper, 'vmmn-health-capacity-forbidden').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-capacity-usable').exists()).toBe(false);
    expect(byId(wrapper, 'vmmn-health-misuse-forbidden').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-summary-state').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-nodes-forbidden').exists()).toBe(false);
  });

  it.each([
    ['the setting cannot be listed', { forbidden: [STEVE_TYPES.setting] }, 'vmmn-page-forbidden'],
    ['the settings fail to load', { failing: [STEVE_TYPES.setting] }, 'vmmn-page-failed'],
    ['the cluster has no vm-migration-network (not Harvester, or older than v1.6)', { objects: { ...healthyObjects(), [STEVE_TYPES.setting]: [] } }, 'vmmn-page-notFound'],
  ])('ends in a state the user can act on when %s', async(_, options, testid) => {
    const { wrapper } = await createWrapper(options);

    expect(byId(wrapper, testid).exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-back-to-overview').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-page').exists()).toBe(false);
  });

  it('shows a fetch error in the sections that need the type', async() => {
    const { wrapper } = await createWrapper({ failing: [STEVE_TYPES.vmim] });

    expect(byId(wrapper, 'vmmn-health-migrations-error').exists()).toBe(true);
    expect(byId(wrapper, 'vmmn-health-rollout-steps').exists()).toBe(true);
  });

  it('says data may be stale while the socket reconnects, and recovers', async() => {
    const socket = Object.assign(new EventTarget(), { state: 'connected', hasBeenOpen: true });
    const store = createShellStore(healthyObjects() as Record<string, unknown[]>, { 'cluster/schemaFor': () => ({}) });

    store.replaceState({ cluster: { socket } });
    const wrapper = mountWithShell(MigrationNetworkHealth, store, { global: { directives: HEALTH_DIRECTIVES } });

    await flushPromises();
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(false);

    socket.state = 'reconnecting';
    socket.dispatchEvent(new Event('connecting'));
    await flushPromises();
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(true);

    socket.state = 'connected';
    socket.dispatchEvent(new Event('connected'));
    await flushPromises();
    expect(byId(wrapper, 'vmmn-health-stale').exists()).toBe(false);
  });
});
