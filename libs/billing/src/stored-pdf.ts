import type { FileStorage } from '@tessera/core';

/** A PDF in FileStorage, with the name the reader sees. Its bytes never change: the SHA-256 is its ETag. */
export interface StoredPdf {
  key: string;
  sha256: string;
  filename: string;
}

/** What `storePdfOnce` needs to know of a record (a document, a receipt) and how to print it. */
export interface PdfToStore {
  filename: string;
  /** What the record says is stored already, if anything. */
  stored: { key: string | null; sha256: string | null };
  render(): Promise<Buffer>;
  /** Records the stored file unless another is recorded; answers with the one kept. */
  record(file: { key: string; sha256: string }): Promise<{ key: string; sha256: string }>;
}

/**
 * The record's stored PDF, rendering and storing it first if this is its first use. Two first
 * uses at once both render; the first recorded wins and the other file goes.
 */
export async function storePdfOnce(storage: FileStorage, pdf: PdfToStore): Promise<StoredPdf & { rendered: boolean }> {
  const { filename, stored } = pdf;
  if (stored.key && stored.sha256) return { key: stored.key, sha256: stored.sha256, filename, rendered: false };
  const saved = await storage.save(await pdf.render(), 'pdf');
  const kept = await pdf.record({ key: saved.key, sha256: saved.sha256 });
  if (kept.key !== saved.key) await storage.remove([saved.key]);
  return { ...kept, filename, rendered: kept.key === saved.key };
}
