import { describe, expect, it } from 'vitest';
import { humanDuration, toTable } from '../src/kube/table';
import { HARVESTER_TYPES } from '../src/harvester/schemas';
import { K8sObject } from '../src/types';

const type = (resource: string) => HARVESTER_TYPES.find((t) => t.resource === resource)!;
const S = 1000;
const H = 3600 * S;

describe('humanDuration, the ages kubectl prints', () => {
  // The cases of Kubernetes' own duration tests (apimachinery `duration.HumanDuration`).
  it.each([
    [S, '1s'], [70 * S, '70s'], [190 * S, '3m10s'], [70 * 60 * S, '70m'], [47 * H, '47h'], [49 * H, '2d1h'],
    [(8 * 24 + 2) * H, '8d'], [367 * 24 * H, '367d'], [(365 * 2 * 24 + 25) * H, '2y1d'], [(365 * 8 * 24 + 2) * H, '8y'],
    [-500, '0s'], [-2 * S, '<invalid>'],
  ])('%d ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('server-side tables', () => {
  it('a pod starting up: ready containers over all, the waiting reason as its status, node and IP at priority 1', () => {
    const pod: K8sObject = {
      apiVersion: 'v1',
      kind:       'Pod',
      metadata:   {
        name: 'virt-handler-abcde', namespace: 'harvester-system', creationTimestamp: new Date(Date.now() - 45 * S).toISOString()
      },
      spec:   { nodeName: 'harvester-node-5', containers: [{ name: 'virt-handler' }] },
      status: {
        phase:             'Pending',
        containerStatuses: [{
          name: 'virt-handler', ready: false, restartCount: 2, state: { waiting: { reason: 'PodInitializing' } }
        }]
      },
    };
    const table = toTable(type('pods'), [pod], { resourceVersion: '7' }, null) as { columnDefinitions: { name: string; priority: number }[]; rows: { cells: unknown[]; object: { kind: string } }[] };

    expect(table.columnDefinitions.map((c) => `${ c.name }:${ c.priority }`)).toEqual(['Name:0', 'Ready:0', 'Status:0', 'Restarts:0', 'Age:0', 'IP:1', 'Node:1', 'Nominated Node:1', 'Readiness Gates:1']);
    expect(table.rows[0].cells).toEqual(['virt-handler-abcde', '0/1', 'PodInitializing', '2', '45s', '<none>', 'harvester-node-5', '<none>', '<none>']);
    expect(table.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('a custom resource shows its printer columns; one without any shows its age', () => {
    const setting = toTable(type('settings'), [{
      apiVersion: 'harvesterhci.io/v1beta1', kind: 'Setting', metadata: { name: 'vm-migration-network' }, value: '{"vlan":1}'
    }], {}, 'Object') as { columnDefinitions: { name: string }[]; rows: { cells: unknown[]; object: { value: string } }[] };

    expect(setting.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Value']);
    expect(setting.rows[0].cells).toEqual(['vm-migration-network', '{"vlan":1}']);
    expect(setting.rows[0].object.value).toBe('{"vlan":1}');
    const pool = toTable(type('ippools'), [{
      apiVersion: 'whereabouts.cni.cncf.io/v1alpha1', kind: 'IPPool', metadata: { name: '192.168.1.0-24' }
    }], {}, null) as { columnDefinitions: { name: string }[]; rows: { cells: unknown[] }[] };

    expect(pool.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(pool.rows[0].cells).toEqual(['192.168.1.0-24', '<unknown>']);
  });
});
