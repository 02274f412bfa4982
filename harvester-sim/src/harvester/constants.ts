/** Steve type ids, names and annotation keys the Harvester behaviour reads and writes. */
export const T = {
  setting:        'harvesterhci.io.setting',
  node:           'node',
  pod:            'pod',
  event:          'event',
  daemonSet:      'apps.daemonset',
  kubeVirt:       'kubevirt.io.kubevirt',
  nad:            'k8s.cni.cncf.io.networkattachmentdefinition',
  ipPool:         'whereabouts.cni.cncf.io.ippool',
  clusterNetwork: 'network.harvesterhci.io.clusternetwork',
  vlanStatus:     'network.harvesterhci.io.vlanstatus',
  vlanConfig:     'network.harvesterhci.io.vlanconfig',
  vm:             'kubevirt.io.virtualmachine',
  vmi:            'kubevirt.io.virtualmachineinstance',
  vmim:           'kubevirt.io.virtualmachineinstancemigration',
  longhornNode:   'longhorn.io.node',
} as const;

export const VM_MIGRATION_NETWORK = 'vm-migration-network';
export const STORAGE_NETWORK = 'storage-network';
export const RWX_NETWORK = 'rwx-network';
export const MGMT = 'mgmt';

export const HARVESTER_SYSTEM = 'harvester-system';
export const KUBE_SYSTEM = 'kube-system';
export const KUBEVIRT_ID = 'harvester-system/kubevirt';
export const VIRT_HANDLER_ID = 'harvester-system/virt-handler';

export const VMN_PREFIX = 'vm-migration-network.settings.harvesterhci.io';
export const VMN_HASH = `${ VMN_PREFIX }/hash`;
export const VMN_NAD = `${ VMN_PREFIX }/net-attach-def`;
export const NAD_GENERATE_NAME = 'vm-migration-network-';
export const STORAGE_EXCLUSIVE_VLAN = 'storage-network.settings.harvesterhci.io/exclusivevlan';

export const LABEL_CLUSTER_NETWORK = 'network.harvesterhci.io/clusternetwork';
export const LABEL_MATCHED_NODES = 'network.harvesterhci.io/matched-nodes';
export const LABEL_WITNESS = 'node-role.harvesterhci.io/witness';
export const UPLINK_MTU = 'network.harvesterhci.io/uplink-mtu';

export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
export const NETWORK_STATUS_ANNOTATION = 'k8s.v1.cni.cncf.io/network-status';
export const MIGRATION_IFACE = 'migration0';
export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';
export const INSTALL_STRATEGY_ID = 'kubevirt.io/install-strategy-identifier';

/** RFC3339 UTC without fractional seconds, as Kubernetes and wrangler write timestamps. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** `<namespace>/<name>` split; cluster-scoped ids have no namespace. */
export function splitId(id: string): { namespace?: string; name: string } {
  const slash = id.indexOf('/');

  return slash < 0 ? { name: id } : { namespace: id.slice(0, slash), name: id.slice(slash + 1) };
}
