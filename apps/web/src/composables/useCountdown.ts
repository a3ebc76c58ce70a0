import { computed, onScopeDispose, ref } from 'vue';

/** A seconds countdown (e.g. a 429's Retry-After) that ticks once a second and stops at zero. */
export function useCountdown() {
  const remaining = ref(0);
  let timer: ReturnType<typeof setInterval> | null = null;

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    remaining.value = 0;
  }

  function start(seconds: number) {
    stop();
    remaining.value = Math.max(0, Math.ceil(seconds));
    if (remaining.value === 0) return;
    timer = setInterval(() => {
      remaining.value -= 1;
      if (remaining.value <= 0) stop();
    }, 1000);
  }

  onScopeDispose(stop);

  return { remaining, running: computed(() => remaining.value > 0), start, stop };
}
