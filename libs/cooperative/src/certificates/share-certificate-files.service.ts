import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { StoredPdf } from '@tessera/billing';
import { FileStorage, ProblemException, Transactions } from '@tessera/core';

export const certificateNotFound = () =>
  ProblemException.notFound('No share certificate has this id.', 'share-certificate-not-found');

/** A stored certificate's PDF, to download (staff here; the holder's own through /me). */
@Injectable()
export class ShareCertificateFilesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly storage: FileStorage,
  ) {}

  async open(id: string): Promise<{ pdf: StoredPdf; stream: Readable }> {
    const [row] = (await this.transactions.manager.query(
      `SELECT sc.pdf_key AS key, sc.pdf_sha256 AS sha256,
              'share-certificate-' || coalesce(co.number, 'candidate') || '-' || c.code || '-' || sm.first_number || '.pdf' AS filename
         FROM share_certificates sc JOIN cooperators co ON co.id = sc.cooperator_id
         JOIN share_movements sm ON sm.id = sc.movement_id JOIN share_classes c ON c.id = sm.share_class_id
        WHERE sc.id = $1`,
      [id],
    )) as StoredPdf[];
    if (!row) throw certificateNotFound();
    return { pdf: row, stream: this.storage.read(row.key) };
  }
}
