import { ApiError, K8sObject, Obj } from '../types';
import {
  HARVESTER_SYSTEM, LABEL_CLUSTER_NETWORK, MGMT, NAD_GENERATE_NAME, STORAGE_EXCLUSIVE_VLAN, T, UPLINK_MTU, VMN_HASH, VMN_PREFIX
} from './constants';
import { SimContext } from './context';
import { NetworkConfig } from './godecode';

const NC_WEBHOOK = 'admission webhook "validator.harvester-system.harvester-network-webhook" denied the request: ';

/** One address range of the IPAM config: the flat single-stack form, or an entry of v1.10's `ipRanges`. */
export interface IpamRange { range: string; exclude?: string[]; range_start?: string; range_end?: string }

/**
 * The IPAM part of the config: single stack `{"type":"whereabouts","range":…,"exclude":[…]}`; dual stack (v1.10,
 * a `rangeV6`) leaves the flat keys out for `ipRanges`, IPv4 first, empty fields omitted.
 */
function ipamConfig(config: NetworkConfig): Obj {
  const v4: IpamRange = { range: config.range };

  if (config.exclude.length > 0) {
    v4.exclude = config.exclude;
  }
  if (!config.rangeV6) {
    return { type: 'whereabouts', ...v4 };
  }
  const v6: IpamRange = { range: config.rangeV6 };

  if (config.rangeV6Start) {
    v6.range_start = config.rangeV6Start;
  }
  if (config.rangeV6End) {
    v6.range_end = config.rangeV6End;
  }

  return { type: 'whereabouts', ipRanges: [v4, v6] };
}

/**
 * `json.Marshal(network.CreateBridgeConfig(config))` (harvester/harvester pkg/util/network): struct key order,
 * VLAN 0 becomes 1, `exclude` omitted when empty.
 */
export function bridgeConfig(config: NetworkConfig): string {
  const ipam = ipamConfig(config);

  return JSON.stringify({
    cniVersion: '0.3.1', type: 'bridge', bridge: `${ config.clusterNetwork }-br`, promiscMode: true, vlan: config.vlan === 0 ? 1 : config.vlan, ipam
  });
}

interface BridgeConf { bridge?: string; vlan?: number; ipam?: { range?: string; exclude?: string[]; ipRanges?: IpamRange[] } }

/** The ranges whereabouts allocates from, one per family: `ipRanges` when present, else the flat range. */
export function ipamRanges(conf: BridgeConf | undefined): IpamRange[] {
  const ipam = conf?.ipam;

  if (Array.isArray(ipam?.ipRanges)) {
    return ipam.ipRanges.filter((r) => typeof r?.range === 'string');
  }

  return typeof ipam?.range === 'string' && ipam.range ? [{ range: ipam.range, exclude: ipam.exclude }] : [];
}

export function parseNadConfig(nad: K8sObject): BridgeConf {
  try {
    return JSON.parse(String((nad.spec as { config?: string } | undefined)?.config ?? '{}')) as BridgeConf;
  } catch {
    return {};
  }
}

/**
 * Creates the migration NAD as the controller's `createNad` does, through the network-controller's NAD webhook
 * (exclusive storage VLAN, unknown cluster network) and mutator (MTU ≠ 1500 appended to the config).
 * Throws Error(`create net-attach-def failed <err>`).
 */
export function createMigrationNad(ctx: SimContext, config: NetworkConfig, hash: string): K8sObject {
  const { store } = ctx;
  const cn = config.clusterNetwork;
  const vlan = config.vlan === 0 ? 1 : config.vlan;
  const deny = (why: string) => new Error(`create net-attach-def failed ${ NC_WEBHOOK }can't create nad ${ HARVESTER_SYSTEM }/ because ${ why }`);
  const clusterNetwork = store.get(T.clusterNetwork, cn);

  if (cn !== MGMT && !clusterNetwork) {
    throw deny(`nad refers to a none-existing cluster network ${ cn } or error clusternetworks.network.harvesterhci.io "${ cn }" not found`);
  }
  const exclusive = store.list(T.nad).find((nad) => nad.metadata.labels?.[STORAGE_EXCLUSIVE_VLAN] === 'true' && parseNadConfig(nad).vlan === vlan);

  if (exclusive) {
    throw deny(`vlan ${ vlan } is exclusively reserved for storage network`);
  }
  let spec = bridgeConfig(config);
  const mtu = clusterNetwork?.metadata.annotations?.[UPLINK_MTU];

  if (mtu && mtu !== '1500') {
    spec = `${ spec.slice(0, -1) },"mtu":${ Number(mtu) }}`;
  }
  try {
    return store.create(T.nad, {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind:       'NetworkAttachmentDefinition',
      metadata:   {
        name: '', generateName: NAD_GENERATE_NAME, namespace: HARVESTER_SYSTEM, annotations: { [VMN_PREFIX]: 'true' }, labels: { [VMN_HASH]: hash }
      },
      spec: { config: spec },
    });
  } catch (err) {
    throw new Error(`create net-attach-def failed ${ err instanceof ApiError ? err.message : String(err) }`);
  }
}

/**
 * The network-controller's NAD controller (network-controller-harvester pkg/controller/manager/nad/controller.go):
 * labels a bridge NAD with its cluster network, type, VLAN and the ClusterNetwork's readiness, and adds its finalizer.
 */
export function labelNad(ctx: SimContext, id: string): void {
  const nad = ctx.store.get(T.nad, id);
  const conf = nad ? parseNadConfig(nad) : {};

  if (!nad || !conf.bridge || nad.metadata.labels?.[LABEL_CLUSTER_NETWORK]) {
    return;
  }
  const cn = conf.bridge.replace(/-br$/, '');
  const conditions = ((ctx.store.get(T.clusterNetwork, cn)?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions) ?? [];
  const ready = cn === MGMT || conditions.some((c) => c.type === 'ready' && c.status === 'True');

  ctx.store.patch(T.nad, id, (obj) => {
    obj.metadata.labels = {
      ...obj.metadata.labels,
      [LABEL_CLUSTER_NETWORK]:           cn,
      'network.harvesterhci.io/type':    'L2VlanNetwork',
      'network.harvesterhci.io/vlan-id': String(conf.vlan ?? 1),
      'network.harvesterhci.io/ready':   String(ready),
    };
    obj.metadata.finalizers = ['wrangler.cattle.io/harvester-network-manager-nad-controller'];
  });
}
