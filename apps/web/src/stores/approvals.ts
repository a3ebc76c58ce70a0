import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';

/**
 * The caller's pending and overdue decisions, for the navigation badge. Refreshed on navigation
 * and after a decision; a failed refresh keeps the last counts (the badge is a hint, not a page).
 */
export const useApprovalCounts = defineStore('approval-counts', () => {
  const pending = ref(0);
  const overdue = ref(0);

  async function refresh(): Promise<void> {
    try {
      const counts = await unwrap(api.GET('/api/v1/approvals/summary'));
      pending.value = counts.pending;
      overdue.value = counts.overdue;
    } catch {
      // Keep the last counts.
    }
  }

  return { pending, overdue, refresh };
});
