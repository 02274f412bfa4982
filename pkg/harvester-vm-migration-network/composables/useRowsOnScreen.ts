import { onBeforeUnmount, Ref, watch } from 'vue';

/** The attribute a row's element carries with its cluster id, for the fleet reader to tell which rows are seen. */
export const ROW_ID_ATTRIBUTE = 'data-vmmn-cluster';

/**
 * Tells `onChange` which rows are in the window: elements under `root` with `ROW_ID_ATTRIBUTE`, as they scroll in
 * and out, or are filtered away. Where the browser has no IntersectionObserver it says nothing, and every row
 * counts as seen.
 */
export function useRowsOnScreen(root: Ref<HTMLElement | undefined>, onChange: (ids: Set<string>) => void): void {
  if (typeof IntersectionObserver === 'undefined' || typeof MutationObserver === 'undefined') {
    return;
  }
  const seen = new Set<string>();
  const watched = new WeakSet<Element>();
  const intersections = new IntersectionObserver((changes) => {
    for (const change of changes) {
      const id = change.target.getAttribute(ROW_ID_ATTRIBUTE) ?? '';

      if (change.isIntersecting && change.target.isConnected) {
        seen.add(id);
      } else {
        seen.delete(id);
      }
    }
    onChange(new Set(seen));
  });
  const observeRows = () => {
    root.value?.querySelectorAll(`[${ ROW_ID_ATTRIBUTE }]`).forEach((element) => {
      if (!watched.has(element)) {
        watched.add(element);
        intersections.observe(element);
      }
    });
  };
  const mutations = new MutationObserver(observeRows);

  // The root appears once the page has loaded, after this component mounted.
  watch(root, (element) => {
    mutations.disconnect();
    if (element) {
      mutations.observe(element, { childList: true, subtree: true });
      observeRows();
    }
  }, { immediate: true, flush: 'post' });
  onBeforeUnmount(() => {
    mutations.disconnect();
    intersections.disconnect();
  });
}
