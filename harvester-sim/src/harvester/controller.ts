import { createHash } from 'node:crypto';
import { ChangeEvent, K8sObject } from '../types';
import {
  HARVESTER_SYSTEM, KUBEVIRT_ID, rfc3339, T, VM_MIGRATION_NETWORK, VMN_HASH, VMN_NAD
} from './constants';
import { SimContext } from './context';
import { decodeNetworkConfig } from './godecode';
import { createMigrationNad, labelNad } from './nad';
import { webhookRules } from './versions';

/** `sha1()` of vm_migration_network.go: lowercase hex over the raw value bytes. */
export function sha1(value: string): string {
  return createHash('sha1').update(value, 'utf8').digest('hex');
}

interface Condition {
  type: string;
  status?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * `setConfiguredCondition`: stamps both annotations (hash of the current value, the given NAD pointer) and the
 * `configured` condition the wrangler way: `lastUpdateTime` moves only when status or message change, empty
 * reason/message are omitted. Skips the write when nothing changed.
 */
function setConfigured(ctx: SimContext, setting: K8sObject, ok: boolean, reason: string, message: string, nad: string): void {
  const copy = structuredClone(setting);
  const status = (copy.status ?? {}) as { conditions?: Condition[] };
  const conditions = status.conditions ?? [];
  let cond = conditions.find((c) => c.type === 'configured');

  if (!cond) {
    cond = { type: 'configured' };
    conditions.push(cond);
  }
  const next = ok ? 'True' : 'False';

  if ((cond.status ?? '') !== next || (cond.message ?? '') !== message) {
    cond.lastUpdateTime = rfc3339(ctx.now());
  }
  cond.status = next;
  for (const [key, value] of [['reason', reason], ['message', message]] as const) {
    if (value) {
      cond[key] = value;
    } else {
      delete cond[key];
    }
  }
  // Keep wrangler's field order: type, status, lastUpdateTime, [lastTransitionTime], reason, message.
  const ordered: Condition = {
    type: cond.type, status: cond.status, lastUpdateTime: cond.lastUpdateTime
  };

  Object.assign(ordered, cond.lastTransitionTime ? { lastTransitionTime: cond.lastTransitionTime } : {}, cond.reason ? { reason: cond.reason } : {}, cond.message ? { message: cond.message } : {});
  conditions[conditions.indexOf(cond)] = ordered;
  status.conditions = conditions;
  copy.status = status;
  copy.metadata.annotations = {
    ...copy.metadata.annotations, [VMN_HASH]: sha1(String(setting.value ?? '')), [VMN_NAD]: nad
  };
  if (JSON.stringify(copy) !== JSON.stringify(setting)) {
    ctx.store.update(T.setting, copy);
  }
}

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * One reconcile of `OnVMMigrationNetworkChange` (harvester/harvester pkg/controller/master/kubevirt/
 * vm_migration_network.go): fresh-install skip, hash no-op, find-or-create the NAD, point KubeVirt's
 * `spec.configuration.migrations.network` at it (or drop it), delete the old NAD, then the condition.
 * Failures are sticky: the hash is stamped and nothing retries.
 */
export function reconcileSetting(ctx: SimContext): void {
  const { store } = ctx;
  const setting = store.get(T.setting, VM_MIGRATION_NETWORK);

  if (!setting || setting.metadata.deletionTimestamp) {
    return;
  }
  const value = typeof setting.value === 'string' ? setting.value : '';
  const annotations = setting.metadata.annotations;

  if (!annotations && value === '') {
    return;
  }
  const hash = sha1(value);

  if (annotations?.[VMN_HASH] === hash) {
    return;
  }
  const old = annotations?.[VMN_NAD] ?? '';
  const kubevirt = store.get(T.kubeVirt, KUBEVIRT_ID);

  if (!kubevirt) {
    return setConfigured(ctx, setting, false, 'GetKubeVirtError', 'get kubevirt error kubevirts.kubevirt.io "kubevirt" not found', old);
  }
  const copy = structuredClone(kubevirt);
  const spec = (copy.spec ?? {}) as { configuration?: { migrations?: { network?: string } } };
  const configuration = spec.configuration ?? {};
  const migrations = configuration.migrations ?? {};
  let removeOld = true;
  let pointer = '';

  configuration.migrations = migrations;
  spec.configuration = configuration;
  copy.spec = spec;
  if (value !== '') {
    let nad = store.list(T.nad).find((n) => n.metadata.namespace === HARVESTER_SYSTEM && n.metadata.labels?.[VMN_HASH] === hash);

    if (!nad) {
      const { config, error } = decodeNetworkConfig(value, webhookRules(store));

      try {
        if (!config) {
          throw new Error(`parsing value error ${ error }`);
        }
        nad = createMigrationNad(ctx, config, hash);
      } catch (err) {
        return setConfigured(ctx, setting, false, 'CreateNadError', `create nad error ${ errText(err) }`, old);
      }
    }
    pointer = `${ HARVESTER_SYSTEM }/${ nad.metadata.name }`;
    removeOld = pointer !== old;
    migrations.network = nad.metadata.name;
  } else {
    delete migrations.network;
  }
  const before = JSON.stringify((kubevirt.spec as { configuration?: unknown } | undefined)?.configuration ?? {});

  if (JSON.stringify(configuration) !== before) {
    const injected = ctx.failures.get('UpdateKubeVirtError');

    ctx.failures.delete('UpdateKubeVirtError');
    try {
      if (injected) {
        throw new Error(injected);
      }
      store.update(T.kubeVirt, copy);
    } catch (err) {
      return setConfigured(ctx, setting, false, 'UpdateKubeVirtError', `update kubevirt error ${ errText(err) }`, old);
    }
  }
  const parts = old.split('/');

  if (removeOld && parts.length === 2) {
    const injected = ctx.failures.get('RemoveOldNadError');

    ctx.failures.delete('RemoveOldNadError');
    try {
      if (injected) {
        throw new Error(injected);
      }
      if (store.get(T.nad, old)) {
        store.remove(T.nad, old);
      }
    } catch (err) {
      return setConfigured(ctx, setting, false, 'RemoveOldNadError', `remove old nad error ${ errText(err) }`, old);
    }
  }
  setConfigured(ctx, setting, true, '', '', pointer);
}

/** Wires the controller (and the network-controller's NAD labeller) to store events; reconciles once at start. */
export function installSettingController(ctx: SimContext): () => void {
  const run = () => ctx.scheduler.after(0, () => reconcileSetting(ctx), 'vm-migration-network');

  run();

  return ctx.store.onChange((event: ChangeEvent) => {
    if (event.type === T.setting && event.kind !== 'remove' && event.object.metadata.name === VM_MIGRATION_NETWORK) {
      run();
    }
    if (event.type === T.nad && event.kind === 'create') {
      const id = `${ event.object.metadata.namespace }/${ event.object.metadata.name }`;

      ctx.scheduler.after(0, () => labelNad(ctx, id), `nad-label:${ id }`);
    }
  });
}
