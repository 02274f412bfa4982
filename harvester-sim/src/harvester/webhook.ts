import {
  Admission, ApiError, ClusterReader, K8sObject, WebhookCallFailed
} from '../types';
import { RWX_NETWORK, STORAGE_NETWORK, T, VM_MIGRATION_NETWORK } from './constants';
import { decodeNetworkConfig, NetworkConfig } from './godecode';
import { CheckError, checkNetworkOverlap, validateNetworkHelper } from './network-checks';
import { isVmimInProgressForW1 } from './migrations';
import { WebhookTimeout } from './network-checks-v6';
import { webhookRules, WebhookRules } from './versions';

/** What the apiserver says when Harvester's validator does not answer within its (default) 10 s. */
const TIMED_OUT = 'failed to call webhook: Post "https://harvester-webhook.harvester-system.svc:443/v1/webhook/validation?timeout=10s": context deadline exceeded';

/** The two string fields of a Setting (`value`, `default`; Go zero value ""). */
function fields(obj: K8sObject | undefined): { value: string; default: string } {
  return { value: typeof obj?.value === 'string' ? obj.value : '', default: typeof obj?.default === 'string' ? obj.default : '' };
}

/** `werror.NewInvalidError(message, field)`: 422 `Invalid`, with the field as the status cause. */
const invalid = (message: string, field: string) => new ApiError(422, 'Invalid', message, [{
  reason: 'FieldValueInvalid', message, field
}]);
const internal = (message: string) => new ApiError(500, 'InternalError', message);

/** `getNetworkConfig(name)`: the peer's effective config (value, else default); 500 when it does not decode. */
function peerConfig(name: string, reader: ClusterReader, rules: WebhookRules): NetworkConfig | undefined {
  const setting = reader.get(T.setting, name);
  const { value, default: def } = fields(setting);
  const text = value || def;

  if (!setting || !text) {
    return undefined;
  }
  const { config, error } = decodeNetworkConfig(text, { dualStack: rules.dualStack, exclusiveVlan: rules.exclusiveVlan });

  if (!config) {
    throw internal(`failed to unmarshal the ${ name } setting ${ value ? '' : 'default ' }value ${ text }, ${ error }`);
  }

  return config;
}

/**
 * The v1.8 rwx-network peer: `{"share-storage-network":bool,"network":Config}`; skipped in share mode or when its
 * network has no range (the chart default). Assumption: an unset rwx range never blocks the migration network.
 */
function rwxConfig(reader: ClusterReader, rules: WebhookRules): NetworkConfig | undefined {
  const { value, default: def } = fields(reader.get(T.setting, RWX_NETWORK));

  if (!rules.rwxPeer) {
    return undefined;
  }
  const text = value || def;

  if (!text) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as { 'share-storage-network'?: boolean; network?: unknown };

    if (parsed['share-storage-network'] === true || !parsed.network) {
      return undefined;
    }
    const { config } = decodeNetworkConfig(JSON.stringify(parsed.network), { dualStack: rules.dualStack, exclusiveVlan: rules.exclusiveVlan });

    return config?.range ? config : undefined;
  } catch {
    throw internal(`failed to unmarshal the ${ RWX_NETWORK } setting value ${ text }, invalid JSON`);
  }
}

/** Runs `fn`, turning a CheckError into the webhook's 422 (or 500 for internal failures). */
function guard(fn: () => void): ApiError | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) {
      return err;
    }
    if (err instanceof WebhookTimeout) {
      return new WebhookCallFailed(TIMED_OUT);
    }
    if (err instanceof CheckError) {
      return err.internal ? internal(err.message) : invalid(err.message, VM_MIGRATION_NETWORK);
    }
    throw err;
  }

  return undefined;
}

/** Effective config of the setting being written: value's config wins over default's (both validated). */
function validatePair(name: string, obj: K8sObject, reader: ClusterReader, rules: WebhookRules): NetworkConfig | undefined {
  const { value, default: def } = fields(obj);
  let config: NetworkConfig | undefined;

  try {
    config = validateNetworkHelper(name, def, reader, rules);
  } catch (err) {
    throw err instanceof CheckError ? invalid(err.message, 'default') : err;
  }
  try {
    return validateNetworkHelper(name, value, reader, rules) ?? config;
  } catch (err) {
    throw err instanceof CheckError ? invalid(err.message, 'value') : err;
  }
}

/**
 * `validateVMMigrationNetwork` / `validateUpdateVMMigrationNetwork` / `validateDeleteVMMigrationNetwork`
 * (harvester/harvester pkg/webhook/resources/setting/validator.go; what differs by release is in versions.ts):
 * W2 on delete; W1 on create only; update skipped when value and default are unchanged; then default, value,
 * overlap with storage-network and rwx-network.
 */
function vmMigrationNetwork(operation: string, obj: K8sObject | undefined, old: K8sObject | undefined, reader: ClusterReader): ApiError | undefined {
  if (operation === 'DELETE') {
    return new ApiError(405, 'MethodNotAllowed', `Disallow delete setting name ${ VM_MIGRATION_NETWORK }`);
  }
  const next = obj as K8sObject;

  if (operation === 'UPDATE') {
    const before = fields(old);
    const after = fields(next);

    if (before.value === after.value && before.default === after.default) {
      return undefined;
    }
  } else if (reader.list(T.vmim).some(isVmimInProgressForW1)) {
    return new ApiError(400, 'BadRequest', 'There is a VM Migration in progress, please wait until it is completed before updating the VMMigrationNetwork setting');
  }

  return guard(() => {
    const rules = webhookRules(reader);
    const config = validatePair(VM_MIGRATION_NETWORK, next, reader, rules);

    checkNetworkOverlap(VM_MIGRATION_NETWORK, config, STORAGE_NETWORK, peerConfig(STORAGE_NETWORK, reader, rules));
    checkNetworkOverlap(VM_MIGRATION_NETWORK, config, RWX_NETWORK, rwxConfig(reader, rules));
  });
}

/** VMs count as running while a VMI exists that has not finished (`vmUtil.IsVMStopped`, simplified). */
function anyVmRunning(reader: ClusterReader): boolean {
  return reader.list(T.vmi).some((vmi) => !['Succeeded', 'Failed'].includes(String((vmi.status as { phase?: string } | undefined)?.phase ?? '')));
}

/**
 * `validateStorageNetwork` / `validateUpdateStorageNetwork` (subset): default and value through the shared
 * helper, the reverse overlap with vm-migration-network, then "all VMs stopped". Longhorn volume checks and the
 * v1.8 "still being configured" 409 are not modelled.
 */
function storageNetwork(operation: string, obj: K8sObject | undefined, old: K8sObject | undefined, reader: ClusterReader): ApiError | undefined {
  if (operation === 'DELETE') {
    return new ApiError(405, 'MethodNotAllowed', `Disallow delete setting name ${ STORAGE_NETWORK }`);
  }
  const next = fields(obj);

  if (operation === 'UPDATE') {
    const before = fields(old);

    if (before.value === next.value && before.default === next.default) {
      return undefined;
    }
  }

  return guard(() => {
    const rules = webhookRules(reader);
    const config = validatePair(STORAGE_NETWORK, obj as K8sObject, reader, rules);

    try {
      checkNetworkOverlap(STORAGE_NETWORK, config, VM_MIGRATION_NETWORK, peerConfig(VM_MIGRATION_NETWORK, reader, rules));
    } catch (err) {
      throw err instanceof CheckError ? invalid(err.message, 'value') : err;
    }
    if ((operation === 'UPDATE' || next.value || next.default) && anyVmRunning(reader)) {
      throw invalid('Please stop all VMs before configuring the storage-network setting', STORAGE_NETWORK);
    }
  });
}

/** Harvester's setting validator (`validator.harvesterhci.io`) for the network settings; other settings pass. */
export const settingAdmission: Admission = (operation, object, old, reader) => {
  const name = (object ?? old)?.metadata.name;

  if (name === VM_MIGRATION_NETWORK) {
    return vmMigrationNetwork(operation, object, old, reader);
  }
  if (name === STORAGE_NETWORK) {
    return storageNetwork(operation, object, old, reader);
  }

  return undefined;
};
