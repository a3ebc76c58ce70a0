import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@tessera/core';
import { ApprovalService } from '@tessera/approval';
import { MailService } from '@tessera/notifications';
import { PlansService } from '@tessera/plans';
import { applicantGreeting } from './application-outcome.mailer';
import { ApplicationRepository } from './application.repository';
import type { Application } from './entities/application.entity';

/** What an intake run did: done now, done before, withdrawn before it ran, or no such application. */
export type IntakeOutcome = 'completed' | 'already-completed' | 'withdrawn' | 'missing';

/**
 * What follows a submission, in the worker (the `complete-intake` job the submission wrote to the
 * outbox): the applicant's confirmation e-mail and the approval request on the plan's flow. The
 * submitting request stays one statement (see bench/). Under the application's row lock, so a
 * job run twice, or racing a cancellation, acts once: an application withdrawn before its intake
 * gets neither (its cancellation notice says it all).
 */
@Injectable()
export class ApplicationIntakeService {
  constructor(
    private readonly transactions: Transactions,
    private readonly applications: ApplicationRepository,
    private readonly plans: PlansService,
    private readonly mail: MailService,
    private readonly approvals: ApprovalService,
    private readonly clock: Clock,
  ) {}

  complete(applicationId: string): Promise<IntakeOutcome> {
    return this.transactions.run(async () => {
      const application = await this.applications.lockById(applicationId);
      if (!application) return 'missing';
      if (application.intakeCompletedAt) return 'already-completed';
      await this.applications.markIntakeCompleted(application.id, this.clock.now());
      if (application.status !== 'submitted') return 'withdrawn';
      await this.confirmAndOpen(application);
      return 'completed';
    });
  }

  /**
   * The intake job failed for good (its retries span hours): staff see it on the application and
   * may retry it; the error itself is in the worker's log.
   */
  async recordFailure(applicationId: string): Promise<void> {
    await this.applications.markIntakeFailed(applicationId, this.clock.now());
  }

  private async confirmAndOpen(application: Application): Promise<void> {
    const plan = await this.plans.byId(application.planId);
    if (!plan) throw new Error(`Application ${application.id} has no plan ${application.planId}`);
    await this.mail.send({
      to: application.email,
      template: 'application-received',
      locale: application.locale,
      data: {
        name: applicantGreeting(application),
        reference: application.reference,
        planName: plan.name,
      },
    });
    await this.approvals.open({
      subjectType: 'application',
      subjectId: application.id,
      flowId: plan.approvalFlowId,
      title: application.applicantName,
      reference: application.reference,
      openedBy: application.submittedByUserId,
    });
  }
}
