import { Store } from 'vuex';
import { useI18n } from '@shell/composables/useI18n';

/**
 * The shell's translate function for text interpolation. The shell escapes HTML in `t()` by default, which is
 * right for its `v-html` users but shows `&quot;` in a `{{ }}` binding that Vue escapes again; our templates only
 * ever bind text (no v-html), so we ask for the raw string and let Vue escape it once.
 */
export function useT(store: Store<unknown>): { t: (key: string, args?: Record<string, unknown>) => string } {
  const { t } = useI18n(store);

  return { t: (key, args) => t(key, args, true) };
}
