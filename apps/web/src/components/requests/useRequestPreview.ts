import { ref, shallowRef, watch, type Ref } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { requestProblemMessage } from './request-problem';
import type { CreateMemberRequest, RequestPreview } from './types';

/**
 * What the request being written would do, from the server (amounts and dates are never worked
 * out in the browser): asked again whenever the body changes; a stale answer never wins.
 */
export function useRequestPreview(body: Ref<CreateMemberRequest | null>) {
  const preview = shallowRef<RequestPreview | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;

  async function load(request: CreateMemberRequest | null) {
    const current = ++generation;
    preview.value = null;
    error.value = null;
    if (!request) return;
    loading.value = true;
    try {
      const result = await unwrap(api.POST('/api/v1/me/requests/preview', { body: request }));
      if (current === generation) preview.value = result;
    } catch (caught) {
      if (current === generation) error.value = requestProblemMessage(caught);
    } finally {
      if (current === generation) loading.value = false;
    }
  }

  watch(body, (request) => void load(request), { immediate: true, deep: true });
  return { preview, loading, error, reload: () => load(body.value) };
}
