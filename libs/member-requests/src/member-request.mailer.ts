import { Injectable } from '@nestjs/common';
import { formatDocumentDate, formatDocumentMoney } from '@tessera/billing';
import { AppConfig } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { MailService, type Locale } from '@tessera/notifications';
import { StaffDirectory } from '@tessera/users';
import type { MemberRequest } from './entities/member-request.entity';

/** The names a request's e-mails need besides the request itself. */
export interface RequestNames {
  fromPlanName: string;
  toPlanName: string;
}

/** How a request ended, for its outcome e-mails. */
export type RequestOutcomeKind = 'approved' | 'refused' | 'withdrawn' | 'cancelled';

/**
 * A member's request e-mails, written in the caller's transaction: the receipt to the member, and
 * each outcome to the member and to every active officer, naming who decided.
 */
@Injectable()
export class MemberRequestMailer {
  constructor(
    private readonly mail: MailService,
    private readonly members: MembersService,
    private readonly staff: StaffDirectory,
    private readonly config: AppConfig,
  ) {}

  private get base(): string {
    return this.config.PUBLIC_URL.replace(/\/$/, '');
  }

  async received(request: MemberRequest, names: RequestNames): Promise<void> {
    const contact = await this.members.contactFor(request.memberId).catch(() => null);
    if (!contact) return;
    await this.mail.send({
      to: contact.email,
      template: 'member-request-received',
      locale: contact.locale,
      data: {
        name: contact.name,
        reference: request.reference,
        upgrade: request.kind === 'upgrade',
        termination: request.kind === 'termination',
        planName: names.toPlanName,
        now: request.effect === 'now',
        endsOn: request.endsOn ? formatDocumentDate(request.endsOn, contact.locale) : '',
        url: `${this.base}/portal/requests`,
      },
    });
  }

  async outcome(request: MemberRequest, names: RequestNames, outcome: RequestOutcomeKind): Promise<void> {
    const member = await this.members.get(request.memberId);
    const contact = await this.members.contactFor(request.memberId).catch(() => null);
    const data = (locale: Locale) => {
      const result = request.outcome;
      const invoice = result?.invoice ?? null;
      return {
        reference: request.reference,
        memberName: member.name,
        memberNumber: member.number,
        upgrade: request.kind === 'upgrade',
        termination: request.kind === 'termination',
        approved: outcome === 'approved',
        refused: outcome === 'refused',
        withdrawn: outcome === 'withdrawn',
        cancelled: outcome === 'cancelled',
        fromPlanName: names.fromPlanName,
        planName: names.toPlanName,
        effectiveOn: result?.effectiveOn ? formatDocumentDate(result.effectiveOn, locale) : '',
        endsOn: result?.endsOn ? formatDocumentDate(result.endsOn, locale) : '',
        invoiceNumber: invoice?.number ?? '',
        invoiceAmount: invoice ? formatDocumentMoney(invoice.gross, invoice.currency, locale) : '',
        decidedBy: request.decidedByName ?? '',
        reason: request.decisionNote,
      };
    };
    if (contact)
      await this.mail.send({
        to: contact.email,
        template: 'member-request-outcome',
        locale: contact.locale,
        data: { ...data(contact.locale), name: contact.name, staff: false, url: `${this.base}/portal/requests` },
      });
    for (const officer of await this.staff.activeWithRole('officer'))
      await this.mail.send({
        to: officer.email,
        template: 'member-request-outcome',
        locale: officer.locale,
        data: {
          ...data(officer.locale),
          name: officer.name,
          staff: true,
          url: `${this.base}/office/members/${request.memberId}`,
        },
      });
  }
}
