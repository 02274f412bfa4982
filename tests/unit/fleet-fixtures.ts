/** The fleet the overview's component tests run on: Rancher's management clusters and what each cluster answers. */
import { sha1Hex } from '@pkg/core';
import type { Setting } from '@pkg/core';
import {
  VALUE, createKubeVirt, createPod, createPool, createSetting
} from '@pkg/core/__tests__/k8s-factories';

const SMALL = '{"clusterNetwork":"vm-migration","vlan":100,"range":"192.168.1.0/30","exclude":[]}';
const EMPTY_HASH = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
/** Three virt-handler pods, ready, the first `withIp` holding the addresses `pods(n)` allocates. */
const virtHandlers = (n: number, withIp: number) => Array.from({ length: n }, (_, i) => createPod(`virt-handler-${ i }`, `node-${ i }`, i < withIp ? `192.168.1.${ i + 2 }` : undefined, withIp ? {} : { networks: '' }));
const pods = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), `harvester-system/virt-handler-${ i }`]));
const daemonSet = {
  status: {
    desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 3
  }
};
const failed = createSetting(VALUE);

failed.status = {
  conditions: [{
    type: 'configured', status: 'False', message: 'cluster network x not found'
  }]
};

/** The one read of both settings (spelled out, so a change of URL shape fails here). */
export const SETTINGS_LIST = 'harvesterhci.io.settings?filter=metadata.name%3Dvm-migration-network%2Cmetadata.name%3Dserver-version&exclude=metadata.managedFields';

export type Answer = { body: unknown } | { error: unknown };
/** The answers of one cluster's objects, by the end of their Steve URL; anything else is a 404. */
type Objects = Record<string, Answer>;

/** The one read of the virt-handler pods (spelled out, as the settings list). */
export const VIRT_HANDLER_PODS = 'pods/harvester-system?filter=metadata.labels%5Bkubevirt.io%5D%3Dvirt-handler&exclude=metadata.managedFields&exclude=metadata.ownerReferences&exclude=metadata.relationships&exclude=metadata.fields&exclude=metadata.state&exclude=spec.containers&exclude=spec.initContainers&exclude=spec.volumes&exclude=spec.tolerations&exclude=spec.affinity&exclude=spec.securityContext&exclude=spec.nodeSelector&exclude=status.initContainerStatuses&exclude=status.hostIPs&exclude=status.podIPs';

function harvester(setting: Setting, pool?: ReturnType<typeof createPool>, handlers = pool ? virtHandlers(3, Object.keys(pool.spec?.allocations ?? {}).length) : virtHandlers(3, 0)): Objects {
  return {
    [SETTINGS_LIST]:                                                           { body: { data: [setting, { metadata: { name: 'server-version' }, value: 'v1.8.0' }] } },
    // A disabled value: KubeVirt names no migration network.
    'kubevirt.io.kubevirts/harvester-system/kubevirt':                         { body: createKubeVirt(setting.value ? undefined : '') },
    'apps.daemonsets/harvester-system/virt-handler':                           { body: daemonSet },
    [VIRT_HANDLER_PODS]:                                                       { body: { data: handlers } },
    [`whereabouts.cni.cncf.io.ippools/kube-system/${ pool?.metadata?.name }`]: pool ? { body: pool } : { error: { _status: 404 } },
  };
}

const everything = (answer: Answer): Objects => new Proxy({}, { get: () => answer });

/** Each cluster of the fleet: its display name and what its Steve API answers. */
export const FLEET: Record<string, { name: string; objects: Objects }> = {
  'c-dis':   { name: 'dis', objects: harvester(createSetting('', EMPTY_HASH, '')) },
  'c-ok':    { name: 'ok', objects: harvester(createSetting(VALUE), createPool('192.168.1.0/24', pods(3))) },
  'c-fail':  { name: 'fail', objects: harvester(failed, createPool('192.168.1.0/24', pods(3))) },
  'c-stuck': { name: 'stuck', objects: harvester(createSetting(SMALL, sha1Hex(SMALL)), createPool('192.168.1.0/30', pods(2))) },
  'c-forb':  { name: 'forb', objects: everything({ error: { _status: 403, message: 'settings.harvesterhci.io is forbidden' } }) },
  'c-503':   { name: 'unavail', objects: everything({ error: { _status: 503 } }) },
  'c-down':  { name: 'down', objects: harvester(createSetting(VALUE), createPool('192.168.1.0/24', pods(3))) },
  local:     { name: 'local', objects: harvester(createSetting(VALUE)) },
};
/** Rancher marks Harvester clusters by status, or by label only (c-forb); `local` is k3s; c-down's agent is gone. */
const LABELLED = ['c-forb'];
const NOT_HARVESTER = ['local'];

export function managementCluster(id: string, connected = id !== 'c-down') {
  const provider = NOT_HARVESTER.includes(id) ? 'k3s' : 'harvester';
  const label = LABELLED.includes(id);
  const status = connected ? 'True' : 'False';

  return {
    id,
    spec:     { displayName: FLEET[id].name },
    metadata: { name: id, labels: label ? { 'provider.cattle.io': provider } : {} },
    status:   { provider: label ? undefined : provider, conditions: [{ type: 'Connected', status }, { type: 'Ready', status }] },
  };
}

const noop = {
  mounted() {}, updated() {}, beforeUnmount() {}
};

export const DIRECTIVES = {
  'clean-tooltip': noop, 'clean-html': noop, 'stripped-aria-label': noop, 'trim-whitespace': noop, shortkey: noop, tooltip: noop, 'close-popper': noop, 'ui-context': noop
};

export { translate } from './translate';
