import { computed } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { Plan } from '@/api/types';
import { useAsync } from './useAsync';

/** Sorts plans as the admin ordered them, then by name. */
export function byPlanOrder(a: Plan, b: Plan): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name);
}

/**
 * The membership plans: the active ones (public), or all of them for administrators.
 * Call `run()` to load.
 */
export function usePlans(options: { includeInactive?: boolean } = {}) {
  const state = useAsync(async () => {
    const query = options.includeInactive ? { includeInactive: true } : {};
    const page = await unwrap(api.GET('/api/v1/plans', { params: { query } }));
    return [...page.items].sort(byPlanOrder);
  });
  const plans = computed<Plan[]>(() => state.data.value ?? []);
  return { ...state, plans };
}

/** Plans as options of a select; inactive ones say so. */
export function planOptions(plans: Plan[]): { value: string; label: string }[] {
  return plans.map((plan) => ({ value: plan.id, label: plan.active ? plan.name : `${plan.name} (inactive)` }));
}
