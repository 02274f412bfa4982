import {
  computed, ComputedRef, ref, Ref, watch, WritableComputedRef
} from 'vue';
import { Store } from 'vuex';
import { useClusterObjects } from './useClusterObjects';
import {
  dryRunValue, saveValue, snapshotSetting, SettingObject, WriteOptions
} from '../api/setting-client';
import { shellPage } from './useShellPage';
import { fleetReader } from './fleet-reader';
import { recordChange } from './seen-changes';
import {
  EDITOR_TYPES, checkForm, factsOf, loadedForm, migrationsOf, shownKept, writesNothing
} from '../editor/adapter';
import { editorNotices } from '../editor/notices';
import {
  awaits, canReview, canSave, EditorEvent, initialState, reviewLabelKey, saveLabelKey, showsForm, transition
} from '../editor/steps';
import { EditorView } from '../editor/types';
import { PageState, pageStateOf } from '../utils/page-state';
import {
  FormState, Problem, SETTING_ID, STEVE_TYPES, configuredCondition, controllerCaughtUp, parseValue, releaseRules, valueChanges
} from '../core';

export interface MigrationNetworkEditor {
  /** Loading, ready, or why the setting cannot be edited (forbidden, failed, not found): never a spinner for ever. */
  pageState: ComputedRef<PageState>;
  /** Reads the settings again after a failure. */
  retry: () => Promise<void>;
  /** What the user typed; never overwritten by server changes (those are shown as notices). */
  form: Ref<FormState>;
  /** The review's "I understand" box (a v-model). */
  confirmed: WritableComputedRef<boolean>;
  /** Everything the template renders. */
  view: ComputedRef<EditorView>;
  /** Dry run, then the review; a denial, a failure (or no answer in time) or a conflict stays on the form. */
  review: () => Promise<void>;
  save: () => Promise<void>;
  back: () => void;
  /** After a conflict or a save that timed out: drop the form and start from the server's object. */
  reload: () => void;
  /** After a conflict: keep the form, adopt the server's resourceVersion, and review again. */
  reapply: () => void;
}

/**
 * The vm-migration-network editor's view-model. The form keeps what the user typed; every decision comes from pure
 * modules: problems and the value to write from the core module (`editor/adapter`), the steps from `editor/steps`,
 * the notices from `editor/notices`. Saving never writes over a newer object: the update carries the
 * resourceVersion the form was loaded from.
 */
export function useMigrationNetworkEditor(store: Store<unknown>, writeOptions: WriteOptions = {}): MigrationNetworkEditor {
  const { t, request, clusterId } = shellPage(store);
  const cluster = useClusterObjects(store, EDITOR_TYPES);
  const setting = computed(() => (cluster.objects.value[STEVE_TYPES.setting] as SettingObject[]).find((s) => s.id === SETTING_ID));
  /** The object the form was loaded from: its resourceVersion guards the save. */
  const base = ref<SettingObject>();
  const form = ref<FormState>({
    enabled: false, clusterNetwork: '', vlan: '', range: '', exclude: []
  });
  /** The value of our save in flight: the websocket's copy of our own write may arrive before the write's answer. */
  const ourWrite = ref<string>();
  /** resourceVersions that are ours (loaded, saved): the store may still hold the one we saved over after a save. */
  const ourVersions = ref<string[]>([]);
  const parseProblems = ref<Problem[]>([]);
  /** Review was pressed while the form had errors: every problem shows, with a summary. Cleared by a reload. */
  const reviewAttempted = ref(false);
  const state = ref(initialState());
  const dispatch = (event: EditorEvent) => {
    state.value = transition(state.value, event);
  };

  const available = computed(() => Object.fromEntries(EDITOR_TYPES.map((type) => [type, cluster.state[type].availability === 'ready'])) as Record<string, boolean>);
  const facts = computed(() => factsOf(cluster.objects.value, available.value));

  function load(from: SettingObject) {
    const parsed = parseValue(from.value ?? '');

    base.value = snapshotSetting(from);
    ourWrite.value = undefined;
    reviewAttempted.value = false;
    ourVersions.value = [from.metadata.resourceVersion ?? ''];
    ({ form: form.value, problems: parseProblems.value } = loadedForm(parsed, facts.value));
    dispatch({ type: 'load' });
  }

  // First load only: later server changes must not overwrite what the user is typing.
  watch(setting, (current) => {
    if (current && !base.value) {
      load(current);
    }
  }, { immediate: true });

  const storedValue = computed(() => base.value?.value ?? '');
  const check = computed(() => checkForm(form.value, facts.value, storedValue.value, t));
  const kept = computed(() => parseValue(storedValue.value).kept);
  /**
   * Someone else changed the value since the form was loaded. Status and annotation writes by the controller don't
   * count, nor does the echo of our own save in flight (same value as we are writing).
   */
  const changedElsewhere = computed(() => {
    const live = setting.value;

    if (!live || !base.value || ourVersions.value.includes(live.metadata.resourceVersion ?? '')) {
      return false;
    }

    return (live.value ?? '') !== (base.value.value ?? '') && live.value !== ourWrite.value;
  });
  const migrations = computed(() => migrationsOf(cluster.objects.value));

  const view = computed((): EditorView => {
    const s = state.value;
    const c = check.value;
    const canEdit = !!setting.value?.links?.update;
    const value = c.value;
    const unchanged = writesNothing(form.value, c, storedValue.value);

    return {
      step:     s.step,
      showForm: showsForm(s),
      canEdit,
      notices:  editorNotices({
        state:            s,
        parseProblems:    parseProblems.value,
        canEdit,
        skipped:          c.skipped,
        changedElsewhere: changedElsewhere.value,
        serverValue:      setting.value?.value || '',
        unchanged,
        errorCount:       reviewAttempted.value ? c.problems.filter((p) => p.severity === 'error').length : 0,
      }),
      check:     c,
      kept:      shownKept(kept.value, form.value),
      release:   { ...releaseRules(facts.value.harvesterVersion), version: facts.value.harvesterVersion },
      rawValue:  parseProblems.value.length ? storedValue.value : undefined,
      condition: configuredCondition(setting.value),
      caughtUp:  setting.value ? controllerCaughtUp(setting.value) : undefined,
      preview:   {
        value:      value ?? '',
        previous:   storedValue.value,
        nadConfig:  c.nadConfig,
        // The nodes the capacity counts (every node without the witness label) run virt-handler.
        restarting: facts.value.nodes?.filter((n) => !n.hasWitnessLabel).map((n) => n.name),
        changes:    valueChanges(storedValue.value, value ?? ''),
        migrations: migrations.value,
      },
      canReview:      canReview(s, { changes: !unchanged, loaded: !!base.value }),
      revealAll:      reviewAttempted.value,
      canSave:        canSave(s),
      reviewLabelKey: reviewLabelKey(s),
      saveLabelKey:   saveLabelKey(s, migrations.value.length > 0),
    };
  });

  /**
   * The object a write starts from: the live one when only the controller touched it since loading (same value),
   * otherwise the loaded copy, whose older resourceVersion makes the server answer 409 instead of clobbering.
   */
  function writeBase(): SettingObject | undefined {
    return setting.value && !changedElsewhere.value ? snapshotSetting(setting.value) : base.value;
  }

  async function review() {
    const from = writeBase();
    const value = check.value.value;

    if (!view.value.canReview || !from) {
      return;
    }
    // With errors nothing is sent: every problem shows, and the summary says how many.
    if (check.value.hasErrors || value === undefined) {
      reviewAttempted.value = true;

      return;
    }
    dispatch({ type: 'dryRunStarted' });
    const attempt = state.value.attempts;
    const result = await dryRunValue(request, clusterId.value, from, value, writeOptions);

    // The machine ignores a superseded answer too; checked here for symmetry with save, which must not adopt one.
    if (awaits(state.value, 'dryRun', attempt)) {
      dispatch({
        type: 'dryRun', attempt, result
      });
    }
  }

  async function save() {
    const from = writeBase();
    const value = check.value.value;

    if (!view.value.canSave || !from || value === undefined) {
      return;
    }
    dispatch({ type: 'saveStarted' });
    const attempt = state.value.attempts;

    ourWrite.value = value;
    const result = await saveValue(request, from, value, writeOptions);

    // An answer nobody awaits any more (the form was reloaded meanwhile) must not replace the form's base either.
    if (!awaits(state.value, 'save', attempt)) {
      return;
    }
    if (result.kind === 'ok' && result.setting) {
      base.value = snapshotSetting(result.setting);
      ourVersions.value = [...ourVersions.value, result.setting.metadata.resourceVersion ?? ''];
      // The overview's row is out of date (read first when it shows again); the rollout tracker dates the change.
      fleetReader(store).readSoon(clusterId.value);
      recordChange(clusterId.value, result.setting.value ?? '');
    }
    // Saved: the base now holds our value. Not saved: the value on the server is not ours (a timed-out save may
    // still land; then it shows as a change, which the reload the notice offers resolves).
    ourWrite.value = undefined;
    dispatch({
      type: 'saveDone', attempt, result
    });
  }

  function reload() {
    if (setting.value) {
      load(setting.value);
    }
  }

  function reapply() {
    if (setting.value && base.value) {
      base.value = snapshotSetting(setting.value);
      dispatch({ type: 'reapply' });
    }
  }

  return {
    pageState: computed(() => pageStateOf(cluster.state[STEVE_TYPES.setting], !!setting.value)),
    retry:     () => cluster.retry(STEVE_TYPES.setting),
    form,
    confirmed: computed({
      get: () => state.value.confirmed,
      set: (confirmed: boolean) => dispatch({ type: 'confirm', confirmed }),
    }),
    view,
    review,
    save,
    back: () => dispatch({ type: 'back' }),
    reload,
    reapply,
  };
}
