/**
 * Every id, type, annotation and limit the core module knows about (what each means: docs/harvester-behaviour.md).
 * Nobody else repeats these strings.
 */

/** Name of the Harvester setting this extension edits. */
export const SETTING_ID = 'vm-migration-network';
export const STORAGE_NETWORK_SETTING_ID = 'storage-network';
export const RWX_NETWORK_SETTING_ID = 'rwx-network';
export const SERVER_VERSION_SETTING_ID = 'server-version';

/** Steve type ids (`<group>.<kind>` lower-case; core group has no prefix). */
export const STEVE_TYPES = {
  setting:        'harvesterhci.io.setting',
  nad:            'k8s.cni.cncf.io.networkattachmentdefinition',
  kubeVirt:       'kubevirt.io.kubevirt',
  ipPool:         'whereabouts.cni.cncf.io.ippool',
  clusterNetwork: 'network.harvesterhci.io.clusternetwork',
  vlanStatus:     'network.harvesterhci.io.vlanstatus',
  vlanConfig:     'network.harvesterhci.io.vlanconfig',
  vmim:           'kubevirt.io.virtualmachineinstancemigration',
  vmi:            'kubevirt.io.virtualmachineinstance',
  pod:            'pod',
  node:           'node',
  daemonSet:      'apps.daemonset',
  vm:             'kubevirt.io.virtualmachine',
  event:          'event',
} as const;

/** The management cluster network: always exists, always ready, shares node traffic. */
export const MGMT_CLUSTER_NETWORK = 'mgmt';

export const HARVESTER_SYSTEM_NAMESPACE = 'harvester-system';
export const KUBEVIRT_ID = 'harvester-system/kubevirt';
export const VIRT_HANDLER_ID = 'harvester-system/virt-handler';
/** Label selector value of virt-handler pods (`kubevirt.io=virt-handler`). */
export const VIRT_HANDLER_LABEL = 'kubevirt.io';
export const VIRT_HANDLER_LABEL_VALUE = 'virt-handler';
/**
 * The parts of a virt-handler pod nobody here reads, left out of lists by Steve's `exclude=`: what is read is its
 * name, labels, annotations, times, node, phase, conditions and container statuses. Steve's own additions
 * (state, relationships, table fields) go too: the store's update of 1,000 pods costs by the byte.
 */
export const VIRT_HANDLER_POD_UNREAD = [
  'metadata.managedFields', 'metadata.ownerReferences', 'metadata.relationships', 'metadata.fields', 'metadata.state',
  'spec.containers', 'spec.initContainers', 'spec.volumes', 'spec.tolerations', 'spec.affinity', 'spec.securityContext', 'spec.nodeSelector',
  'status.initContainerStatuses', 'status.hostIPs', 'status.podIPs',
];

/** Annotation / label prefix of the controller (`vm_migration_network.go`). */
export const VMN_PREFIX = 'vm-migration-network.settings.harvesterhci.io';
/** Setting annotation and NAD label: sha1 of the last reconciled value. */
export const VMN_HASH_ANNOTATION = `${ VMN_PREFIX }/hash`;
/** Setting annotation: `<namespace>/<nad name>` of the NAD in use, `""` when disabled. */
export const VMN_NAD_ANNOTATION = `${ VMN_PREFIX }/net-attach-def`;
export const NAD_GENERATE_NAME = 'vm-migration-network-';
export const CONFIGURED_CONDITION = 'configured';

export const CLUSTER_NETWORK_LABEL = 'network.harvesterhci.io/clusternetwork';
export const MATCHED_NODES_ANNOTATION = 'network.harvesterhci.io/matched-nodes';
/** Witness node label; value `"true"` (W20) — W21 only tests that the key exists. */
export const WITNESS_LABEL = 'node-role.harvesterhci.io/witness';
/** Set by virt-handler; `"false"` when virt-handler is not ready on the node. */
export const SCHEDULABLE_LABEL = 'kubevirt.io/schedulable';

/** Multus annotations on virt-handler pods and the DaemonSet template. */
export const NETWORKS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks';
export const NETWORK_STATUS_ANNOTATION = 'k8s.v1.cni.cncf.io/network-status';
/** Written by older Multus releases; tolerated when the current one is absent. */
export const DEPRECATED_NETWORK_STATUS_ANNOTATION = 'k8s.v1.cni.cncf.io/networks-status';
export const MIGRATION_INTERFACE = 'migration0';

/** `minSNPrefixLength` of Harvester's setting validator. */
export const MIN_PREFIX_LENGTH = 16;
export const MAX_VLAN_ID = 4094;
/** Largest value Go can decode into the `uint16` vlan field. */
export const MAX_UINT16 = 65535;

/** Ranges Harvester's docs reserve (pod/service CIDRs); nothing in the backend enforces them. */
export const RESERVED_RANGES = ['10.42.0.0/16', '10.43.0.0/16', '10.52.0.0/16', '10.53.0.0/16'] as const;

/** Headroom warning: fewer spare IPs than this share of the nodes, or fewer than the absolute minimum. */
export const HEADROOM_MIN_RATIO = 0.2;
export const HEADROOM_MIN_SPARE = 2;

/** VMIM phases after which a migration no longer runs (`IsFinal()`). */
export const FINAL_MIGRATION_PHASES = ['Succeeded', 'Failed'] as const;

/** Root of every l10n key the module emits. */
export const L10N_ROOT = 'vmMigrationNetwork';
