import { onBeforeUnmount, ref, Ref } from 'vue';

/** One clock for every relative time on the page: it ticks only while someone shows one. */
const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** The current time in epoch ms, updated every second while the calling component is mounted. */
export function useNow(): Ref<number> {
  users++;
  if (!timer) {
    now.value = Date.now();
    timer = setInterval(() => {
      now.value = Date.now();
    }, 1000);
  }
  onBeforeUnmount(() => {
    users--;
    if (!users && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  });

  return now;
}
