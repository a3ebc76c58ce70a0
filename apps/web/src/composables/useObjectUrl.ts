import { onScopeDispose, ref, watch, type Ref } from 'vue';

/** An object URL for the blob `source` returns, replaced when it changes, revoked when done. */
export function useObjectUrl(source: () => Blob | null | undefined): Ref<string | null> {
  const url = ref<string | null>(null);
  const revoke = () => {
    if (url.value) URL.revokeObjectURL(url.value);
    url.value = null;
  };
  watch(
    source,
    (blob) => {
      revoke();
      if (blob) url.value = URL.createObjectURL(blob);
    },
    { immediate: true },
  );
  onScopeDispose(revoke);
  return url;
}

/** Object URLs made on demand (e.g. downloaded files), all revoked when the component goes away. */
export function useObjectUrls() {
  const urls = new Set<string>();
  function create(blob: Blob): string {
    const url = URL.createObjectURL(blob);
    urls.add(url);
    return url;
  }
  function revoke(url: string) {
    if (urls.delete(url)) URL.revokeObjectURL(url);
  }
  onScopeDispose(() => {
    for (const url of urls) URL.revokeObjectURL(url);
    urls.clear();
  });
  return { create, revoke };
}
