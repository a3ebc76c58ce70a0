import { onScopeDispose } from 'vue';

/** How often a page with something still due reads again while in view, in ms. */
const EVERY_MS = 20_000;

/**
 * A payment may land while the member looks at the page — Stripe's webhook, a bank statement
 * imported, finance recording a transfer — and nothing pushes it to the browser. So the page reads
 * again when it comes back into view (the member returns from their bank's app) and, while in view
 * with something still due, every 20 s; a paid invoice then shows as paid without a reload.
 */
export function useRereadWhileDue(reread: () => Promise<void>, somethingDue: () => boolean, everyMs = EVERY_MS) {
  let reading = false;
  async function rereadIfDue() {
    if (reading || document.visibilityState !== 'visible' || !somethingDue()) return;
    reading = true;
    try {
      await reread();
    } finally {
      reading = false;
    }
  }
  const onVisibility = () => void rereadIfDue();
  document.addEventListener('visibilitychange', onVisibility);
  const timer = setInterval(() => void rereadIfDue(), everyMs);
  onScopeDispose(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    clearInterval(timer);
  });
}
