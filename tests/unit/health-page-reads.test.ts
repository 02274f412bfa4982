// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import MigrationNetworkHealth from '@pkg/pages/MigrationNetworkHealth.vue';
import { STEVE_TYPES } from '@pkg/core';
import { createShellStore, mountWithShell } from './shell-mount';
import { HEALTH_DIRECTIVES, healthyObjects } from './health-page-mount';

interface Call { action: string; payload: Record<string, unknown> }

/** The health page through the shell's store actions: which reads it asks for, with what scope. */
async function reads(): Promise<Call[]> {
  const calls: Call[] = [];
  const store = createShellStore(healthyObjects() as Record<string, unknown[]>, { 'cluster/schemaFor': (type: string) => ({ id: type }) }, (action, payload) => {
    calls.push({ action, payload: payload as Record<string, unknown> });
  });

  mountWithShell(MigrationNetworkHealth, store, { global: { directives: HEALTH_DIRECTIVES } });
  await flushPromises();

  return calls.filter((c) => c.action.startsWith('cluster/find'));
}

/** A findPage's namespace and filters (each filter's fields; filters are ANDed, a filter's fields ORed). */
function filtersOf(call?: Call) {
  const opt = call?.payload.opt as { namespaced: string; pagination: { filters: { fields: { field: string; value: string; exact: boolean }[] }[] } };

  return {
    namespaced: opt.namespaced,
    filters:    opt.pagination.filters.map((f) => f.fields.map(({ field, value, exact }) => ({
      field, value, exact
    })))
  };
}

describe('the health page on a busy cluster', () => {
  it('asks for the virt-handler pods by namespace and label, and never for every pod or event', async() => {
    const calls = await reads();
    const pods = calls.find((c) => c.payload.type === STEVE_TYPES.pod);

    expect(pods?.action).toBe('cluster/findPage');
    expect(filtersOf(pods)).toEqual({
      namespaced: 'harvester-system',
      filters:    [[{
        field: 'metadata.labels[kubevirt.io]', value: 'virt-handler', exact: true
      }]]
    });
    expect(calls.filter((c) => c.action === 'cluster/findAll').map((c) => c.payload.type)).not.toContain(STEVE_TYPES.pod);
    expect(calls.filter((c) => c.action === 'cluster/findAll').map((c) => c.payload.type)).not.toContain(STEVE_TYPES.event);
  });

  it('reads no VMI: the migrations come from their VMIMs, which hold each one\'s final migrationState', async() => {
    expect((await reads()).map((c) => c.payload.type)).not.toContain(STEVE_TYPES.vmi);
  });

  it('asks for the sandbox failures of harvester-system only, as Steve filters they can be answered by (indexed fields)', async() => {
    const events = (await reads()).find((c) => c.payload.type === STEVE_TYPES.event);

    expect(events?.action).toBe('cluster/findPage');
    expect(filtersOf(events)).toEqual({
      namespaced: 'harvester-system',
      filters:    [[{
        field: 'reason', value: 'FailedCreatePodSandBox', exact: true
      }], [{
        field: 'involvedObject.kind', value: 'Pod', exact: true
      }]],
    });
  });
});
