import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tessera/core';
import { MailService } from '@tessera/notifications';
import { StaffDirectory } from '@tessera/users';
import type { Application } from './entities/application.entity';

export type ApplicationOutcome =
  | { kind: 'approved'; planName: string; memberNumber: string; accountInvited: boolean }
  | { kind: 'refused'; reason: string }
  | { kind: 'cancelled'; reason: string };

/** Whom an e-mail to the applicant greets: an organisation's contact person, else the applicant. */
export function applicantGreeting(application: Pick<Application, 'contactName' | 'applicantName'>): string {
  return application.contactName ?? application.applicantName;
}

/** The outcome e-mails of an application: to the applicant, and to every active officer. */
@Injectable()
export class ApplicationOutcomeMailer {
  constructor(
    private readonly mail: MailService,
    private readonly staff: StaffDirectory,
    private readonly config: AppConfig,
  ) {}

  async send(application: Application, outcome: ApplicationOutcome, decidedBy: string): Promise<void> {
    await this.toApplicant(application, outcome);
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/office/applications/${application.id}`;
    for (const officer of await this.staff.activeWithRole('officer'))
      await this.mail.send({
        to: officer.email,
        template: 'application-outcome-staff',
        locale: officer.locale,
        data: {
          name: officer.name,
          reference: application.reference,
          applicantName: application.applicantName,
          approved: outcome.kind === 'approved',
          refused: outcome.kind === 'refused',
          cancelled: outcome.kind === 'cancelled',
          decidedBy,
          reason: outcome.kind === 'approved' ? null : outcome.reason,
          memberNumber: outcome.kind === 'approved' ? outcome.memberNumber : null,
          url,
        },
      });
  }

  /** The name to sign an outcome with: the staff member's, or "Tessera" for the system. */
  async nameOf(userId: string | null): Promise<string> {
    if (!userId) return 'Tessera';
    return (await this.staff.activeStaff([userId]))[0]?.name ?? 'Tessera';
  }

  private async toApplicant(application: Application, outcome: ApplicationOutcome): Promise<void> {
    const to = application.email;
    const locale = application.locale;
    const name = applicantGreeting(application);
    const reference = application.reference;
    if (outcome.kind === 'approved')
      await this.mail.send({
        to,
        locale,
        template: 'application-approved',
        data: {
          name,
          reference,
          planName: outcome.planName,
          memberNumber: outcome.memberNumber,
          accountInvited: outcome.accountInvited,
        },
      });
    else
      await this.mail.send({
        to,
        locale,
        template: outcome.kind === 'refused' ? 'application-refused' : 'application-cancelled',
        data: { name, reference, reason: outcome.reason },
      });
  }
}
