import { ref } from 'vue';
import { useMessage } from 'naive-ui';
import { errorMessage } from '@/api/problem';

/**
 * A button's action against the API: `busy` while it runs, a success toast when it worked, and the
 * problem's message (e.g. a 409's detail) in `error` when it did not, for an alert next to it.
 */
export function useAction() {
  const message = useMessage();
  const busy = ref<string | null>(null);
  const error = ref<string | null>(null);

  /** Runs `action` under the name `key` (which button is busy); resolves to its result or null. */
  async function run<T>(key: string, action: () => Promise<T>, success: (result: T) => string): Promise<T | null> {
    if (busy.value) return null;
    busy.value = key;
    error.value = null;
    try {
      const result = await action();
      message.success(success(result));
      return result;
    } catch (caught) {
      error.value = errorMessage(caught);
      return null;
    } finally {
      busy.value = null;
    }
  }

  return { busy, error, run, clearError: () => (error.value = null) };
}
