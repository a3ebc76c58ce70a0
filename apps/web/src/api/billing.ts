import { api } from './client';
import { unwrap } from './problem';

/**
 * A billing document's PDF as a Blob: it needs the bearer token, so it goes through the request
 * client and is shown or saved through an object URL. `own` reads it as the member (/me/invoices).
 */
export async function fetchDocumentPdf(id: string, own = false): Promise<Blob> {
  const params = { params: { path: { id } }, parseAs: 'blob' as const };
  const data: unknown = await unwrap(
    own ? api.GET('/api/v1/me/invoices/{id}/pdf', params) : api.GET('/api/v1/invoices/{id}/pdf', params),
  );
  if (!(data instanceof Blob)) throw new Error('The file could not be read.');
  // Shown in a frame, it must say what it is whatever the response's type said.
  return data.type === 'application/pdf' ? data : new Blob([data], { type: 'application/pdf' });
}

/** The file name a document's PDF is saved under: its number. */
export function pdfFileName(number: string): string {
  return `${number}.pdf`;
}
