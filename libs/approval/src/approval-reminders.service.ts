import { Injectable, Logger } from '@nestjs/common';
import { Clock, Transactions } from '@tessera/core';
import { StaffDirectory } from '@tessera/users';
import { ApprovalMailer } from './approval.mailer';
import { ApprovalProgressService } from './approval-progress.service';
import { ApprovalRequestRepository } from './approval-request.repository';
import { SYSTEM_ACTOR } from './approval.types';

const BATCH = 200;

/**
 * E-mails the approvers of overdue levels, at most once a day each. The database decides who is
 * due: one UPDATE … RETURNING claims the assignments (stamping reminded_at) in the transaction
 * that writes their e-mails, so a sweep run twice, or by two workers at once, reminds each once.
 */
@Injectable()
export class ApprovalRemindersService {
  private readonly logger = new Logger(ApprovalRemindersService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ApprovalRequestRepository,
    private readonly staff: StaffDirectory,
    private readonly mailer: ApprovalMailer,
    private readonly progress: ApprovalProgressService,
    private readonly clock: Clock,
  ) {}

  /** Returns how many approvers were reminded. */
  async sendReminders(): Promise<number> {
    const now = this.clock.now();
    let total = 0;
    for (;;) {
      const sent = await this.transactions.run(() => this.remindBatch(now));
      total += sent;
      if (sent < BATCH) break;
    }
    if (total > 0) this.logger.log(`Reminded ${total} approver(s) of overdue decisions`);
    return total;
  }

  private async remindBatch(now: Date): Promise<number> {
    const claimed = await this.requests.claimOverdueAssignments(now, BATCH);
    const people = new Map((await this.staff.activeStaff(claimed.map((a) => a.userId))).map((m) => [m.id, m]));
    for (const assignment of claimed) {
      const request = (await this.requests.findById(assignment.requestId))!;
      const level = await this.requests.level(assignment.requestId, assignment.levelNumber);
      const approver = people.get(assignment.userId);
      // Someone deactivated since the level opened is not written to; the stamp still stands.
      if (approver) await this.mailer.reminder(approver, request, level, now);
      await this.progress.record(request, 'reminded', SYSTEM_ACTOR, now, {
        levelNumber: level.number,
        targetUserId: assignment.userId,
        targetName: assignment.userName,
        comment: approver ? null : 'Not sent: the approver is no longer an active staff user.',
      });
    }
    return claimed.length;
  }
}
