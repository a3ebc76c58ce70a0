import { Injectable } from '@nestjs/common';
import { formatDocumentDate, formatDocumentMoney } from '@tessera/billing';
import { MembersService } from '@tessera/members';
import { MailService, type EmailAttachment } from '@tessera/notifications';
import { formatRanges, type ShareRange } from '../share-register-arithmetic';
import type { ShareOperationRow } from './share-operation.repository';

export type OperationOutcome = 'executed' | 'refused' | 'cancelled' | 'withdrawn';

/** What the effect of an executed operation was, as its e-mail tells it. */
export interface ExecutedFacts {
  removed: ShareRange[];
  added: ShareRange[];
  effectiveOn: string;
  reimbursement: { amount: number; payableFrom: string } | null;
  /** A conversion's new certificate. */
  attachments: EmailAttachment[];
}

/** E-mails about operations on shares, written to the outbox in the caller's transaction (en/fr). */
@Injectable()
export class ShareOperationMailer {
  constructor(
    private readonly mail: MailService,
    private readonly members: MembersService,
  ) {}

  async received(row: ShareOperationRow): Promise<void> {
    const holder = await this.members.billingDetails(row.memberId);
    if (!holder.email) return;
    await this.mail.send({
      to: holder.email,
      template: 'share-operation-received',
      locale: holder.locale,
      data: { ...this.common(row), name: holder.name },
    });
  }

  async outcome(
    row: ShareOperationRow,
    outcome: OperationOutcome,
    reason: string | null,
    executed: ExecutedFacts | null,
  ): Promise<void> {
    const holder = await this.members.billingDetails(row.memberId);
    if (!holder.email) return;
    const locale = holder.locale;
    await this.mail.send({
      to: holder.email,
      template: 'share-operation-outcome',
      locale,
      data: {
        ...this.common(row),
        name: holder.name,
        executed: outcome === 'executed',
        refused: outcome === 'refused',
        cancelled: outcome === 'cancelled',
        withdrawn: outcome === 'withdrawn',
        shareNumbers: executed ? formatRanges(executed.removed) : '',
        toShareNumbers: executed ? formatRanges(executed.added) : '',
        effectiveOn: executed ? formatDocumentDate(executed.effectiveOn, locale) : '',
        amount: executed?.reimbursement ? formatDocumentMoney(executed.reimbursement.amount, row.currency, locale) : '',
        payableFrom: executed?.reimbursement ? formatDocumentDate(executed.reimbursement.payableFrom, locale) : '',
        reason: reason ?? '',
      },
      attachments: executed?.attachments,
    });
  }

  /** The receiver of a transfer: their new shares, with the new certificates attached. */
  async transferred(
    row: ShareOperationRow,
    received: { ranges: ShareRange[]; cooperatorNumber: string; date: string; attachments: EmailAttachment[] },
  ): Promise<void> {
    const receiver = await this.members.billingDetails(row.toMemberId!);
    if (!receiver.email) return;
    await this.mail.send({
      to: receiver.email,
      template: 'share-transfer-received',
      locale: receiver.locale,
      data: {
        name: receiver.name,
        fromName: row.holder.name,
        quantity: row.quantity,
        classCode: row.shareClass.code,
        shareNumbers: formatRanges(received.ranges),
        date: formatDocumentDate(received.date, receiver.locale),
        cooperatorNumber: received.cooperatorNumber,
      },
      attachments: received.attachments,
    });
  }

  private common(row: ShareOperationRow) {
    return {
      reference: row.reference,
      redemption: row.kind === 'redemption',
      transfer: row.kind === 'transfer',
      conversion: row.kind === 'conversion',
      quantity: row.quantity,
      classCode: row.shareClass.code,
      toName: receiverNameOf(row),
      toClassCode: row.toShareClass?.code ?? '',
      toQuantity: row.toQuantity ?? 0,
    };
  }
}

/** A transfer's receiver by name: their member record's, or the new person's as staff gave it. */
export function receiverNameOf(row: ShareOperationRow): string {
  if (row.toHolder) return row.toHolder.name;
  return row.toPerson ? `${row.toPerson.firstName} ${row.toPerson.lastName}` : '';
}
