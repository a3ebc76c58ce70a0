import { onScopeDispose, ref, shallowRef } from 'vue';
import { api } from '@/api/client';
import { errorMessage, unwrap } from '@/api/problem';
import type { RenewalRun } from '@/api/types';
import { isRunning } from './renewal-figures';

/** How often a run at work is read again. */
export const POLL_MS = 1000;

/**
 * The run this page follows: started here ("Run now") or found at work when the page opened. It
 * is read every second until it is done or failed; `finished` is called once then. Polling stops
 * with the component.
 */
export function useRenewalRun(finished: (run: RenewalRun) => void) {
  const run = shallowRef<RenewalRun | null>(null);
  const starting = ref(false);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let following = 0;

  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function follow(current: RenewalRun) {
    stop();
    const generation = ++following;
    run.value = current;
    if (!isRunning(current)) return;
    const poll = async () => {
      try {
        const next = await unwrap(api.GET('/api/v1/renewal-runs/{id}', { params: { path: { id: current.id } } }));
        if (generation !== following) return;
        run.value = next;
        error.value = null;
        if (!isRunning(next)) {
          finished(next);
          return;
        }
      } catch (caught) {
        // A missed poll (the network, a restart) is shown and tried again: the run goes on without us.
        if (generation !== following) return;
        error.value = errorMessage(caught);
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
  }

  /** Starts a run as of `asOf` and follows it; resolves to false when it could not start. */
  async function start(asOf: string): Promise<boolean> {
    if (starting.value) return false;
    starting.value = true;
    error.value = null;
    try {
      follow(await unwrap(api.POST('/api/v1/renewal-runs', { body: { asOf } })));
      return true;
    } catch (caught) {
      error.value = errorMessage(caught);
      return false;
    } finally {
      starting.value = false;
    }
  }

  onScopeDispose(stop);

  return { run, starting, error, start, follow };
}
