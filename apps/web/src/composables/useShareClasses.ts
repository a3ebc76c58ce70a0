import { computed } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { useAsync } from './useAsync';

/** Every share class (staff see inactive ones too), loaded once per page, with select options. */
export function useShareClasses() {
  const state = useAsync(() => unwrap(api.GET('/api/v1/share-classes')));
  void state.run();
  const classes = computed(() => state.data.value ?? []);
  const options = computed(() => classes.value.map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` })));
  return { state, classes, options };
}
