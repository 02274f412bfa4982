/**
 * The fields Steve's SQL cache indexes per type beyond the common ones (`typeSpecificIndexedFields` in
 * `pkg/stores/sqlproxy/proxy_store.go`, at the last Steve release of each Rancher minor: v0.6.53 = 2.12, v0.7.47 = 2.13,
 * v0.8.26 = 2.14, v0.9.19 = 2.15), for the types the simulator serves. A list filtered or sorted on any other
 * field answers 422, as Steve's does.
 */
export const TYPE_INDEXED_FIELDS: Record<string, Record<string, readonly string[]>> = {
  2.12: {
    '/v1/Event':                                 ['_type', 'involvedObject.kind', 'involvedObject.uid', 'message', 'reason'],
    '/v1/Namespace':                             ['spec.displayName'],
    '/v1/Node':                                  ['status.nodeInfo.kubeletVersion', 'status.nodeInfo.operatingSystem'],
    '/v1/Pod':                                   ['spec.containers.image', 'spec.nodeName'],
    'apps/v1/DaemonSet':                         ['metadata.annotations[field.cattle.io/publicEndpoints]', 'spec.template.spec.containers.image'],
    'management.cattle.io/v3/Cluster':           ['spec.internal', 'spec.displayName', 'status.connected', 'status.provider'],
    'management.cattle.io/v3/GlobalRoleBinding': ['userName', 'userPrincipalName'],
    'management.cattle.io/v3/Project':           ['spec.clusterName', 'spec.displayName'],
    'provisioning.cattle.io/v1/Cluster':         ['metadata.annotations[provisioning.cattle.io/management-cluster-display-name]', 'status.clusterName', 'status.provider'],
  },
  2.13: {
    '/v1/Event':                                 ['_type', 'involvedObject.kind', 'involvedObject.uid', 'message', 'reason'],
    '/v1/Namespace':                             ['spec.displayName'],
    '/v1/Node':                                  ['status.nodeInfo.kubeletVersion', 'status.nodeInfo.operatingSystem'],
    '/v1/Pod':                                   ['spec.containers.image', 'spec.nodeName', 'status.podIP'],
    'apps/v1/DaemonSet':                         ['metadata.annotations[field.cattle.io/publicEndpoints]', 'spec.template.spec.containers.image'],
    'management.cattle.io/v3/Cluster':           ['spec.internal', 'spec.displayName', 'status.allocatable.cpu', 'status.allocatable.cpuRaw', 'status.allocatable.memory', 'status.allocatable.memoryRaw', 'status.allocatable.pods', 'status.requested.cpu', 'status.requested.cpuRaw', 'status.requested.memory', 'status.requested.memoryRaw', 'status.requested.pods', 'status.connected', 'status.provider'],
    'management.cattle.io/v3/GlobalRoleBinding': ['userName', 'userPrincipalName'],
    'management.cattle.io/v3/Project':           ['spec.clusterName', 'spec.displayName'],
    'provisioning.cattle.io/v1/Cluster':         ['metadata.annotations[provisioning.cattle.io/management-cluster-display-name]', 'status.allocatable.cpu', 'status.allocatable.cpuRaw', 'status.allocatable.memory', 'status.allocatable.memoryRaw', 'status.allocatable.pods', 'status.clusterName', 'status.provider', 'status.requested.cpu', 'status.requested.cpuRaw', 'status.requested.memory', 'status.requested.memoryRaw', 'status.requested.pods'],
  },
  2.14: {
    '/v1/Event':                                 ['_type', 'involvedObject.kind', 'involvedObject.uid', 'message', 'reason'],
    '/v1/Namespace':                             ['spec.displayName'],
    '/v1/Node':                                  ['spec.taints.key', 'status.addresses.type', 'status.nodeInfo.kubeletVersion', 'status.nodeInfo.operatingSystem'],
    '/v1/Pod':                                   ['metadata.state.error', 'metadata.state.message', 'metadata.state.transitioning', 'spec.containers.image', 'spec.nodeName', 'status.podIP', 'metadata.fields[3]', 'metadata.fields[3][0]', 'metadata.fields[3][1]'],
    'apps/v1/DaemonSet':                         ['metadata.annotations[field.cattle.io/publicEndpoints]', 'spec.template.spec.containers.image'],
    'management.cattle.io/v3/Cluster':           ['spec.internal', 'spec.displayName', 'status.allocatable.cpu', 'status.allocatable.cpuRaw', 'status.allocatable.memory', 'status.allocatable.memoryRaw', 'status.allocatable.pods', 'status.requested.cpu', 'status.requested.cpuRaw', 'status.requested.memory', 'status.requested.memoryRaw', 'status.requested.pods', 'status.connected', 'status.provider'],
    'management.cattle.io/v3/GlobalRoleBinding': ['userName', 'userPrincipalName'],
    'management.cattle.io/v3/Project':           ['spec.clusterName', 'spec.displayName'],
    'management.cattle.io/v3/User':              ['principalIds'],
    'provisioning.cattle.io/v1/Cluster':         ['metadata.annotations[provisioning.cattle.io/management-cluster-display-name]', 'status.allocatable.cpu', 'status.allocatable.cpuRaw', 'status.allocatable.memory', 'status.allocatable.memoryRaw', 'status.allocatable.pods', 'status.clusterName', 'status.provider', 'status.requested.cpu', 'status.requested.cpuRaw', 'status.requested.memory', 'status.requested.memoryRaw', 'status.requested.pods'],
  },
  2.15: {
    '/v1/Event':                                 ['_type', 'involvedObject.kind', 'involvedObject.uid', 'message', 'reason'],
    '/v1/Namespace':                             ['spec.displayName'],
    '/v1/Node':                                  ['spec.taints.key', 'status.addresses.type', 'status.nodeInfo.kubeletVersion', 'status.nodeInfo.operatingSystem'],
    '/v1/Pod':                                   ['metadata.state.error', 'metadata.state.message', 'metadata.state.transitioning', 'spec.containers.image', 'spec.nodeName', 'status.podIP', 'metadata.fields[3]', 'metadata.fields[3][0]', 'metadata.fields[3][1]'],
    'apps/v1/DaemonSet':                         ['metadata.annotations[field.cattle.io/publicEndpoints]', 'spec.template.spec.containers.image'],
    'management.cattle.io/v3/Cluster':           ['spec.fleetWorkspaceName', 'spec.internal', 'spec.displayName', 'status.allocatable.cpu', 'status.allocatable.cpuRaw', 'status.allocatable.memory', 'status.allocatable.memoryRaw', 'status.allocatable.pods', 'status.driver', 'status.info.kubernetesVersion', 'status.info.machineProvider', 'status.info.nodeCount', 'status.requested.cpu', 'status.requested.cpuRaw', 'status.requested.memory', 'status.requested.memoryRaw', 'status.requested.pods', 'status.connected', 'status.provider'],
    'management.cattle.io/v3/GlobalRoleBinding': ['userName', 'userPrincipalName'],
    'management.cattle.io/v3/Project':           ['spec.clusterName', 'spec.displayName'],
    'management.cattle.io/v3/User':              ['principalIds'],
    'provisioning.cattle.io/v1/Cluster':         ['metadata.annotations[provisioning.cattle.io/management-cluster-display-name]', 'status.allocatable.cpu', 'status.allocatable.cpuRaw', 'status.allocatable.memory', 'status.allocatable.memoryRaw', 'status.allocatable.pods', 'status.clusterName', 'status.provider', 'status.requested.cpu', 'status.requested.cpuRaw', 'status.requested.memory', 'status.requested.memoryRaw', 'status.requested.pods'],
  },
};
