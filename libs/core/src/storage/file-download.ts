import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../uploads/file-names';
import type { FileStorage } from './file-storage';

/** A stored file, opened and ready to stream to the caller. */
export interface FileDownload {
  stream: Readable;
  contentType: string;
  size: number;
  disposition: string;
}

/** What a domain keeps of a stored file (an application's document, an approval attachment…). */
export interface StoredFileFacts {
  id: string;
  storageKey: string;
  contentType: string;
  size: number;
  filename: string;
}

/**
 * Opens a stored file for download under its sanitised name. Opened before answering, so a file
 * missing from storage is a logged 500, not a broken download.
 */
export async function openDownload(
  storage: FileStorage,
  file: StoredFileFacts,
  disposition: 'inline' | 'attachment',
): Promise<FileDownload> {
  const stream = storage.read(file.storageKey);
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (error) => reject(new Error(`Stored file ${file.id} cannot be read: ${error.message}`)));
  });
  return {
    stream,
    contentType: file.contentType,
    size: file.size,
    disposition: contentDisposition(disposition, file.filename),
  };
}

/**
 * The answer to a download: the detected type as sent (never sniffed), never cached, and
 * sandboxed should a browser render it (uploads are other people's bytes).
 */
export function downloadResponse(reply: FastifyReply, download: FileDownload): StreamableFile {
  void reply.headers({
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  return new StreamableFile(download.stream, {
    type: download.contentType,
    disposition: download.disposition,
    length: download.size,
  });
}
