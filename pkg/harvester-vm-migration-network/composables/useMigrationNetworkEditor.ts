import { computed, ref, watch } from 'vue';
import { Store } from 'vuex';
import { useClusterObjects } from './useClusterObjects';
import {
  dryRunValue, saveValue, snapshotSetting, SettingObject, WriteOutcome, RequestFn
} from '../api/setting-client';
import { useT } from './useT';
import {
  EDITOR_TYPES, canonicalValue, checkForm, factsOf, migrationsOf, parseStored
} from '../editor/adapter';
import {
  FormState, Problem, SETTING_ID, controllerCaughtUp, parseValue
} from '../core';

export type Step = 'edit' | 'review' | 'saving' | 'saved';

/**
 * State and actions of the vm-migration-network editor. The form keeps what the user typed; every decision
 * (problems, canonical value, capacity) comes from the core module through `editor/adapter`. Saving never
 * writes over a newer object: the update carries the resourceVersion the form was loaded from.
 */
export function useMigrationNetworkEditor(store: Store<unknown>) {
  const { t } = useT(store);
  const cluster = useClusterObjects(store, EDITOR_TYPES);
  const setting = computed(() => (cluster.objects.value['harvesterhci.io.setting'] as SettingObject[]).find((s) => s.id === SETTING_ID));
  /** The object the form was loaded from: its resourceVersion guards the save. */
  const base = ref<SettingObject>();
  const form = ref<FormState>({
    enabled: false, clusterNetwork: '', vlan: '', range: '', exclude: []
  });
  const parseProblems = ref<Problem[]>([]);
  const step = ref<Step>('edit');
  const confirmed = ref(false);
  const outcome = ref<WriteOutcome>();
  const dryRun = ref<WriteOutcome>();

  function load(from: SettingObject) {
    const parsed = parseStored(from.value ?? '');

    base.value = snapshotSetting(from);
    form.value = parsed.form;
    parseProblems.value = parsed.problems;
    step.value = 'edit';
    outcome.value = undefined;
    dryRun.value = undefined;
  }

  // First load only: later server changes must not overwrite what the user is typing.
  watch(setting, (current) => {
    if (current && !base.value) {
      load(current);
    }
  }, { immediate: true });

  const available = computed(() => Object.fromEntries(EDITOR_TYPES.map((type) => [type, cluster.state[type].availability === 'ready'])) as Record<string, boolean>);
  const facts = computed(() => factsOf(cluster.objects.value, available.value));
  const storedValue = computed(() => base.value?.value ?? '');
  const check = computed(() => checkForm(form.value, facts.value, storedValue.value, t));
  const value = computed(() => canonicalValue(form.value, storedValue.value));
  /** Stored keys the form does not edit: a save writes them back unchanged. */
  const kept = computed(() => parseValue(storedValue.value).kept);
  const unchanged = computed(() => value.value === storedValue.value);
  const hasErrors = computed(() => check.value.problems.some((p) => p.severity === 'error'));
  const canEdit = computed(() => !!setting.value?.links?.update);
  /** Someone else changed the value since the form was loaded (status and annotation writes by the controller don't count). */
  const changedElsewhere = computed(() => !!setting.value && !!base.value && (setting.value.value ?? '') !== (base.value.value ?? ''));

  /**
   * The object a write starts from: the live one when only the controller touched it since loading (same value),
   * otherwise the loaded copy, whose older resourceVersion makes the server answer 409 instead of clobbering.
   */
  function writeBase(): SettingObject | undefined {
    return setting.value && !changedElsewhere.value ? snapshotSetting(setting.value) : base.value;
  }
  const caughtUp = computed(() => (setting.value ? controllerCaughtUp(setting.value) : undefined));
  const migrations = computed(() => migrationsOf(cluster.objects.value));

  const request: RequestFn = (options) => store.dispatch('cluster/request', options);

  /** Review: ask the server first (dry run); a denial stays on the form and nothing is written. */
  async function review() {
    const from = writeBase();

    if (hasErrors.value || unchanged.value || !from) {
      return;
    }
    dryRun.value = await dryRunValue(request, store.getters['clusterId'], from, value.value);
    if (dryRun.value.kind === 'conflict') {
      // The dry run already proves the value changed on the server: nothing is written, the user decides.
      outcome.value = dryRun.value;
    }
    if (dryRun.value.kind === 'ok' || dryRun.value.kind === 'unsupported') {
      confirmed.value = false;
      step.value = 'review';
    }
  }

  async function save() {
    const from = writeBase();

    if (!from || !confirmed.value) {
      return;
    }
    step.value = 'saving';
    outcome.value = await saveValue(request, from, value.value);
    if (outcome.value.kind === 'ok') {
      base.value = outcome.value.setting ? snapshotSetting(outcome.value.setting) : base.value;
      step.value = 'saved';
    } else {
      step.value = outcome.value.kind === 'denied' ? 'edit' : 'review';
    }
  }

  /** After a conflict: take the server's object and start again from it (the user's form is dropped on request only). */
  function reload() {
    if (setting.value) {
      load(setting.value);
    }
  }

  /** After a conflict: keep the form, adopt the server's resourceVersion, and review again. */
  function reapply() {
    if (setting.value && base.value) {
      base.value = snapshotSetting(setting.value);
      outcome.value = undefined;
      step.value = 'edit';
    }
  }

  return {
    cluster, setting, form, parseProblems, step, confirmed, outcome, dryRun, check, value, kept, storedValue, unchanged, hasErrors, canEdit, changedElsewhere, caughtUp, migrations, review, save, reload, reapply,
  };
}
