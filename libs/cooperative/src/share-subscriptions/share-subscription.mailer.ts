import { Injectable } from '@nestjs/common';
import { formatDocumentMoney } from '@tessera/billing';
import { MailService } from '@tessera/notifications';
import type { ShareSubscriptionRow } from './share-subscription.repository';

/** E-mails about a share subscription, written to the outbox in the caller's transaction. */
@Injectable()
export class ShareSubscriptionMailer {
  constructor(private readonly mail: MailService) {}

  async received(row: ShareSubscriptionRow): Promise<void> {
    const money = (amount: number) => formatDocumentMoney(amount, row.currency, row.locale);
    await this.mail.send({
      to: row.holderEmail,
      template: 'share-subscription-received',
      locale: row.locale,
      data: {
        name: row.holderName,
        reference: row.reference,
        quantity: row.quantity,
        className: row.shareClassName,
        classCode: row.shareClassCode,
        unitPrice: money(row.unitPrice),
        amount: money(row.unitPrice * row.quantity),
      },
    });
  }
}
