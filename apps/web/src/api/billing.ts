import { api } from './client';
import { unwrap } from './problem';

/** Shown in a frame, a PDF must say what it is whatever the response's type said. */
function asPdf(data: unknown): Blob {
  if (!(data instanceof Blob)) throw new Error('The file could not be read.');
  return data.type === 'application/pdf' ? data : new Blob([data], { type: 'application/pdf' });
}

/**
 * A billing document's PDF as a Blob: it needs the bearer token, so it goes through the request
 * client and is shown or saved through an object URL. `own` reads it as the member (/me/invoices).
 */
export async function fetchDocumentPdf(id: string, own = false): Promise<Blob> {
  const params = { params: { path: { id } }, parseAs: 'blob' as const };
  return asPdf(
    await unwrap(own ? api.GET('/api/v1/me/invoices/{id}/pdf', params) : api.GET('/api/v1/invoices/{id}/pdf', params)),
  );
}

/** A payment's receipt PDF; `own` reads it as the member (/me/payments). */
export async function fetchReceiptPdf(id: string, own = false): Promise<Blob> {
  const params = { params: { path: { id } }, parseAs: 'blob' as const };
  return asPdf(
    await unwrap(
      own ? api.GET('/api/v1/me/payments/{id}/receipt', params) : api.GET('/api/v1/payments/{id}/receipt', params),
    ),
  );
}

/** The file name a document's or receipt's PDF is saved under: its number. */
export function pdfFileName(number: string): string {
  return `${number}.pdf`;
}
