import { computed, type Ref } from 'vue';
import { useIsPhone } from './useBreakpoint';

interface PagedList {
  query: Ref<{ page: number; pageSize: number }>;
  total: Ref<number>;
}

/**
 * The pagination of a back-office table for a `useRouteList` list: page sizes on wide screens,
 * the simple pager on phones, and "N <noun>s" in front.
 */
export function useListPagination(list: PagedList, noun: string, plural = `${noun}s`) {
  const isPhone = useIsPhone();
  return computed(() => ({
    page: list.query.value.page,
    pageSize: list.query.value.pageSize,
    itemCount: list.total.value,
    pageSizes: [20, 50, 100],
    showSizePicker: !isPhone.value,
    simple: isPhone.value,
    disabled: list.total.value === 0,
    prefix: ({ itemCount }: { itemCount: number | undefined }) =>
      `${itemCount ?? 0} ${itemCount === 1 ? noun : plural}`,
  }));
}
