import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalSubjectRegistry, type ApprovalOutcomeContext, type ApprovalSubjectHandler } from '@tessera/approval';
import { MemberRequestEffectsService } from './member-request-effects.service';
import { MemberRequestMailer } from './member-request.mailer';
import { MemberRequestTransitionsService } from './member-request-transitions.service';
import type { MemberRequestKind } from './member-request-state';

/**
 * What a member's request's approval decides, inside the decision's transaction: approved → the
 * plan changes or the membership gets its end date (the approval rolls back if that is no longer
 * possible); refused or cancelled → the request closes with the reason. The approver's comment
 * (or the reason) is the decision's note, in the request's history and its e-mails. The member and
 * every officer are e-mailed the outcome, naming who decided.
 */
@Injectable()
abstract class MemberRequestOutcomes implements ApprovalSubjectHandler, OnModuleInit {
  abstract readonly subjectType: MemberRequestKind;

  constructor(
    private readonly registry: ApprovalSubjectRegistry,
    private readonly transitions: MemberRequestTransitionsService,
    private readonly effects: MemberRequestEffectsService,
    private readonly mailer: MemberRequestMailer,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApproved(ctx: ApprovalOutcomeContext): Promise<void> {
    const request = await this.transitions.lockFor(ctx.subjectId, 'approved');
    const outcome = await this.effects.apply(request, ctx.actor.userId);
    await this.transitions.close(request, 'approved', ctx.actor, ctx.comment, outcome);
    await this.mailer.outcome(request, await this.effects.namesOf(request), 'approved');
  }

  async onRefused(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    const request = await this.transitions.lockFor(ctx.subjectId, 'refused');
    await this.transitions.close(request, 'refused', ctx.actor, reason);
    await this.mailer.outcome(request, await this.effects.namesOf(request), 'refused');
  }

  async onCancelled(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    const request = await this.transitions.lockFor(ctx.subjectId, 'cancelled');
    await this.transitions.close(request, 'cancelled', ctx.actor, reason);
    await this.mailer.outcome(request, await this.effects.namesOf(request), 'cancelled');
  }
}

@Injectable()
export class UpgradeRequestOutcomesHandler extends MemberRequestOutcomes {
  readonly subjectType = 'upgrade' as const;
}

@Injectable()
export class TerminationRequestOutcomesHandler extends MemberRequestOutcomes {
  readonly subjectType = 'termination' as const;
}
