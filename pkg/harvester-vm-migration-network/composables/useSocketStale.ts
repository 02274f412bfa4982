import { computed, ref, Ref, watch } from 'vue';
import { Store } from 'vuex';
import { socketStale } from '../core';

/** The part of the shell's `Socket` (`@shell/utils/socket`) we read; it is an EventTarget, not reactive. */
interface ShellSocket extends EventTarget {
  state?: string;
  hasBeenOpen?: boolean;
}

const SOCKET_EVENTS = ['connected', 'disconnected', 'connecting', 'connect_error', 'disconnect_error'];

/**
 * True while the `cluster` store's Steve socket, once open, is reconnecting or down: the store no longer
 * receives changes. The shell has no getter for this; `state.socket` is the Socket object, whose `state`
 * changes before each of these events is dispatched. Unknown (advanced worker mode, no socket): false.
 */
export function useSocketStale(store: Store<unknown>): Ref<boolean> {
  const stale = ref(false);
  const socket = computed(() => (store.state as { cluster?: { socket?: ShellSocket | null } } | undefined)?.cluster?.socket ?? undefined);

  watch(socket, (current, _previous, onCleanup) => {
    const update = () => {
      stale.value = socketStale(current?.state, !!current?.hasBeenOpen);
    };

    update();
    if (!current) {
      return;
    }
    SOCKET_EVENTS.forEach((event) => current.addEventListener(event, update));
    onCleanup(() => SOCKET_EVENTS.forEach((event) => current.removeEventListener(event, update)));
  }, { immediate: true });

  return stale;
}
