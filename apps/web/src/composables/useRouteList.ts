import { computed, watch } from 'vue';
import { useRoute, useRouter, type LocationQueryRaw } from 'vue-router';
import { useAsync } from './useAsync';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ListQuery<F extends string> {
  page: number;
  pageSize: number;
  filters: Record<F, string>;
}

function positiveInt(value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(n, max) : fallback;
}

/**
 * A paged, filtered list whose state lives in the URL (?page=&pageSize=&<filters>), so a view can
 * be bookmarked, shared and navigated with back/forward. Reloads whenever that query changes.
 */
export function useRouteList<T, F extends string, P extends Page<T> = Page<T>>(options: {
  filters: readonly F[];
  pageSize?: number;
  /** Loads a page; it may carry more than the items (e.g. totals), kept in `data`. */
  load: (query: ListQuery<F>) => Promise<P>;
}) {
  const route = useRoute();
  const router = useRouter();
  const routeName = route.name;
  const defaultPageSize = options.pageSize ?? 20;

  const query = computed<ListQuery<F>>(() => ({
    page: positiveInt(route.query.page, 1),
    pageSize: positiveInt(route.query.pageSize, defaultPageSize, 200),
    filters: Object.fromEntries(
      options.filters.map((key) => {
        const value = route.query[key];
        return [key, typeof value === 'string' ? value : ''];
      }),
    ) as Record<F, string>,
  }));

  const state = useAsync(() => options.load(query.value));

  watch(
    () => JSON.stringify(query.value),
    () => {
      if (route.name === routeName) void state.run();
    },
    { immediate: true },
  );

  function update(changes: Record<string, string | number | null>) {
    const next: LocationQueryRaw = { ...route.query };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') delete next[key];
      else next[key] = String(value);
    }
    if (next.page === '1') delete next.page;
    if (next.pageSize === String(defaultPageSize)) delete next.pageSize;
    void router.replace({ query: next });
  }

  const items = computed<T[]>(() => state.data.value?.items ?? []);
  const total = computed(() => state.data.value?.total ?? 0);
  const hasFilters = computed(() => options.filters.some((key) => query.value.filters[key] !== ''));

  return {
    ...state,
    query,
    items,
    total,
    hasFilters,
    reload: state.run,
    /** Reads the page again in the background: no loading state, and a failure keeps what is shown. */
    async refresh() {
      try {
        state.data.value = await options.load(query.value);
      } catch {
        // The next read tries again; the page still shows what it had.
      }
    },
    setPage: (page: number) => update({ page }),
    setPageSize: (pageSize: number) => update({ pageSize, page: null }),
    setFilter: (key: F, value: string | null) => update({ [key]: value, page: null }),
    /** Sets several filters in one navigation (a quick filter is a kind and a state). */
    setFilters: (changes: Partial<Record<F, string | null>>) => update({ ...changes, page: null }),
    clearFilters: () => update({ ...Object.fromEntries(options.filters.map((key) => [key, null])), page: null }),
    /** Replaces one item in place (after an action on a row). */
    replaceItem(match: (item: T) => boolean, next: T) {
      const page = state.data.value;
      if (!page) return;
      state.data.value = { ...page, items: page.items.map((item: T) => (match(item) ? next : item)) };
    },
  };
}
