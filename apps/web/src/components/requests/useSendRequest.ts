import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { requestProblemMessage } from './request-problem';
import type { CreateMemberRequest } from './types';

/**
 * Sends a member's request from a portal form, then shows the list of requests with "sent";
 * a refusal is worded for the member. A second click while one is on its way does nothing.
 */
export function useSendRequest() {
  const router = useRouter();
  const sending = ref(false);
  const error = ref<string | null>(null);

  async function send(body: CreateMemberRequest | null): Promise<void> {
    if (!body || sending.value) return;
    sending.value = true;
    error.value = null;
    try {
      await unwrap(api.POST('/api/v1/me/requests', { body }));
      await router.push({ name: 'portal-requests', query: { sent: '1' } });
    } catch (caught) {
      error.value = requestProblemMessage(caught);
    } finally {
      sending.value = false;
    }
  }

  return { sending, error, send };
}
