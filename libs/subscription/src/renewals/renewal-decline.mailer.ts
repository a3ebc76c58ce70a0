import { Injectable } from '@nestjs/common';
import { formatDocumentDate } from '@tessera/billing';
import { AppConfig } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { MailService } from '@tessera/notifications';
import { StaffDirectory } from '@tessera/users';

export interface DeclinedRenewal {
  memberId: string;
  number: string;
  /** The last day of membership (local date). */
  endsOn: string;
  reason: string | null;
  reopened: boolean;
}

/** "I will not renew" (and its undoing): to the member, and to every active officer. */
@Injectable()
export class RenewalDeclineMailer {
  constructor(
    private readonly mail: MailService,
    private readonly members: MembersService,
    private readonly staff: StaffDirectory,
    private readonly config: AppConfig,
  ) {}

  async send(renewal: DeclinedRenewal): Promise<void> {
    const base = this.config.PUBLIC_URL.replace(/\/$/, '');
    const member = await this.members.get(renewal.memberId);
    const contact = await this.members.contactFor(renewal.memberId).catch(() => null);
    const common = {
      number: renewal.number,
      reason: renewal.reason,
      reopened: renewal.reopened,
      memberName: member.name,
      memberNumber: member.number,
    };
    if (contact)
      await this.mail.send({
        to: contact.email,
        template: 'renewal-declined',
        locale: contact.locale,
        data: {
          ...common,
          endsOn: formatDocumentDate(renewal.endsOn, contact.locale),
          name: contact.name,
          staff: false,
          url: `${base}/portal/invoices`,
        },
      });
    for (const officer of await this.staff.activeWithRole('officer'))
      await this.mail.send({
        to: officer.email,
        template: 'renewal-declined',
        locale: officer.locale,
        data: {
          ...common,
          endsOn: formatDocumentDate(renewal.endsOn, officer.locale),
          name: officer.name,
          staff: true,
          url: `${base}/office/members/${renewal.memberId}`,
        },
      });
  }
}
