import { nextTick, onMounted, Ref } from 'vue';

/**
 * A link that says "fix the range" lands the caret in it: once the form is on screen, the input of `field` (test id
 * `vmmn-<field>`) is focused and counted as visited, so its problems show at once.
 */
export function useFocusField(root: Ref<HTMLElement | undefined>, field: () => string | undefined, visit: (field: string) => void): void {
  onMounted(async() => {
    const name = field();

    if (!name) {
      return;
    }
    await nextTick();
    const input = root.value?.querySelector<HTMLInputElement>(`[data-testid="vmmn-${ name }"] input, input[data-testid="vmmn-${ name }"]`);

    if (input && !input.disabled) {
      input.focus();
      visit(name);
    }
  });
}
