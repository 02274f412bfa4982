import { STEVE_TYPES, VirtualMachine, VirtualMachineInstanceMigration } from '../core';
import { RequestError, RequestFn, send } from './request';

export const VM_MIGRATIONS_TIMEOUT_MS = 15_000;

export type VmMigrationsAnswer = { ok: true; vmims: VirtualMachineInstanceMigration[]; vm?: VirtualMachine & { links?: { update?: string } } } | { ok: false; error: RequestError };

/**
 * One VM's migrations (VMIMs carry KubeVirt's label `kubevirt.io/vmi-name`, which Steve's SQL cache filters on) and
 * the VM itself (its update link says whether the user may migrate it, as Harvester's formatter decides).
 */
export async function fetchVmMigrations(request: RequestFn, clusterId: string, vmId: string): Promise<VmMigrationsAnswer> {
  const steve = `/k8s/clusters/${ encodeURIComponent(clusterId) }/v1`;
  const [namespace, name] = vmId.split('/');
  const query = new URLSearchParams({ filter: `metadata.labels[kubevirt.io/vmi-name]=${ name }`, exclude: 'metadata.managedFields' });
  const [vmims, vm] = await Promise.all([
    send<{ data?: VirtualMachineInstanceMigration[] }>(request, { url: `${ steve }/${ STEVE_TYPES.vmim }s/${ encodeURIComponent(namespace) }?${ query }`, method: 'GET' }, VM_MIGRATIONS_TIMEOUT_MS),
    send<VirtualMachine & { links?: { update?: string } }>(request, { url: `${ steve }/${ STEVE_TYPES.vm }s/${ encodeURIComponent(namespace) }/${ encodeURIComponent(name) }`, method: 'GET' }, VM_MIGRATIONS_TIMEOUT_MS),
  ]);

  if (!vmims.ok) {
    return vmims;
  }

  // The label is matched exactly here too: an older Steve's filter also matches substrings (vm-1 in vm-10).
  return {
    ok: true, vmims: (vmims.body?.data ?? []).filter((m) => m.spec?.vmiName === name), vm: vm.ok ? vm.body : undefined
  };
}
