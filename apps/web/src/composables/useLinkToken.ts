import { ref, type Ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/**
 * The token of an e-mailed one-time link (`/reset-password#token=…`, `/activate#token=…`). It
 * rides in the fragment, which browsers never send to a server, so no proxy or access log sees it.
 * Links sent before that carried it in the query (`?token=`), still accepted. Either way it is
 * taken once and removed from the address bar, so it stays out of the history and of screenshots.
 */
export function useLinkToken(): Ref<string> {
  const route = useRoute();
  const router = useRouter();
  const fromFragment = new URLSearchParams(route.hash.replace(/^#/, '')).get('token');
  const fromQuery = typeof route.query.token === 'string' ? route.query.token : null;
  const token = ref((fromFragment ?? fromQuery ?? '').trim());
  if (fromFragment !== null || fromQuery !== null) {
    const { token: _dropped, ...query } = route.query;
    void router.replace({ path: route.path, query, hash: '' });
  }
  return token;
}
