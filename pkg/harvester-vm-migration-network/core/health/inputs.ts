/**
 * Input assembly of the health page: which raw objects `buildHealth` reads (`HealthInput`), how they are picked out
 * of the lists the shell store holds (`healthInputFrom`), and whether those lists may be stale (`socketStale`).
 * Every other health file takes a `HealthInput` or its pieces, never the store's lists.
 */
import {
  HARVESTER_SYSTEM_NAMESPACE, KUBEVIRT_ID, SERVER_VERSION_SETTING_ID, SETTING_ID, VIRT_HANDLER_ID, VIRT_HANDLER_LABEL, VIRT_HANDLER_LABEL_VALUE, VMN_NAD_ANNOTATION
} from '../constants';
import { editableV6, V6Form } from '../dual-stack';
import { buildClusterFacts } from '../facts';
import {
  ClusterNetwork, DaemonSet, IPPool, KubeVirt, NetworkAttachmentDefinition, Node, ObjectMeta, Pod, Setting,
  VirtualMachineInstanceMigration, VlanConfig, VlanStatus
} from '../k8s-types';
import { ipPoolName } from '../nad-config';
import { parseValue } from '../parse';
import { ClusterFacts, MigrationNetworkValue } from '../types';
import { releaseRules } from '../versions';

/** Raw objects the health page reads; leave out what could not be read. */
export interface HealthInput {
  setting?: Setting;
  nodes: Node[];
  /** virt-handler pods (`kubevirt.io=virt-handler` in harvester-system). */
  pods: Pod[];
  nad?: NetworkAttachmentDefinition;
  kubeVirt?: KubeVirt;
  daemonSet?: DaemonSet;
  ipPools?: IPPool[];
  /** Migrations: KubeVirt copies each one's final `migrationState` from its VMI, so no VMI needs reading. */
  vmims?: VirtualMachineInstanceMigration[];
  /** For the "node not covered by the cluster network" flag (see `buildClusterFacts`). */
  clusterFacts?: ClusterFacts;
  /** How many recent migrations to report (default 20). */
  recentMigrations?: number;
  /** The IPv6 part in effect (dual stack: a v1.10 release and a value with `rangeV6`). */
  v6?: V6Form;
  /** Harvester's `server-version`, when the settings were read. */
  harvesterVersion?: string;
}

/** Lists as the shell store holds them; a list is undefined when it could not be read. */
export interface HealthSources {
  settings?: Setting[];
  nodes?: Node[];
  pods?: Pod[];
  nads?: NetworkAttachmentDefinition[];
  kubeVirts?: KubeVirt[];
  daemonSets?: DaemonSet[];
  ipPools?: IPPool[];
  vmims?: VirtualMachineInstanceMigration[];
  clusterNetworks?: ClusterNetwork[];
  vlanStatuses?: VlanStatus[];
  vlanConfigs?: VlanConfig[];
}

/**
 * Steve's `id` (`<namespace>/<name>`, or `<name>` for cluster-scoped objects), rebuilt from the metadata when the
 * object comes from elsewhere (tests, the Kubernetes path), so lookups work on both.
 */
export function objectId(obj: { id?: string; metadata?: ObjectMeta } | undefined): string {
  const m = obj?.metadata;

  return obj?.id ?? (m?.namespace ? `${ m.namespace }/${ m.name ?? '' }` : m?.name ?? '');
}

/** A virt-handler pod: label `kubevirt.io=virt-handler` in harvester-system. */
export function isVirtHandlerPod(pod: Pod): boolean {
  return pod.metadata?.namespace === HARVESTER_SYSTEM_NAMESPACE && pod.metadata?.labels?.[VIRT_HANDLER_LABEL] === VIRT_HANDLER_LABEL_VALUE;
}

/**
 * `<namespace>/<name>` of the migration NAD: the setting's net-attach-def annotation, else KubeVirt's
 * `migrations.network` (a name in harvester-system). Undefined when neither names one (disabled or unknown).
 */
export function migrationNadRef(setting: Setting | undefined, kubeVirt: KubeVirt | undefined): string | undefined {
  const fromSetting = setting?.metadata?.annotations?.[VMN_NAD_ANNOTATION];
  const fromKubeVirt = kubeVirt?.spec?.configuration?.migrations?.network;

  if (fromSetting) {
    return fromSetting.includes('/') ? fromSetting : `${ HARVESTER_SYSTEM_NAMESPACE }/${ fromSetting }`;
  }

  return fromKubeVirt ? `${ HARVESTER_SYSTEM_NAMESPACE }/${ fromKubeVirt }` : undefined;
}

/**
 * The `buildHealth` input from raw lists: the setting by id, virt-handler pods only, the migration NAD, KubeVirt
 * and the virt-handler DaemonSet by id, and only the IPPool of the current range (other pools, e.g. the storage
 * network's, belong to other pods and would all look leaked).
 */
export function healthInputFrom(src: HealthSources, value?: MigrationNetworkValue): HealthInput {
  const setting = src.settings?.find((s) => objectId(s) === SETTING_ID);
  const kubeVirt = src.kubeVirts?.find((k) => objectId(k) === KUBEVIRT_ID);
  const ref = migrationNadRef(setting, kubeVirt);
  const pool = value ? ipPoolName(value.range) : undefined;
  const harvesterVersion = src.settings?.find((s) => objectId(s) === SERVER_VERSION_SETTING_ID)?.value || undefined;
  const v6 = value && releaseRules(harvesterVersion).dualStack ? editableV6(parseValue(setting?.value).kept) : undefined;

  return {
    harvesterVersion,
    ...(v6?.range ? { v6 } : {}),
    setting,
    kubeVirt,
    nodes:        src.nodes ?? [],
    pods:         (src.pods ?? []).filter(isVirtHandlerPod),
    nad:          ref ? src.nads?.find((n) => objectId(n) === ref) : undefined,
    daemonSet:    src.daemonSets?.find((d) => objectId(d) === VIRT_HANDLER_ID),
    // The range's pool and, in dual stack, the IPv6 one (named the same way): both are checked for leaks.
    ipPools:      src.ipPools?.filter((p) => p.metadata?.name !== undefined && [pool, v6?.range ? ipPoolName(v6.range) : undefined].includes(p.metadata.name)),
    vmims:        src.vmims,
    clusterFacts: buildClusterFacts({
      clusterNetworks: src.clusterNetworks, vlanStatuses: src.vlanStatuses, vlanConfigs: src.vlanConfigs
    }),
  };
}

/**
 * The shell's socket states (`@shell/utils/socket`): the store's data may be stale once a socket that was
 * connected is `reconnecting`, `closing` or `disconnected`. Unknown (no socket, advanced worker): not stale.
 */
export function socketStale(state: string | undefined, hasBeenOpen: boolean): boolean {
  return hasBeenOpen && state !== undefined && state !== 'connected';
}
