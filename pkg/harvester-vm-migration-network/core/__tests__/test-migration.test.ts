import { describe, expect, it } from 'vitest';
import {
  followMigration, migrationBlockers, migrationCandidates, parseCidr, startedMigration, targetNodes
} from '../index';
import type {
  Cidr, HealthRow, MigrationState, VirtualMachineInstance, VirtualMachineInstanceMigration
} from '../index';

const UID = '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const RANGE = parseCidr('192.168.1.0/24') as Cidr;
const PHASES = ['Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running'];
const at = (s: number) => `2026-03-10T10:00:${ String(s).padStart(2, '0') }Z`;

/** A VMIM as KubeVirt keeps it: while it runs only `sourcePod` is copied; when final, the VMI's whole migrationState. */
function vmim(phase: string, state: MigrationState = { sourcePod: 'virt-launcher-vm-01-ab12c' } as MigrationState): VirtualMachineInstanceMigration {
  const upTo = phase === 'Succeeded' || phase === 'Failed' ? [...PHASES, phase] : PHASES.slice(0, PHASES.indexOf(phase) + 1);

  return {
    metadata: {
      name: 'vm-01-k7wq2', namespace: 'default', uid: UID, creationTimestamp: at(0)
    },
    spec:   { vmiName: 'vm-01' },
    status: {
      phase, phaseTransitionTimestamps: upTo.map((p, i) => ({ phase: p, phaseTransitionTimestamp: at(p === 'Succeeded' || p === 'Failed' ? 22 : [0, 0, 6, 6, 8, 9][i]) })), migrationState: state
    },
  };
}

const finalState = (address: string, extra: Partial<MigrationState> = {}): MigrationState => ({
  migrationUid: UID, sourceNode: 'harvester-node-0', targetNode: 'harvester-node-1', targetNodeAddress: address, startTimestamp: at(9), endTimestamp: at(21), completed: true, ...extra
});
const follow = (m: VirtualMachineInstanceMigration | undefined, extra = {}) => followMigration({
  vmim: m, enabled: true, range: RANGE, clusterNetwork: 'vm-migration', memoryBytes: 4 * 2 ** 30, ...extra
});

describe('following a test migration', () => {
  it('succeeded over the migration network: its cluster network and address, duration and the rate floor', () => {
    const out = follow(vmim('Succeeded', finalState('192.168.1.3')));

    expect(out).toMatchObject({
      outcome:    'succeeded',
      vm:         'default/vm-01',
      sourceNode: 'harvester-node-0',
      targetNode: 'harvester-node-1',
      path:       {
        kind: 'network', clusterNetwork: 'vm-migration', address: '192.168.1.3'
      },
      durationSeconds: 21,
      transferSeconds: 12
    });
    expect(out?.phases.map((p) => p.phase)).toEqual([...PHASES, 'Succeeded']);
    // 4 GiB in 12 s is at least 2.86 Gbit/s.
    expect(out?.minBitsPerSecond).toBeCloseTo((4 * 2 ** 30 * 8) / 12);
  });

  it('a target address outside the range is a fallback to mgmt naming the target node, never a success', () => {
    expect(follow(vmim('Succeeded', finalState('10.52.1.37')))?.path).toEqual({
      kind: 'fallback', node: 'harvester-node-1', address: '10.52.1.37'
    });
  });

  it('with the migration network disabled the pod address is the configured path, not a fallback', () => {
    expect(follow(vmim('Succeeded', finalState('10.52.1.37')), { enabled: false, range: undefined })?.path).toEqual({ kind: 'mgmt', address: '10.52.1.37' });
  });

  it('while running, the path comes from the VMI of the same migration; another migration\'s state is ignored', () => {
    const running = vmim('Running');
    const live = {
      ...finalState('192.168.1.3'), endTimestamp: undefined, completed: undefined
    };

    expect(follow(running, { vmiState: live })).toMatchObject({
      outcome: 'running', phase: 'Running', path: { kind: 'network', address: '192.168.1.3' }
    });
    expect(follow(running, { vmiState: { ...live, migrationUid: 'another' } })?.path).toEqual({ kind: 'unknown' });
    expect(follow(running)?.durationSeconds).toBeUndefined();
  });

  it('failed with KubeVirt\'s reason, and the path it had taken', () => {
    const reason = 'Live migration failed error encountered during MigrateToURI3 libvirt api call';
    const out = follow(vmim('Failed', finalState('192.168.1.3', { failed: true, failureReason: reason })));

    expect(out).toMatchObject({
      outcome: 'failed', failureReason: reason, path: { kind: 'network' }
    });
  });

  it('aborted: KubeVirt\'s abort status, or the VMIM gone before it ended (Harvester aborts by deleting it)', () => {
    expect(follow(vmim('Failed', finalState('192.168.1.3', { failed: true, abortStatus: 'Succeeded' })))?.outcome).toBe('aborted');
    expect(follow(vmim('Running'), { vanished: true })?.outcome).toBe('aborted');
    expect(follow(vmim('Succeeded', finalState('192.168.1.3')), { vanished: true })?.outcome).toBe('succeeded');
  });

  it('says why no rate is given: whole-second timestamps under a second, or memory unknown', () => {
    const instant = follow(vmim('Succeeded', finalState('192.168.1.3', { endTimestamp: at(9) })));

    expect([instant?.rateUnknown, instant?.minBitsPerSecond]).toEqual(['tooShort', undefined]);
    expect(follow(vmim('Succeeded', finalState('192.168.1.3')), { memoryBytes: undefined })?.rateUnknown).toBe('memoryUnknown');
  });

  it('virt-handler\'s PreparingTarget event is a second witness: it agrees, or it names another address', () => {
    const event = (message: string, at: string) => ({
      reason: 'PreparingTarget', message, lastTimestamp: at, source: { host: 'harvester-node-1' }
    });
    const events = [
      event('Migration Target is listening at 192.168.1.9, on ports: 38373,41117', '2026-03-09T10:00:00Z'),
      event('Migration Target is listening at 192.168.1.3, on ports: 38373,41117,43573', at(6)),
      {
        reason: 'Migrated', message: 'The VirtualMachineInstance migrated to node harvester-node-1.', lastTimestamp: at(21)
      },
    ];

    // The older event belongs to an earlier migration of the same VM.
    expect(follow(vmim('Succeeded', finalState('192.168.1.3')), { events })?.listening).toEqual({
      address: '192.168.1.3', node: 'harvester-node-1', agrees: true
    });
    expect(follow(vmim('Succeeded', finalState('10.52.1.37')), { events })?.listening?.agrees).toBe(false);
    expect(follow(vmim('Running'), { events })?.listening?.agrees).toBeUndefined();
    expect(follow(vmim('Running'), { events: [events[2]] })?.listening).toBeUndefined();
  });

  it('virt-handler\'s "Target Prepared" event, newer and without an address, does not hide the listening one', () => {
    const events = [
      {
        reason: 'PreparingTarget', message: 'Migration Target is listening at 192.168.1.3, on ports: 38373,41117', lastTimestamp: at(6), source: { host: 'harvester-node-1' }
      },
      {
        reason: 'PreparingTarget', message: 'VirtualMachineInstance Migration Target Prepared.', lastTimestamp: at(7)
      },
      // An event time with a fraction in the VMIM's own second still counts.
      {
        reason: 'PreparingTarget', message: 'Migration Target is listening at 192.168.1.4, on ports: 1', eventTime: '2026-03-10T10:00:00.500Z'
      },
    ];

    expect(follow(vmim('Succeeded', finalState('192.168.1.3')), { events })?.listening?.address).toBe('192.168.1.3');
    expect(follow(vmim('Succeeded', finalState('192.168.1.3')), { events: events.slice(1) })?.listening?.address).toBe('192.168.1.4');
  });

  it('an abort before hand-off: KubeVirt fails the VMIM with AbortRequested while it waits for its finalizer', () => {
    const early = vmim('Failed', { sourcePod: 'virt-launcher-vm-01-ab12c' } as MigrationState);

    early.metadata = { ...early.metadata, deletionTimestamp: at(5) };
    expect(follow(early)?.outcome).toBe('aborted');
    expect(follow({ ...vmim('Failed', {}), status: { ...vmim('Failed', {}).status, conditions: [{ type: 'AbortRequested', status: 'True' }] } })?.outcome).toBe('aborted');
    expect(follow(vmim('Failed', finalState('192.168.1.3', { failed: true })))?.outcome).toBe('failed');
  });

  it('says when KubeVirt recorded no copy times', () => {
    expect(follow(vmim('Succeeded', finalState('192.168.1.3', { startTimestamp: undefined })))?.rateUnknown).toBe('noTimes');
  });

  it('finds the migration it started: the newest of that VM not known before', () => {
    const old = {
      ...vmim('Succeeded'),
      metadata: {
        ...vmim('Succeeded').metadata, uid: 'old', creationTimestamp: '2026-03-09T10:00:00Z'
      }
    };
    const other = {
      ...vmim('Running'), metadata: { ...vmim('Running').metadata, uid: 'o' }, spec: { vmiName: 'vm-02' }
    };

    expect(startedMigration([old, other, vmim('Pending')], 'default/vm-01', new Set(['old']))?.metadata?.uid).toBe(UID);
    expect(startedMigration([old, other], 'default/vm-01', new Set(['old']))).toBeUndefined();
  });
});

function vmi(name: string, extra: { conditions?: object[]; annotations?: Record<string, string>; spec?: object; phase?: string } = {}): VirtualMachineInstance {
  return {
    metadata: {
      name, namespace: 'default', annotations: extra.annotations
    },
    spec:   { domain: { memory: { guest: '3996Mi' } }, ...extra.spec },
    status: {
      phase: extra.phase ?? 'Running', nodeName: 'harvester-node-0', conditions: extra.conditions ?? [{ type: 'Ready', status: 'True' }, { type: 'LiveMigratable', status: 'True' }]
    },
  } as VirtualMachineInstance;
}

describe('which VMs a test may move', () => {
  it('offers live-migratable VMs and lists the others with Harvester\'s and KubeVirt\'s reasons', () => {
    const message = 'cannot migrate VMI: PVC vm-local-disk-0 is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)';
    const out = migrationCandidates([
      vmi('vm-01'),
      vmi('vm-local', {
        conditions: [{ type: 'Ready', status: 'True' }, {
          type: 'LiveMigratable', status: 'False', reason: 'DisksNotLiveMigratable', message
        }]
      }),
      vmi('vm-gpu', { spec: { domain: { devices: { hostDevices: [{ name: 'gpu', deviceName: 'nvidia.com/GA102' }] } } } }),
      vmi('vm-pinned', { spec: { nodeSelector: { 'kubernetes.io/hostname': 'harvester-node-0' } } }),
      vmi('vm-moving', { annotations: { 'harvesterhci.io/migrationState': 'Migrating' } }),
      vmi('vm-booting', { conditions: [{ type: 'Ready', status: 'False' }] }),
      vmi('vm-off', { phase: 'Succeeded' }),
    ]);

    expect(out.offered).toEqual([{
      id: 'default/vm-01', node: 'harvester-node-0', memoryBytes: 3996 * 2 ** 20
    }]);
    expect(out.refused.map((r) => [r.id, r.reason, r.kubeVirtReason])).toEqual([
      ['default/vm-booting', 'notReady', undefined], ['default/vm-gpu', 'hostDevices', undefined], ['default/vm-local', 'condition', 'DisksNotLiveMigratable'],
      ['default/vm-moving', 'migrating', undefined], ['default/vm-pinned', 'nodeSelector', undefined],
    ]);
    expect(out.refused.find((r) => r.reason === 'condition')?.message).toBe(message);
  });

  it('offers as targets only other VM nodes that hold a migration address', () => {
    const row = (node: string, migrationIp?: string, witness = false): HealthRow => ({
      node, witness, expected: !witness, ready: true, restarts: 0, migrationIp, flags: []
    });

    expect(targetNodes([row('n0', '192.168.1.2'), row('n1', '192.168.1.3'), row('n2'), row('w', '192.168.1.9', true)], 'n0')).toEqual(['n1']);
  });

  it('names what blocks a test now; a disabled network blocks nothing', () => {
    const clear = {
      enabled: true, kubeVirtReady: true, configured: true, rollingOut: false, vmMigrating: false
    };

    expect(migrationBlockers(clear)).toEqual([]);
    expect(migrationBlockers({
      ...clear, enabled: false, configured: false
    })).toEqual([]);
    expect(migrationBlockers({
      enabled: true, kubeVirtReady: false, configured: false, rollingOut: true, vmMigrating: true
    })).toEqual(['kubeVirtNotReady', 'notConfigured', 'rollingOut', 'vmMigrating']);
  });
});
