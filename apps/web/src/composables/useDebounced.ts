import { onScopeDispose } from 'vue';

/** Calls `fn` once input has been quiet for `delay` ms. */
export function useDebouncedFn<A extends unknown[]>(fn: (...args: A) => void, delay = 300) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  onScopeDispose(cancel);
  const debounced = (...args: A) => {
    cancel();
    timer = setTimeout(() => fn(...args), delay);
  };
  return Object.assign(debounced, { cancel });
}
