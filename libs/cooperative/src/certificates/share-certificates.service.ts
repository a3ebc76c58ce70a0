import { Injectable } from '@nestjs/common';
import { formatDocumentDate } from '@tessera/billing';
import { Clock, FileStorage, Transactions } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { MailService } from '@tessera/notifications';
import { OrganisationSettingsService } from '@tessera/settings';
import { formatRanges, type ShareRange } from '../share-register-arithmetic';
import { renderShareCertificatePdf } from './share-certificate-pdf';

export interface CertificateToIssue {
  movementId: string;
  cooperatorId: string;
  cooperatorNumber: string;
  memberId: string;
  shareClass: { code: string; name: string };
  range: ShareRange;
  unitPrice: number;
  currency: string;
  date: string;
  /** The subscription's or the operation's reference, printed on the certificate. */
  subscriptionReference: string;
  /** False: no certificate e-mail (the caller's own e-mail attaches it). */
  announce?: boolean;
}

/** A stored certificate, as an e-mail attaches it. */
export interface IssuedCertificate {
  id: string;
  attachment: { filename: string; storageKey: string; contentType: 'application/pdf' };
}

/**
 * A share certificate for shares entered in the register: rendered (deterministic), stored once
 * (one certificate per movement, a unique key) and e-mailed with the PDF, in the caller's
 * transaction. A rollback leaves at most an unreferenced file in storage, never a row or e-mail.
 */
@Injectable()
export class ShareCertificatesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly members: MembersService,
    private readonly settings: OrganisationSettingsService,
    private readonly storage: FileStorage,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  async issue(certificate: CertificateToIssue): Promise<IssuedCertificate> {
    const holder = await this.members.billingDetails(certificate.memberId);
    const profile = await this.settings.billingProfile();
    const quantity = certificate.range.last - certificate.range.first + 1;
    const shareNumbers = formatRanges([certificate.range]);
    const pdf = await renderShareCertificatePdf({
      locale: holder.locale,
      organisation: { name: profile.legalName, address: profile.address, companyNumber: profile.companyNumber },
      holder: { name: holder.name, address: holder.address },
      cooperatorNumber: certificate.cooperatorNumber,
      shareClass: certificate.shareClass,
      quantity,
      shareNumbers,
      unitPrice: certificate.unitPrice,
      currency: certificate.currency,
      date: certificate.date,
      subscriptionReference: certificate.subscriptionReference,
    });
    const stored = await this.storage.save(pdf, 'pdf');
    const [row] = (await this.transactions.manager.query(
      `INSERT INTO share_certificates (movement_id, cooperator_id, pdf_key, pdf_sha256, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [certificate.movementId, certificate.cooperatorId, stored.key, stored.sha256, this.clock.now()],
    )) as { id: string }[];
    const attachment = {
      filename: `share-certificate-${certificate.cooperatorNumber}-${certificate.shareClass.code}-${certificate.range.first}.pdf`,
      storageKey: stored.key,
      contentType: 'application/pdf' as const,
    };
    if (holder.email && certificate.announce !== false)
      await this.mail.send({
        to: holder.email,
        template: 'share-certificate',
        locale: holder.locale,
        data: {
          name: holder.name,
          quantity,
          classCode: certificate.shareClass.code,
          shareNumbers,
          date: formatDocumentDate(certificate.date, holder.locale),
          cooperatorNumber: certificate.cooperatorNumber,
        },
        attachments: [attachment],
      });
    return { id: row.id, attachment };
  }
}
