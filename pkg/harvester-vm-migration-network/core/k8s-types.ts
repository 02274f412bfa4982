/**
 * Minimal shapes of the Kubernetes objects the core module reads, as Steve serves them (docs/harvester-behaviour.md, "Objects").
 * Every field is optional: objects come from the network and are never trusted.
 */

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  deletionTimestamp?: string;
  creationTimestamp?: string;
  generation?: number;
}

export interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

interface K8sObject {
  apiVersion?: string;
  kind?: string;
  id?: string;
  metadata?: ObjectMeta;
}

/** `harvesterhci.io/v1beta1` Setting: `value`/`default` live at the top level, not under `spec`. */
export interface Setting extends K8sObject {
  value?: string;
  default?: string;
  status?: { conditions?: Condition[] };
}

export interface Node extends K8sObject {
  spec?: { unschedulable?: boolean };
  status?: { conditions?: Condition[] };
}

export interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: object; terminated?: { reason?: string } };
}

export interface Pod extends K8sObject {
  spec?: { nodeName?: string };
  status?: { phase?: string; podIP?: string; conditions?: Condition[]; containerStatuses?: ContainerStatus[] };
}

export interface NetworkAttachmentDefinition extends K8sObject {
  spec?: { config?: string };
}

export interface KubeVirt extends K8sObject {
  spec?: { configuration?: { migrations?: { network?: string } } };
  status?: {
    phase?: string;
    conditions?: Condition[];
    observedDeploymentID?: string;
    targetDeploymentID?: string;
  };
}

export interface DaemonSet extends K8sObject {
  spec?: { template?: { metadata?: { annotations?: Record<string, string> } } };
  status?: {
    desiredNumberScheduled?: number;
    currentNumberScheduled?: number;
    updatedNumberScheduled?: number;
    numberReady?: number;
    numberAvailable?: number;
    observedGeneration?: number;
  };
}

export interface IPPoolAllocation {
  id?: string;
  podref?: string;
  ifname?: string;
}

/** Whereabouts IPPool: allocation keys are decimal offsets from the range's first address. */
export interface IPPool extends K8sObject {
  spec?: { range?: string; allocations?: Record<string, IPPoolAllocation> };
}

export interface MigrationState {
  migrationUid?: string;
  sourceNode?: string;
  targetNode?: string;
  targetPod?: string;
  targetNodeAddress?: string;
  startTimestamp?: string;
  endTimestamp?: string;
  completed?: boolean;
  failed?: boolean;
  failureReason?: string;
  abortRequested?: boolean;
  /** `Succeeded`, `Failed` or `Aborting` once an abort was asked for. */
  abortStatus?: string;
}

export interface VirtualMachineInstance extends K8sObject {
  spec?: {
    nodeSelector?: Record<string, string>;
    domain?: {
      memory?: { guest?: string };
      resources?: { requests?: { memory?: string } };
      devices?: { hostDevices?: unknown[]; gpus?: unknown[] };
    };
  };
  status?: { phase?: string; nodeName?: string; conditions?: Condition[]; migrationState?: MigrationState };
}

export interface VirtualMachineInstanceMigration extends K8sObject {
  spec?: { vmiName?: string };
  status?: {
    phase?: string;
    phaseTransitionTimestamps?: { phase?: string; phaseTransitionTimestamp?: string }[];
    /** `AbortRequested` when the VMIM was deleted before hand-off. */
    conditions?: Condition[];
    migrationState?: MigrationState;
  };
}

export interface ClusterNetwork extends K8sObject {
  status?: { conditions?: Condition[] };
}

export interface VlanStatus extends K8sObject {
  status?: { clusterNetwork?: string; node?: string; conditions?: Condition[] };
}

export interface VlanConfig extends K8sObject {
  spec?: { clusterNetwork?: string; uplink?: { linkAttributes?: { mtu?: number } } };
}

/** core/v1 Event, as far as the health page reads it (why a virt-handler pod cannot start). */
export interface CoreEvent {
  metadata?: ObjectMeta;
  involvedObject?: { kind?: string; namespace?: string; name?: string; uid?: string };
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { host?: string };
}

/** `kubevirt.io/v1` VirtualMachine: only its networks (to find VMs attached to the migration NAD). */
export interface VirtualMachine extends K8sObject {
  spec?: { template?: { spec?: { networks?: { name?: string; multus?: { networkName?: string } }[] } } };
}
