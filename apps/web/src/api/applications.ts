import { api } from './client';
import { unwrap } from './problem';

/**
 * A stored file of an application, as a Blob: the download needs the bearer token, so it goes
 * through the request client and is shown or saved through an object URL.
 * `inline` asks for a version fit for an <img> (thumbnails).
 */
export async function fetchApplicationFile(applicationId: string, fileId: string, inline = false): Promise<Blob> {
  const data: unknown = await unwrap(
    api.GET('/api/v1/applications/{id}/files/{fileId}', {
      params: { path: { id: applicationId, fileId }, query: inline ? { inline: '1' } : {} },
      parseAs: 'blob',
    }),
  );
  if (!(data instanceof Blob)) throw new Error('The file could not be read.');
  return data;
}

/** Saves a blob under `filename` through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started; the URL can go once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
