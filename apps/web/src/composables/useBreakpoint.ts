import { onScopeDispose, ref, type Ref } from 'vue';

/** Reactive `matchMedia`. */
export function useMediaQuery(query: string): Ref<boolean> {
  const list = window.matchMedia(query);
  const matches = ref(list.matches);
  const update = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  list.addEventListener('change', update);
  onScopeDispose(() => list.removeEventListener('change', update));
  return matches;
}

/** Phone width: the side navigation becomes a drawer. */
export function useIsPhone(): Ref<boolean> {
  return useMediaQuery('(max-width: 767.98px)');
}
