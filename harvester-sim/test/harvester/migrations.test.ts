import { afterEach, describe, expect, it } from 'vitest';
import { HarvesterSim, settingAdmission } from '../../src/harvester';
import { T } from '../../src/harvester/constants';
import { ObjectStore } from '../../src/store';
import { ApiError, K8sObject } from '../../src/types';
import {
  handlers, migrationIP, saveValue, setting, startCluster, VALUE
} from './fixtures';

let sim: HarvesterSim | undefined;

afterEach(() => sim?.stop());

function start(opts = {}): ObjectStore {
  const started = startCluster(opts, 0);

  sim = started.sim;

  return started.store;
}

const vmi = (store: ObjectStore) => store.get(T.vmi, 'default/vm-01') as K8sObject;
const state = (obj: K8sObject) => (obj.status as { migrationState?: Record<string, unknown> }).migrationState ?? {};
const podOn = (store: ObjectStore, node: string) => handlers(store).find((p) => (p.spec as { nodeName: string }).nodeName === node) as K8sObject;

/** The behaviour's resource actions, as the HTTP layer routes them. */
const handlersOf = (h: HarvesterSim | undefined) => (h as unknown as { actions: { name: string; run: (id: string, body: object) => unknown }[] }).actions;

function attempt(fn: () => unknown): ApiError | undefined {
  try {
    fn();
  } catch (err) {
    return err as ApiError;
  }

  return undefined;
}

describe('live migrations', () => {
  it('over the migration network: targetNodeAddress is the target virt-handler\'s migration0 IP', async() => {
    const store = start();

    saveValue(store, VALUE);
    await sim?.idle();
    const source = (vmi(store).status as { nodeName: string }).nodeName;
    const vmim = sim?.migrateAction('default/vm-01', { nodeName: 'harvester-node-2' }) as K8sObject;

    expect(vmim.metadata.name).toMatch(/^vm-01-[a-z0-9]{5}$/);
    expect(settingAdmission('CREATE', { ...setting(store), value: '' }, undefined, store)?.status).toBe(400);
    await sim?.idle();
    const done = store.get(T.vmim, `default/${ vmim.metadata.name }`) as K8sObject;
    const address = migrationIP(podOn(store, 'harvester-node-2'));

    expect((done.status as { phase: string; phaseTransitionTimestamps: { phase: string }[] }).phaseTransitionTimestamps.map((p) => p.phase)).toEqual(['Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running', 'Succeeded']);
    expect(state(vmi(store))).toMatchObject({
      sourceNode: source, targetNode: 'harvester-node-2', targetNodeAddress: address, completed: true, mode: 'PreCopy'
    });
    expect(address).toMatch(/^192\.168\.1\./);
    expect(state(done)).toMatchObject({ targetNodeAddress: address, completed: true });
    expect((vmi(store).status as { nodeName: string }).nodeName).toBe('harvester-node-2');
    expect(vmi(store).metadata.annotations?.['harvesterhci.io/migrationState']).toBeUndefined();
    expect(store.list(T.event).find((e) => e.reason === 'PreparingTarget')?.message).toMatch(new RegExp(`^Migration Target is listening at ${ address?.replace(/\./g, '\\.') }, on ports: \\d+,\\d+,\\d+$`));
    expect(settingAdmission('CREATE', { ...setting(store), value: '' }, undefined, store)).toBeUndefined();
  });

  it('without the migration network the pod IP (10.52.x) is used', async() => {
    const store = start();

    sim?.startMigration('default/vm-01', 'harvester-node-0');
    await sim?.idle();
    expect(state(vmi(store)).targetNodeAddress).toBe((podOn(store, 'harvester-node-0').status as { podIP: string }).podIP);
    expect(String(state(vmi(store)).targetNodeAddress)).toMatch(/^10\.52\.0\./);
  });

  it('the migrate action is refused with 500 "KubeVirt is not ready" while virt-handlers roll', async() => {
    const store = start();

    saveValue(store, VALUE);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const denied = attempt(() => sim?.migrateAction('default/vm-01'));

    expect([denied?.status, denied?.message]).toEqual([500, 'KubeVirt is not ready']);
    await sim?.idle();
    expect(attempt(() => sim?.migrateAction('default/vm-01'))).toBeUndefined();
    await sim?.idle();
  });

  it.each([
    ['the current node', 'harvester-node-0', 422, 'The VM is currently running on the target node'],
    ['a witness node', 'harvester-node-3', 500, 'The target node is non-migratable'],
    ['an unknown node', 'nope', 500, 'The target node is non-migratable'],
  ])('the migrate action refuses %s', (_case, nodeName, status, message) => {
    start({ witness: 1 });
    const denied = attempt(() => sim?.migrateAction('default/vm-01', { nodeName }));

    expect([denied?.status, denied?.message]).toEqual([status, message]);
  });

  it('the migrate action refuses a VM that is not running', () => {
    const store = start();

    store.patch(T.vmi, 'default/vm-01', (o) => {
      (o.status as { phase: string }).phase = 'Scheduling';
    });
    expect(attempt(() => sim?.migrateAction('default/vm-01'))?.message).toBe('The VM is not in running state');
  });

  it('a migration seeded in progress (scenario) runs to completion', async() => {
    const store = start({ migrationInProgress: true });

    await sim?.idle();
    expect((store.get(T.vmim, 'default/vm-01-k7wq2')?.status as { phase: string }).phase).toBe('Succeeded');
  });
});

describe('what a test migration meets', () => {
  it('refuses a VM KubeVirt marks not live-migratable, in Harvester\'s words, and starts nothing', () => {
    const store = start({ unmigratableVms: true });
    const before = store.list(T.vmim).length;

    expect(attempt(() => sim?.migrateAction('default/vm-gpu'))?.message).toBe('VM default/vm-gpu is not live migratable as PCIe or USB devices are attached');
    expect(attempt(() => sim?.migrateAction('default/vm-local'))?.message).toBe('VM default/vm-local is not live migratable as the condition reported with reason: DisksNotLiveMigratable');
    expect(store.list(T.vmim).length).toBe(before);
  });

  it('the transfer lasts a step per GiB of guest memory, and a failure half-way leaves the VM on its source', async() => {
    const store = start();

    saveValue(store, VALUE);
    await sim?.idle();
    const source = (vmi(store).status as { nodeName: string }).nodeName;

    sim?.failNextMigration('Live migration failed: client socket is closed');
    const vmim = sim?.migrateAction('default/vm-01') as K8sObject;

    await sim?.idle();
    const failed = store.get(T.vmim, `default/${ vmim.metadata.name }`) as K8sObject;
    const status = failed.status as { phase: string; phaseTransitionTimestamps: { phase: string }[]; migrationState: Record<string, unknown> };

    expect(status.phase).toBe('Failed');
    expect(status.phaseTransitionTimestamps.map((p) => p.phase)).toEqual(['Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running', 'Failed']);
    expect(status.migrationState).toMatchObject({
      failed: true, completed: true, failureReason: 'Live migration failed: client socket is closed'
    });
    expect((vmi(store).status as { nodeName: string }).nodeName).toBe(source);
    expect(vmi(store).metadata.annotations?.['harvesterhci.io/migrationUID']).toBeUndefined();
    // The next one is not failed: the injected failure is used once.
    sim?.migrateAction('default/vm-01');
    await sim?.idle();
    expect(store.list(T.vmim).map((m) => (m.status as { phase: string }).phase).sort()).toEqual(['Failed', 'Succeeded']);
  });

  it('abortMigration before hand-off: the VMIM turns Failed with AbortRequested, waits for its finalizer, then goes', async() => {
    const store = start();

    saveValue(store, VALUE);
    await sim?.idle();
    const vmim = sim?.migrateAction('default/vm-01') as K8sObject;
    const abort = handlersOf(sim).find((a) => a.name === 'abortMigration');

    expect(attempt(() => abort?.run('default/vm-02', {}))?.message).toBe('The VM is not in migrating state');
    // Harvester marks the VMI at once, so a migration can be aborted while still Pending.
    expect(vmi(store).metadata.annotations?.['harvesterhci.io/migrationState']).toBe('Pending migration');
    abort?.run('default/vm-01', {});
    const lingering = store.get(T.vmim, `default/${ vmim.metadata.name }`) as K8sObject;

    expect(lingering.metadata.deletionTimestamp).toBeDefined();
    expect(lingering.status).toMatchObject({ phase: 'Failed', conditions: [{ type: 'AbortRequested', status: 'True' }] });
    await sim?.idle();
    expect(store.get(T.vmim, `default/${ vmim.metadata.name }`)).toBeUndefined();
    expect(state(vmi(store)).abortStatus).toBeUndefined();
    expect(vmi(store).metadata.annotations?.['harvesterhci.io/migrationState']).toBeUndefined();
  });

  it('abortMigration while copying: virt-handler aborts, the VMI says abortStatus Succeeded and keeps its node', async() => {
    const store = start();

    saveValue(store, VALUE);
    await sim?.idle();
    const source = (vmi(store).status as { nodeName: string }).nodeName;
    const vmim = sim?.migrateAction('default/vm-01', { nodeName: 'harvester-node-2' }) as K8sObject;
    const abort = handlersOf(sim).find((a) => a.name === 'abortMigration');
    const id = `default/${ vmim.metadata.name }`;
    const phase = () => (store.get(T.vmim, id)?.status as { phase?: string } | undefined)?.phase;

    expect(vmi(store).metadata.annotations?.['harvesterhci.io/migrationTargetNodeName']).toBe('harvester-node-2');
    expect((vmim.spec as { addedNodeSelector?: object }).addedNodeSelector).toEqual({ 'kubernetes.io/hostname': 'harvester-node-2' });
    // Abort as soon as the copy runs (a microtask, before the next step).
    const stop = store.onChange(() => phase() === 'Running' && queueMicrotask(() => phase() === 'Running' && abort?.run('default/vm-01', {})));

    await sim?.idle();
    stop();
    expect(store.get(T.vmim, id)).toBeUndefined();
    expect(state(vmi(store))).toMatchObject({
      abortStatus: 'Succeeded', completed: true, failed: true, targetNode: 'harvester-node-2'
    });
    expect((vmi(store).status as { nodeName: string }).nodeName).toBe(source);
    expect(Object.keys(vmi(store).metadata.annotations ?? {}).filter((k) => k.startsWith('harvesterhci.io/migration'))).toEqual([]);
  });
});
