import { StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '@tessera/core';
import type { Readable } from 'node:stream';
import type { StoredPdf } from '../stored-pdf';

/**
 * A document's or a receipt's PDF, inline (shown in the page) unless `download` is asked for. The bytes never
 * change, so its SHA-256 is its ETag; private, as it names a member.
 */
export function pdfResponse(reply: FastifyReply, pdf: StoredPdf, stream: Readable, download: boolean): StreamableFile {
  void reply.headers({
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-cache',
    ETag: `"${pdf.sha256}"`,
  });
  return new StreamableFile(stream, {
    type: 'application/pdf',
    disposition: contentDisposition(download ? 'attachment' : 'inline', pdf.filename),
  });
}
