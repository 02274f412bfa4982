/**
 * Misuse of the migration network: VM NICs attached to a migration NAD. Such a VM takes addresses from the
 * migration pool, so virt-handler pods can run out of them (Harvester issues #9027 and #9602).
 */
import { VMN_PREFIX } from '../constants';
import { NetworkAttachmentDefinition, VirtualMachine } from '../k8s-types';
import { objectId } from './inputs';

export interface NadMisuse {
  vm: string;
  nic: string;
  nad: string;
}

/** The NADs Harvester made for the migration network (`namespace/name`): they carry its `…: "true"` annotation. */
export function migrationNads(nads: NetworkAttachmentDefinition[]): string[] {
  return nads.filter((n) => n.metadata?.annotations?.[VMN_PREFIX] === 'true').map((n) => objectId(n));
}

/**
 * VM NICs attached to a migration NAD. Migration NADs: `nadRef` and every NAD carrying the controller's
 * `vm-migration-network…: "true"` annotation.
 * A `multus.networkName` without a namespace is resolved in the VM's namespace, as Multus does.
 */
export function findNadMisuse(vms: VirtualMachine[], nads: NetworkAttachmentDefinition[], nadRef: string | undefined): NadMisuse[] {
  const refs = new Set(migrationNads(nads));

  if (nadRef) {
    refs.add(nadRef);
  }
  const out: NadMisuse[] = [];

  for (const vm of vms) {
    const ns = vm.metadata?.namespace ?? '';

    for (const net of vm.spec?.template?.spec?.networks ?? []) {
      const name = net.multus?.networkName;
      const ref = name && (name.includes('/') ? name : `${ ns }/${ name }`);

      if (ref && refs.has(ref)) {
        out.push({
          vm: `${ ns }/${ vm.metadata?.name ?? '' }`, nic: net.name ?? '', nad: ref
        });
      }
    }
  }

  return out;
}
