import { ref, shallowRef } from 'vue';
import { ApiError, errorMessage } from '@/api/problem';

/**
 * Loads data for a screen with explicit loading / error states.
 * Calls made while an earlier one runs win: a stale response never overwrites a newer one.
 */
export function useAsync<T>(loader: () => Promise<T>) {
  const data = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const errorStatus = ref<number | null>(null);
  let generation = 0;

  async function run(): Promise<void> {
    const current = ++generation;
    loading.value = true;
    error.value = null;
    errorStatus.value = null;
    try {
      const result = await loader();
      if (current === generation) data.value = result;
    } catch (caught) {
      if (current !== generation) return;
      error.value = errorMessage(caught);
      errorStatus.value = caught instanceof ApiError ? caught.status : null;
    } finally {
      if (current === generation) loading.value = false;
    }
  }

  return { data, loading, error, errorStatus, run };
}
