import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalSubjectRegistry, type ApprovalOutcomeContext, type ApprovalSubjectHandler } from '@tessera/approval';
import { MembersService, type MemberIntake } from '@tessera/members';
import { PlansService } from '@tessera/plans';
import { PortalAccountsService } from '@tessera/portal-users';
import { SubscriptionService } from '@tessera/subscription';
import { ApplicationOutcomeMailer } from './application-outcome.mailer';
import { ApplicationTransitionsService, type ApplicationActor } from './application-transitions.service';
import type { Application } from './entities/application.entity';

/**
 * What an application's approval request decides, applied inside the decision's transaction:
 * approved → the member is made (or matched) and subscribed with a first invoice, the portal
 * account made (or found) and everyone e-mailed; refused or cancelled → the applicant and the officers are told why.
 */
@Injectable()
export class ApplicationOutcomesHandler implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = 'application' as const;

  constructor(
    private readonly registry: ApprovalSubjectRegistry,
    private readonly transitions: ApplicationTransitionsService,
    private readonly members: MembersService,
    private readonly accounts: PortalAccountsService,
    private readonly plans: PlansService,
    private readonly subscriptions: SubscriptionService,
    private readonly mailer: ApplicationOutcomeMailer,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApproved(ctx: ApprovalOutcomeContext): Promise<void> {
    const application = await this.transitions.lockFor(ctx.subjectId, 'approved');
    const member = await this.members.createOrMatchFromApplication(intakeOf(application));
    const subscription = await this.subscriptions.subscribe({
      memberId: member.memberId,
      planId: application.planId,
      origin: { type: 'application', id: application.id, reference: application.reference },
      actorUserId: ctx.actor.userId,
    });
    // Recorded on the approval's history entry: why this approval billed nothing.
    const note = subscription.created
      ? null
      : `The member already had a ${subscription.existing.state} subscription; no new one was created.`;
    await this.transitions.apply(application, 'approved', actorOf(ctx), note, { memberId: member.memberId });
    const account = await this.accounts.ensureAccount({
      ...member.contact,
      origin: 'application',
      sourceReference: application.reference,
      // An application sent by an integrator's system was not made by the person themselves.
      autoRegistered: application.source === 'api',
    });
    const planName = (await this.plans.namesOf([application.planId])).get(application.planId) ?? '';
    await this.mailer.send(
      application,
      {
        kind: 'approved',
        planName,
        memberNumber: member.memberNumber,
        accountInvited: account.created && account.state === 'invited',
      },
      ctx.actor.name,
    );
  }

  async onRefused(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    const application = await this.transitions.lockFor(ctx.subjectId, 'refused');
    await this.transitions.apply(application, 'refused', actorOf(ctx), reason);
    await this.mailer.send(application, { kind: 'refused', reason }, ctx.actor.name);
  }

  async onCancelled(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    const application = await this.transitions.lockFor(ctx.subjectId, 'cancelled');
    await this.transitions.apply(application, 'cancelled', actorOf(ctx), reason);
    await this.mailer.send(application, { kind: 'cancelled', reason }, ctx.actor.name);
  }
}

function actorOf(ctx: ApprovalOutcomeContext): ApplicationActor {
  return ctx.actor.userId ? { kind: 'user', id: ctx.actor.userId } : { kind: 'system', id: null };
}

/** The applicant as the member record takes them. */
function intakeOf(application: Application): MemberIntake {
  const source = { type: 'application' as const, id: application.id, reference: application.reference };
  const common = { planId: application.planId, locale: application.locale, source };
  if (application.organisation) return { ...common, kind: 'organisation', organisation: application.organisation };
  if (!application.person) throw new Error(`Application ${application.id} has neither a person nor an organisation`);
  return { ...common, kind: 'person', person: application.person, professional: application.professional };
}
