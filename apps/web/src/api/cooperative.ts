import type { components } from '@tessera/api-client';
import { api } from './client';
import { unwrap } from './problem';

/** The co-operative's types (issue 18), from the generated client. */
type Schemas = components['schemas'];
export type ShareClass = Schemas['ShareClassDto'];
export type CreateShareClassBody = Schemas['CreateShareClassDto'];
export type ShareHolderKind = Schemas['ShareHolderKind'];
export type ShareSubscription = Schemas['ShareSubscriptionDto'];
export type ShareSubscriptionState = ShareSubscription['state'];
export type Cooperator = Schemas['CooperatorSummaryDto'];
export type CooperatorDetail = Schemas['CooperatorDetailDto'];
export type CooperatorState = Schemas['CooperatorState'];
export type CooperatorKind = Schemas['CooperatorKind'];
export type ShareOperation = Schemas['ShareOperationDto'];
export type ShareOperationKind = Schemas['ShareOperationKind'];
export type ShareOperationState = Schemas['ShareOperationState'];
export type CreateShareOperationBody = Schemas['CreateShareOperationDto'];
export type ShareMovementKind = Schemas['ShareMovementKind'];
export type ShareRegister = Schemas['ShareRegisterDto'];
export type ShareReimbursement = Schemas['ShareReimbursementDto'];
export type ShareReimbursementState = Schemas['ShareReimbursementState'];

/** Reads a file answer: its bytes and the name the API gives it. */
async function fileOf(
  request: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallback: string,
): Promise<{ blob: Blob; filename: string }> {
  let disposition = '';
  const blob = await unwrap(
    request.then((result) => {
      disposition = result.response.headers.get('content-disposition') ?? '';
      return result;
    }),
  );
  return { blob, filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallback };
}

/** The register as of a date, as CSV. */
/** A transfer's receiver by name: their member record's, or (until approved) the new person's as staff gave it. */
export function receiverNameOf(operation: ShareOperation): string {
  if (operation.toHolder) return operation.toHolder.name;
  return operation.toPerson ? `${operation.toPerson.firstName} ${operation.toPerson.lastName}` : '';
}

export function fetchShareRegisterCsv(asOf: string) {
  return fileOf(
    api.GET('/api/v1/share-register.csv', { params: { query: { asOf } }, parseAs: 'blob' }) as never,
    `share-register-${asOf}.csv`,
  );
}

/** A share certificate's PDF (staff). */
export function fetchShareCertificatePdf(id: string) {
  return fileOf(
    api.GET('/api/v1/share-certificates/{id}/pdf', { params: { path: { id }, query: {} }, parseAs: 'blob' }) as never,
    'share-certificate.pdf',
  );
}
