import type { components } from '@tessera/api-client';
import { api } from './client';
import { unwrap } from './problem';

/** Types of the share form and "My shares", from the generated client. */
type Schemas = components['schemas'];
export type ShareClass = Schemas['ShareClassDto'];
export type ShareSubscription = Schemas['ShareSubscriptionDto'];
export type CreateShareSubscriptionBody = Schemas['CreateShareSubscriptionDto'];
export type CreateMyShareSubscriptionBody = Schemas['CreateMyShareSubscriptionDto'];
export type MyShares = Schemas['MySharesDto'];
export type MyShareHolder = Schemas['MyShareHolderDto'];
export type MyCapitalRelease = Schemas['MyCapitalReleaseDto'];
export type MyShareCertificate = Schemas['MyShareCertificateDto'];
export type MyHolding = Schemas['MyHoldingDto'];

/** A share certificate's PDF, read with the member's token. */
export async function fetchCertificatePdf(id: string): Promise<Blob> {
  const data: unknown = await unwrap(
    api.GET('/api/v1/me/shares/certificates/{id}/pdf', {
      params: { path: { id }, query: { download: '1' } },
      parseAs: 'blob',
    }),
  );
  if (!(data instanceof Blob)) throw new Error('The certificate could not be read.');
  return data;
}
