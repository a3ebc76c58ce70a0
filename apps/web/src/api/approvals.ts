import { api } from './client';
import { unwrap } from './problem';

/** An attachment of an approval request, as a Blob (the download needs the bearer token). */
export async function fetchApprovalAttachment(requestId: string, attachmentId: string): Promise<Blob> {
  const data: unknown = await unwrap(
    api.GET('/api/v1/approvals/{id}/attachments/{attachmentId}', {
      params: { path: { id: requestId, attachmentId } },
      parseAs: 'blob',
    }),
  );
  if (!(data instanceof Blob)) throw new Error('The file could not be read.');
  return data;
}
