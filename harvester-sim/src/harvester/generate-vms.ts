import { K8sObject } from '../types';

const domain = {
  cpu: { cores: 2 }, memory: { guest: '4Gi' }, devices: {}
};

/**
 * `count` running VMs `default/vm-01…` spread round-robin over `nodes`, shaped like real ones (without migration
 * state); with `inProgress`, vm-01 has a Running VirtualMachineInstanceMigration.
 */
export function makeVms(nodes: string[], count: number, inProgress: boolean): K8sObject[] {
  const out: K8sObject[] = [];

  for (let i = 0; i < count && nodes.length > 0; i++) {
    const name = `vm-${ String(i + 1).padStart(2, '0') }`;
    const node = nodes[i % nodes.length];

    out.push({
      apiVersion: 'kubevirt.io/v1',
      kind:       'VirtualMachine',
      metadata:   {
        name, namespace: 'default', creationTimestamp: '2026-03-09T12:00:00Z', labels: { 'harvesterhci.io/creator': 'harvester' }
      },
      spec:   { runStrategy: 'RerunOnFailure', template: { spec: { domain } } },
      status: {
        printableStatus: 'Running', ready: true, created: true
      },
    }, {
      apiVersion: 'kubevirt.io/v1',
      kind:       'VirtualMachineInstance',
      metadata:   {
        name,
        namespace:         'default',
        creationTimestamp: '2026-03-09T12:00:00Z',
        labels:            { 'harvesterhci.io/vmName': name, 'kubevirt.io/nodeName': node },
        ownerReferences:   [{
          apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name, controller: true, blockOwnerDeletion: true
        }],
        finalizers: ['kubevirt.io/virtualMachineControllerFinalize', 'foregroundDeleteVirtualMachine'],
      },
      spec:   { domain },
      status: {
        phase:              'Running',
        nodeName:           node,
        migrationMethod:    'BlockMigration',
        migrationTransport: 'Unix',
        conditions:         [
          {
            type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-03-09T12:00:21Z'
          },
          {
            type: 'LiveMigratable', status: 'True', lastProbeTime: null, lastTransitionTime: null
          },
        ],
        interfaces: [{
          name: 'default', interfaceName: 'eth0', ipAddress: `172.16.20.${ 15 + i }`, ipAddresses: [`172.16.20.${ 15 + i }`], mac: `52:54:00:4a:6b:${ (0x7c + i).toString(16).slice(-2) }`, infoSource: 'domain, guest-agent, multus-status'
        }],
      },
    });
  }
  if (inProgress && out.length > 0) {
    out.push({
      apiVersion: 'kubevirt.io/v1',
      kind:       'VirtualMachineInstanceMigration',
      metadata:   {
        name: 'vm-01-k7wq2', generateName: 'vm-01-', namespace: 'default', creationTimestamp: '2026-03-10T10:00:00Z', labels: { 'kubevirt.io/vmi-name': 'vm-01' }, finalizers: ['kubevirt.io/migrationJobFinalize']
      },
      spec:   { vmiName: 'vm-01' },
      status: {
        phase:                     'Running',
        phaseTransitionTimestamps: ['Pending', 'Scheduling', 'Scheduled', 'PreparingTarget', 'TargetReady', 'Running'].map((phase) => ({ phase, phaseTransitionTimestamp: '2026-03-10T10:00:00Z' })),
        migrationState:            { sourcePod: 'virt-launcher-vm-01-ab12c' },
      },
    });
  }

  return out;
}
