import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tessera/core';
import { MailService, type ApprovalEmailData } from '@tessera/notifications';
import type { StaffMember } from '@tessera/users';
import { DAY_MS } from './approval.types';
import type { ApprovalLevel } from './entities/approval-level.entity';
import type { ApprovalRequest } from './entities/approval-request.entity';

/**
 * The approval e-mails, each in its recipient's locale with a link to the request in the back
 * office. Written through MailService, so inside the caller's transaction.
 */
@Injectable()
export class ApprovalMailer {
  constructor(
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  /** `${PUBLIC_URL}/office/approvals/{id}`: where an approver decides. */
  linkTo(requestId: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/office/approvals/${requestId}`;
  }

  async requested(to: StaffMember, request: ApprovalRequest, level: ApprovalLevel): Promise<void> {
    await this.mail.send({
      to: to.email,
      template: 'approval-requested',
      locale: to.locale,
      data: this.data(to, request, level),
    });
  }

  async reassigned(
    to: StaffMember,
    request: ApprovalRequest,
    level: ApprovalLevel,
    fromName: string,
    comment: string | null,
  ): Promise<void> {
    await this.mail.send({
      to: to.email,
      template: 'approval-reassigned',
      locale: to.locale,
      data: { ...this.data(to, request, level), fromName, comment: comment ?? '' },
    });
  }

  async reminder(to: StaffMember, request: ApprovalRequest, level: ApprovalLevel, now: Date): Promise<void> {
    const overdueDays = Math.max(1, Math.floor((now.getTime() - (level.dueAt ?? now).getTime()) / DAY_MS));
    await this.mail.send({
      to: to.email,
      template: 'approval-reminder',
      locale: to.locale,
      data: { ...this.data(to, request, level), overdueDays },
    });
  }

  private data(to: StaffMember, request: ApprovalRequest, level: ApprovalLevel): ApprovalEmailData {
    return {
      name: to.name,
      title: request.title,
      reference: request.reference,
      levelName: level.name,
      dueDate: level.dueAt ? level.dueAt.toISOString().slice(0, 10) : '',
      url: this.linkTo(request.id),
    };
  }
}
