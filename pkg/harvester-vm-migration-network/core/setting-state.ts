import { CONFIGURED_CONDITION, VMN_HASH_ANNOTATION } from './constants';
import { Condition, Setting } from './k8s-types';
import { sha1Hex } from './sha1';

/** The `configured` condition Harvester's controller writes on the setting, if any. */
export function configuredCondition(setting: Setting | undefined): Condition | undefined {
  return setting?.status?.conditions?.find((c) => c.type === CONFIGURED_CONDITION);
}

/**
 * Whether the controller has processed the current value: sha1 of the raw value equals its hash annotation.
 * Undefined when it never had anything to do: a fresh install (no annotation, empty value), which the controller
 * skips on purpose (docs/harvester-behaviour.md, "Controller", step 2).
 */
export function controllerCaughtUp(setting: Setting): boolean | undefined {
  const hash = setting.metadata?.annotations?.[VMN_HASH_ANNOTATION];

  if (hash === undefined) {
    return setting.value ? false : undefined;
  }

  return hash === sha1Hex(setting.value ?? '');
}
