import { onScopeDispose, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { isSettled } from '@/components/portal/document-actions';

/** What the page says after Stripe Checkout sent the member back. */
export type PaymentReturn = 'confirming' | 'confirmed' | 'slow' | 'cancelled' | null;

/** Pauses between reads, in ms: about half a minute in all. */
const POLL_DELAYS = [1500, 2000, 3000, 4000, 5000, 6000, 8000];

/**
 * Back from Stripe Checkout (`?paid={id}` or `?cancelled={id}` on My invoices). After a payment,
 * the webhook records it a moment later: the document is read again a few times, and `reload`
 * (the list) with it, until it shows paid — `confirming`, then `confirmed`, or `slow` when it
 * takes longer than the page waits. A cancelled checkout charged nothing: `cancelled`.
 */
export function usePaymentReturn(reload: () => Promise<void>, delays: readonly number[] = POLL_DELAYS) {
  const route = useRoute();
  const router = useRouter();
  const state = ref<PaymentReturn>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Each start (and stop) begins a new round: reads of an older one are ignored when they land.
  let round = 0;

  const stop = () => {
    round += 1;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  onScopeDispose(stop);

  async function settled(id: string): Promise<boolean> {
    try {
      return isSettled(await unwrap(api.GET('/api/v1/me/invoices/{id}', { params: { path: { id } } })));
    } catch {
      return false;
    }
  }

  function poll(id: string, attempt: number, current: number) {
    timer = setTimeout(async () => {
      const done = await settled(id);
      if (current !== round) return;
      await reload();
      if (done) state.value = 'confirmed';
      else if (attempt + 1 < delays.length) poll(id, attempt + 1, current);
      else state.value = 'slow';
    }, delays[attempt]);
  }

  async function start(paid: unknown, cancelled: unknown) {
    stop();
    const current = round;
    if (typeof cancelled === 'string' && cancelled) {
      state.value = 'cancelled';
      return;
    }
    if (typeof paid !== 'string' || !paid) {
      state.value = null;
      return;
    }
    state.value = 'confirming';
    const done = await settled(paid);
    if (current !== round) return;
    if (done) {
      state.value = 'confirmed';
      await reload();
    } else poll(paid, 0, current);
  }

  watch(
    () => [route.query.paid, route.query.cancelled] as const,
    ([paid, cancelled]) => void start(paid, cancelled),
    { immediate: true },
  );

  /** Hides the message and takes `paid`/`cancelled` out of the address. */
  function dismiss() {
    stop();
    state.value = null;
    const query = { ...route.query };
    delete query.paid;
    delete query.cancelled;
    void router.replace({ query });
  }

  return { state, dismiss };
}
