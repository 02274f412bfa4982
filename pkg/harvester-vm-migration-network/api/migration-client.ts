import { CoreEvent, VirtualMachineInstance } from '../core';
import { RequestError, RequestFn, send } from './request';

/**
 * Reads and the one write of a test migration. The write is Harvester's own `migrate` action on the VM, served by
 * Harvester's API (`/v1/harvester`), as Harvester's UI starts one: it runs Harvester's checks (KubeVirt ready, VM
 * migratable, target node) and creates the VirtualMachineInstanceMigration. It answers without a body, so the
 * migration is found by watching the VM's migrations.
 */

/** A read of VMIs or one write waits at most this long. */
export const MIGRATION_REQUEST_MS = 30_000;

const steve = (clusterId: string) => `/k8s/clusters/${ encodeURIComponent(clusterId) }/v1`;
const path = (id: string) => id.split('/').map(encodeURIComponent).join('/');

export type Read<T> = { ok: true; value: T } | { ok: false; error: RequestError };

/** What the choice of VM reads of each VMI: its name, node, phase, conditions, memory and devices; not its disks or interfaces. */
const VMI_UNREAD = ['metadata.managedFields', 'metadata.ownerReferences', 'metadata.finalizers', 'spec.volumes', 'spec.networks', 'status.interfaces', 'status.volumeStatus', 'status.guestOSInfo'];

/** Every VMI of the cluster (the dialog's choice of VM, with KubeVirt's reasons for those that cannot move). */
export async function listVmis(request: RequestFn, clusterId: string): Promise<Read<VirtualMachineInstance[]>> {
  const query = new URLSearchParams(VMI_UNREAD.map((field) => ['exclude', field]));
  const answer = await send<{ data?: VirtualMachineInstance[] }>(request, { url: `${ steve(clusterId) }/kubevirt.io.virtualmachineinstances?${ query }`, method: 'GET' }, MIGRATION_REQUEST_MS);

  return answer.ok ? { ok: true, value: answer.body?.data ?? [] } : answer;
}

/** One VMI (`namespace/name`): while a migration runs, its `status.migrationState` names the target's address. */
export async function readVmi(request: RequestFn, clusterId: string, id: string): Promise<Read<VirtualMachineInstance>> {
  const answer = await send<VirtualMachineInstance>(request, { url: `${ steve(clusterId) }/kubevirt.io.virtualmachineinstances/${ path(id) }`, method: 'GET' }, MIGRATION_REQUEST_MS);

  return answer.ok ? { ok: true, value: answer.body } : answer;
}

/** Harvester's `findMigratableNodes` action: the nodes its own checks would migrate the VM to (`{ nodes }`). */
export async function migratableNodes(request: RequestFn, clusterId: string, vmId: string): Promise<Read<string[]>> {
  const answer = await send<{ nodes?: string[] }>(request, {
    url: `${ steve(clusterId) }/harvester/kubevirt.io.virtualmachines/${ path(vmId) }?action=findMigratableNodes`, method: 'POST', data: {}
  }, MIGRATION_REQUEST_MS);

  return answer.ok ? { ok: true, value: answer.body?.nodes ?? [] } : answer;
}

/** Harvester's migrate action; `nodeName` empty lets Kubernetes choose. A refusal comes back as the server gave it. */
export async function startMigration(request: RequestFn, clusterId: string, vmId: string, nodeName: string): Promise<Read<undefined>> {
  const answer = await send(request, {
    url: `${ steve(clusterId) }/harvester/kubevirt.io.virtualmachines/${ path(vmId) }?action=migrate`, method: 'POST', data: nodeName ? { nodeName } : {}
  }, MIGRATION_REQUEST_MS);

  return answer.ok ? { ok: true, value: undefined } : answer;
}

/**
 * The VMI's `PreparingTarget` events, by the fields Steve's SQL cache indexes for events (the involved object's uid and
 * the reason), in the VM's namespace: never the cluster's other events.
 */
export async function readPreparingTarget(request: RequestFn, clusterId: string, namespace: string, vmiUid: string): Promise<Read<CoreEvent[]>> {
  const query = new URLSearchParams([['filter', `involvedObject.uid=${ vmiUid }`], ['filter', 'reason=PreparingTarget'], ['exclude', 'metadata.managedFields']]);
  const answer = await send<{ data?: CoreEvent[] }>(request, { url: `${ steve(clusterId) }/events/${ encodeURIComponent(namespace) }?${ query }`, method: 'GET' }, MIGRATION_REQUEST_MS);

  return answer.ok ? { ok: true, value: answer.body?.data ?? [] } : answer;
}
