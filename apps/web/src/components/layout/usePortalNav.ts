import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { PORTAL_MORE, PORTAL_NAV, type PortalNavItem } from './portal-nav';

/**
 * The portal's sections whose routes exist (a section not built yet has no entry), split for a
 * phone into tabs and the rest ("More"), and which one the reader is in.
 */
export function usePortalNav() {
  const route = useRoute();
  const router = useRouter();
  const items = computed(() => PORTAL_NAV.filter((item) => router.hasRoute(item.route)));
  const tabs = computed(() => items.value.filter((item) => item.tab));
  const more = computed(() => items.value.filter((item) => !item.tab));

  /** The current section: its own route, or (for `prefix` entries) a route named under it. */
  function isCurrent(item: PortalNavItem): boolean {
    const name = typeof route.name === 'string' ? route.name : '';
    if (item === PORTAL_MORE) return name === PORTAL_MORE.route || more.value.some(isCurrent);
    return name === item.route || (!!item.prefix && name.startsWith(`${item.route}-`));
  }

  return { items, tabs, more, isCurrent };
}
