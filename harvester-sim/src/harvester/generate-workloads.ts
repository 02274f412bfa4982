import { randomUUID } from 'node:crypto';
import { K8sObject } from '../types';
import {
  HARVESTER_SYSTEM, INSTALL_STRATEGY_ID, MIGRATION_IFACE, NETWORKS_ANNOTATION, TEMPLATE_GENERATION
} from './constants';
import { withMigrationNetwork } from './kubevirt-config';
import { sandboxFailureMessage } from './kubelet';
import {
  hex, markReady, markStarted, NetworkStatus, newVirtHandlerPod, randomMac
} from './pods';
import { exhaustedError } from './whereabouts';

const T0 = new Date('2026-03-10T09:00:00Z');
const HANDLER_LABELS = {
  'kubevirt.io': 'virt-handler', 'prometheus.kubevirt.io': 'true', 'np.kubevirt.io/allow-access-cluster-services': 'true', 'app.kubernetes.io/component': 'kubevirt', 'app.kubernetes.io/managed-by': 'virt-operator'
};

/** KubeVirt `harvester-system/kubevirt`, healthy, optionally with `migrations.network`. */
export function makeKubeVirt(nad?: string): K8sObject {
  const config = withMigrationNetwork(undefined, nad);
  const ready = (type: string, status: string) => ({
    type, status, reason: 'AllComponentsReady', message: 'All components are ready.', lastProbeTime: '2026-03-10T09:03:00Z', lastTransitionTime: '2026-03-10T09:03:00Z'
  });

  return {
    apiVersion: 'kubevirt.io/v1',
    kind:       'KubeVirt',
    metadata:   {
      name:              'kubevirt',
      namespace:         HARVESTER_SYSTEM,
      generation:        3,
      creationTimestamp: '2026-03-01T08:10:02Z',
      labels:            {
        'app.kubernetes.io/component': 'metadata', 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/name': 'kubevirt'
      },
      annotations: {
        'kubevirt.io/latest-observed-api-version': 'v1', 'kubevirt.io/storage-observed-api-version': 'v1', 'meta.helm.sh/release-name': 'harvester', 'meta.helm.sh/release-namespace': HARVESTER_SYSTEM
      },
      finalizers: ['foregroundDeleteKubeVirt'],
    },
    spec: {
      certificateRotateStrategy: {},
      configuration:             {
        developerConfiguration: { featureGates: ['CPUManager', 'DeclarativeHotplugVolumes', 'ExpandDisks', 'EnableVirtioFsConfigVolumes', 'HostDevices'] },
        migrations:             nad ? { network: nad } : {},
        network:                {
          binding: { managedtap: { domainAttachmentType: 'managedTap' } }, defaultNetworkInterface: 'bridge', permitBridgeInterfaceOnPodNetwork: true, permitSlirpInterface: true
        },
        vmRolloutStrategy:   'LiveUpdate',
        vmStateStorageClass: 'vmstate-persistence',
      },
      customizeComponents:    {},
      imagePullPolicy:        'IfNotPresent',
      infra:                  { nodePlacement: {} },
      workloadUpdateStrategy: {},
    },
    status: {
      phase:      'Deployed',
      conditions: [ready('Available', 'True'), ready('Progressing', 'False'), ready('Degraded', 'False'), {
        ...ready('Created', 'True'), reason: 'AllResourcesCreated', message: 'All resources were created.'
      }],
      defaultArchitecture:                     'amd64',
      operatorVersion:                         'v1.8.4',
      observedKubeVirtRegistry:                'registry.suse.com/suse/sles/16.0',
      observedKubeVirtVersion:                 '1.8.4-5.2',
      targetKubeVirtRegistry:                  'registry.suse.com/suse/sles/16.0',
      targetKubeVirtVersion:                   '1.8.4-5.2',
      observedGeneration:                      3,
      observedDeploymentID:                    config.id,
      targetDeploymentID:                      config.id,
      observedDeploymentConfig:                JSON.stringify(config),
      targetDeploymentConfig:                  JSON.stringify(config),
      outdatedVirtualMachineInstanceWorkloads: 0,
    },
  };
}

/** DaemonSet `harvester-system/virt-handler` for the given install strategy. */
export function makeDaemonSet(nad: string | undefined, nodes: number): K8sObject {
  const id = withMigrationNetwork(undefined, nad).id;
  const image = 'registry.suse.com/suse/sles/16.0';

  return {
    apiVersion: 'apps/v1',
    kind:       'DaemonSet',
    metadata:   {
      name:              'virt-handler',
      namespace:         HARVESTER_SYSTEM,
      generation:        3,
      creationTimestamp: '2026-03-01T08:11:30Z',
      labels:            {
        'kubevirt.io': 'virt-handler', 'kubevirt.io/supports-migration-cn-types': 'true', 'app.kubernetes.io/component': 'kubevirt', 'app.kubernetes.io/managed-by': 'virt-operator'
      },
      annotations: {
        [TEMPLATE_GENERATION]: '3', [INSTALL_STRATEGY_ID]: id, 'kubevirt.io/install-strategy-registry': image, 'kubevirt.io/install-strategy-version': '1.8.4-5.2', 'kubevirt.io/generation': '3'
      },
      ownerReferences: [{
        apiVersion: 'kubevirt.io/v1', kind: 'KubeVirt', name: 'kubevirt', controller: true, blockOwnerDeletion: true
      }],
    },
    spec: {
      revisionHistoryLimit: 10,
      selector:             { matchLabels: { 'kubevirt.io': 'virt-handler' } },
      updateStrategy:       { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } },
      template:             {
        metadata: {
          name:        'virt-handler',
          labels:      HANDLER_LABELS,
          annotations: {
            ...(nad ? { [NETWORKS_ANNOTATION]: `${ nad }@${ MIGRATION_IFACE }` } : {}), 'openshift.io/required-scc': 'kubevirt-handler', [INSTALL_STRATEGY_ID]: id, 'kubevirt.io/install-strategy-registry': image, 'kubevirt.io/install-strategy-version': '1.8.4-5.2'
          },
        },
        spec: {
          serviceAccountName: 'kubevirt-handler',
          hostPID:            true,
          priorityClassName:  'kubevirt-cluster-critical',
          tolerations:        [{ key: 'CriticalAddonsOnly', operator: 'Exists' }],
          initContainers:     [{ name: 'virt-launcher', image: `${ image }/virt-launcher:1.8.4-5.2` }],
          containers:         [{
            name:  'virt-handler',
            image: `${ image }/virt-handler:1.8.4-5.2`,
            ports: [{
              name: 'metrics', containerPort: 8443, protocol: 'TCP'
            }]
          }],
        },
      },
    },
    status: {
      currentNumberScheduled: nodes, desiredNumberScheduled: nodes, numberAvailable: nodes, numberMisscheduled: 0, numberReady: nodes, observedGeneration: 3, updatedNumberScheduled: nodes
    },
  };
}

/** A running virt-handler pod on `node`; `migration` adds the migration0 entry. */
export function makeRunningPod(ds: K8sObject, node: K8sObject, podIP: string, ready: boolean, migration?: { nad: string; ip: string }): K8sObject {
  const hostIP = String(((node.status as { addresses?: { address: string }[] }).addresses ?? [])[0]?.address ?? '');
  const pod = newVirtHandlerPod(ds, node.metadata.name, hostIP, T0);
  const entries: NetworkStatus[] = [{
    name: 'k8s-pod-network', ips: [podIP], default: true, dns: {}
  }];

  if (migration) {
    entries.push({
      name: `${ HARVESTER_SYSTEM }/${ migration.nad }`, interface: MIGRATION_IFACE, ips: [migration.ip], mac: randomMac(), dns: {}
    });
  }
  markStarted(pod, podIP, entries, T0);
  if (ready) {
    markReady(pod, T0);
  }

  return pod;
}

/**
 * A virt-handler pod whose `migration0` got no address because the range is used up: Pending with its sandbox
 * failing, and kubelet's FailedCreatePodSandBox event (the runtime retries it when the pool changes).
 */
export function makeStuckPod(ds: K8sObject, node: K8sObject, nad: string, range: string, exclude: string[]): K8sObject[] {
  const hostIP = String(((node.status as { addresses?: { address: string }[] }).addresses ?? [])[0]?.address ?? '');
  const pod = newVirtHandlerPod(ds, node.metadata.name, hostIP, T0);
  const ts = '2026-03-10T09:01:00Z';

  pod.metadata.uid = randomUUID();

  return [pod, {
    apiVersion: 'v1',
    kind:       'Event',
    metadata:   {
      name: `${ pod.metadata.name }.${ hex(8) }`, namespace: HARVESTER_SYSTEM, creationTimestamp: ts
    },
    involvedObject: {
      apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, namespace: HARVESTER_SYSTEM, uid: pod.metadata.uid
    },
    reason:             'FailedCreatePodSandBox',
    message:            sandboxFailureMessage(pod, nad, exhaustedError(range, exclude), hex(32)),
    type:               'Warning',
    source:             { component: 'kubelet', host: node.metadata.name },
    count:              1,
    firstTimestamp:     ts,
    lastTimestamp:      ts,
    reportingComponent: 'kubelet',
    reportingInstance:  node.metadata.name,
  }];
}
