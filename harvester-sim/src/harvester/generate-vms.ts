import { K8sObject } from '../types';

const domain = {
  cpu: {
    cores: 2, sockets: 1, threads: 1
  },
  memory:    { guest: '3996Mi' },
  resources: { limits: { cpu: '2', memory: '4Gi' }, requests: { cpu: '125m', memory: '2730Mi' } },
  machine:   { type: 'q35' },
  devices:   {
    disks: [{
      name: 'disk-0', disk: { bus: 'virtio' }, bootOrder: 1
    }, { name: 'cloudinitdisk', disk: { bus: 'virtio' } }],
    interfaces: [{
      name: 'default', masquerade: {}, model: 'virtio'
    }],
  },
};

/** A VM's root disk (its PVC) and cloud-init, as Harvester creates them. */
function volumesOf(vm: string): unknown[] {
  return [
    { name: 'disk-0', persistentVolumeClaim: { claimName: `${ vm }-disk-0-x7k2m` } },
    { name: 'cloudinitdisk', cloudInitNoCloud: { userData: '#cloud-config\npackage_update: true\n', networkData: 'version: 1\nconfig:\n  - type: physical\n    name: eth0\n    subnets:\n      - type: dhcp\n' } },
  ];
}

/** The VM's root disk, a Longhorn volume bound by Harvester's default storage class. */
function rootDisk(vm: string): K8sObject {
  return {
    apiVersion: 'v1',
    kind:       'PersistentVolumeClaim',
    metadata:   {
      name: `${ vm }-disk-0-x7k2m`, namespace: 'default', creationTimestamp: '2026-03-09T12:00:00Z', annotations: { 'harvesterhci.io/owned-by': `[{"schema":"kubevirt.io.virtualmachine","refs":["default/${ vm }"]}]` }
    },
    spec: {
      accessModes: ['ReadWriteMany'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'harvester-longhorn', volumeMode: 'Block', volumeName: `pvc-${ vm }-root`
    },
    status: {
      phase: 'Bound', accessModes: ['ReadWriteMany'], capacity: { storage: '10Gi' }
    },
  };
}

/**
 * `count` running VMs `default/vm-01…` spread round-robin over `nodes`, shaped like real ones (without migration
 * state); with `inProgress`, vm-01 has a Running VirtualMachineInstanceMigration.
 */
export function makeVms(nodes: string[], count: number, inProgress: boolean): K8sObject[] {
  const out: K8sObject[] = [];

  for (let i = 0; i < count && nodes.length > 0; i++) {
    out.push(...makeVm(`vm-${ String(i + 1).padStart(2, '0') }`, nodes[i % nodes.length], i));
  }
  if (inProgress && out.length > 0) {
    out.push(runningMigration());
  }

  return out;
}

/** A running VM `default/<name>` on `node`: its root disk, the VM and its VMI (the `i`th of a cluster's VMs). */
function makeVm(name: string, node: string, i: number): K8sObject[] {
  return [rootDisk(name), {
    apiVersion: 'kubevirt.io/v1',
    kind:       'VirtualMachine',
    metadata:   {
      name,
      namespace:         'default',
      creationTimestamp: '2026-03-09T12:00:00Z',
      labels:            { 'harvesterhci.io/creator': 'harvester' },
      // Harvester's VM controller and KubeVirt annotate every VM (Harvester's UI reads them unguarded).
      annotations:       {
        'harvesterhci.io/vmRunStrategy': 'RerunOnFailure', 'harvesterhci.io/volumeClaimTemplates': '[]', 'kubevirt.io/latest-observed-api-version': 'v1', 'kubevirt.io/storage-observed-api-version': 'v1', 'network.harvesterhci.io/ips': '[]'
      },
    },
    spec: {
      runStrategy: 'RerunOnFailure',
      template:    {
        metadata: { annotations: {}, labels: { 'harvesterhci.io/vmName': name } },
        spec:     {
          domain, networks: [{ name: 'default', pod: {} }], volumes: volumesOf(name)
        }
      }
    },
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
  }];
}

function runningMigration(): K8sObject {
  return {
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
  };
}

type Status = { conditions: Record<string, unknown>[] };

/** Marks a generated VMI not live-migratable, with KubeVirt's condition reason and message. */
function notLiveMigratable(vmi: K8sObject, reason: string, message: string): void {
  const live = (vmi.status as Status).conditions.find((c) => c.type === 'LiveMigratable') as Record<string, unknown>;

  Object.assign(live, {
    status: 'False', reason, message
  });
}

/**
 * Two running VMs on `node` that KubeVirt will not live-migrate: `vm-gpu` with a PCI device passed through, and
 * `vm-local` whose root disk is a ReadWriteOnce volume (what a non-shared storage class gives).
 */
export function makeUnmigratableVms(node: string): K8sObject[] {
  const [gpuDisk, gpuVm, gpuVmi] = structuredClone(makeVm('vm-gpu', node, 40));
  const [localDisk, localVm, localVmi] = structuredClone(makeVm('vm-local', node, 41));
  const hostDevices = [{ name: 'hostdevice-0000-3b-00-0', deviceName: 'nvidia.com/GA102GL_A10' }];

  for (const obj of [gpuVm, gpuVmi]) {
    const spec = obj.spec as { domain?: { devices: Record<string, unknown> }; template?: { spec: { domain: { devices: Record<string, unknown> } } } };

    (spec.domain ?? spec.template?.spec.domain as { devices: Record<string, unknown> }).devices.hostDevices = hostDevices;
  }
  notLiveMigratable(gpuVmi, 'HostDeviceNotLiveMigratable', 'VMI uses a PCI host devices');
  Object.assign(localDisk.spec as object, {
    accessModes: ['ReadWriteOnce'], storageClassName: 'local-path', volumeMode: 'Filesystem'
  });
  Object.assign(localDisk.status as object, { accessModes: ['ReadWriteOnce'] });
  notLiveMigratable(localVmi, 'DisksNotLiveMigratable', `cannot migrate VMI: PVC ${ localDisk.metadata.name } is not shared, live migration requires that all PVCs must be shared (using ReadWriteMany access mode)`);

  return [gpuDisk, gpuVm, gpuVmi, localDisk, localVm, localVmi];
}
