import { shallowRef, type ShallowRef } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { PublicOrganisation } from '@/api/types';

const organisation = shallowRef<PublicOrganisation | null>(null);
let loading: Promise<void> | null = null;

/**
 * Who the organisation is (name, contact, terms and privacy links), for the public pages: read
 * once per page load and shared. Null until it arrives, or if it cannot be read (pages then
 * simply do without it).
 */
export function useOrganisation(): Readonly<ShallowRef<PublicOrganisation | null>> {
  loading ??= unwrap(api.GET('/api/v1/settings/organisation/public')).then(
    (value) => {
      organisation.value = value;
    },
    () => {
      loading = null;
    },
  );
  return organisation;
}
