import { core, crd, NAME, TypeDef } from '../schemas';
import { Obj } from '../types';

const meta = (o: Obj) => (o.metadata ?? {}) as { name?: string; creationTimestamp?: string };
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** Types of a Harvester cluster, seen through `/k8s/clusters/<id>/v1` (and `.../v1/harvester`). */
export const HARVESTER_TYPES: TypeDef[] = [
  crd('harvesterhci.io', 'v1beta1', 'Setting', 'settings', false, {
    columns: [NAME, {
      name: 'Value', field: '.value', type: 'string', priority: 0
    }],
    fields: (o) => [meta(o).name, str(o.value)]
  }),
  crd('network.harvesterhci.io', 'v1beta1', 'ClusterNetwork', 'clusternetworks', false),
  crd('network.harvesterhci.io', 'v1beta1', 'VlanConfig', 'vlanconfigs', false),
  crd('network.harvesterhci.io', 'v1beta1', 'VlanStatus', 'vlanstatuses', false),
  crd('k8s.cni.cncf.io', 'v1', 'NetworkAttachmentDefinition', 'network-attachment-definitions', true),
  crd('kubevirt.io', 'v1', 'KubeVirt', 'kubevirts', true),
  crd('kubevirt.io', 'v1', 'VirtualMachine', 'virtualmachines', true),
  crd('kubevirt.io', 'v1', 'VirtualMachineInstance', 'virtualmachineinstances', true),
  crd('kubevirt.io', 'v1', 'VirtualMachineInstanceMigration', 'virtualmachineinstancemigrations', true),
  crd('whereabouts.cni.cncf.io', 'v1alpha1', 'IPPool', 'ippools', true),
  crd('apps', 'v1', 'DaemonSet', 'daemonsets', true),
  core('Pod', 'pods', true),
  core('Node', 'nodes', false),
  core('Event', 'events', true),
  core('Namespace', 'namespaces', false),
  // What Harvester's own UI reads beside ours (its dashboard, VM list and VM pages): served, mostly empty.
  crd('harvesterhci.io', 'v1beta1', 'Version', 'versions', true),
  crd('harvesterhci.io', 'v1beta1', 'KeyPair', 'keypairs', true),
  crd('harvesterhci.io', 'v1beta1', 'VirtualMachineImage', 'virtualmachineimages', true),
  crd('harvesterhci.io', 'v1beta1', 'Upgrade', 'upgrades', true),
  crd('harvesterhci.io', 'v1beta1', 'Addon', 'addons', true),
  crd('longhorn.io', 'v1beta2', 'Setting', 'settings', true),
  crd('harvesterhci.io', 'v1beta1', 'VirtualMachineBackup', 'virtualmachinebackups', true),
  crd('harvesterhci.io', 'v1beta1', 'VirtualMachineRestore', 'virtualmachinerestores', true),
  crd('harvesterhci.io', 'v1beta1', 'VirtualMachineTemplate', 'virtualmachinetemplates', true),
  crd('harvesterhci.io', 'v1beta1', 'VirtualMachineTemplateVersion', 'virtualmachinetemplateversions', true),
  crd('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false),
  core('PersistentVolumeClaim', 'persistentvolumeclaims', true),
  core('PersistentVolume', 'persistentvolumes', false),
  core('Secret', 'secrets', true),
  core('ConfigMap', 'configmaps', true),
  core('Service', 'services', true),
  core('ServiceAccount', 'serviceaccounts', true),
];
