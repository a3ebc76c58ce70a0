import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tessera/core';
import { MembersService, type MemberStatus } from '@tessera/members';
import { MailService } from '@tessera/notifications';
import type { StatusVerdict } from './member-status-engine';

/**
 * The e-mail of a status change made at once (not by the sweep, which writes the same e-mails
 * set-based): grace started, suspended, farewell. Nothing for other changes.
 */
@Injectable()
export class StatusMailer {
  constructor(
    private readonly mail: MailService,
    private readonly members: MembersService,
    private readonly config: AppConfig,
  ) {}

  async send(memberId: string, verdict: StatusVerdict, endedOn: string | null): Promise<void> {
    const template = TEMPLATES[verdict.status];
    if (!template) return;
    const contact = await this.members.contactFor(memberId).catch(() => null);
    if (!contact) return;
    const url = portalUrl(this.config);
    const common = { to: contact.email, locale: contact.locale };
    const params = verdict.reason.params as Record<string, unknown>;
    if (template === 'membership-ended') {
      if (!endedOn) return;
      await this.mail.send({
        ...common,
        template,
        data: { name: contact.name, endedOn, lapsed: verdict.lapsed, url },
      });
      return;
    }
    const periodEnd = String(params.periodEnd);
    const graceEnd = typeof params.graceEnd === 'string' ? params.graceEnd : periodEnd;
    await this.mail.send({ ...common, template, data: { name: contact.name, periodEnd, graceEnd, url } });
  }
}

const TEMPLATES: Partial<
  Record<MemberStatus, 'membership-grace-started' | 'membership-suspended' | 'membership-ended'>
> = { 'in-grace': 'membership-grace-started', suspended: 'membership-suspended', 'ex-member': 'membership-ended' };

/** Where a member's status e-mails send them: the portal's home. */
export function portalUrl(config: AppConfig): string {
  return `${config.PUBLIC_URL.replace(/\/$/, '')}/portal`;
}
