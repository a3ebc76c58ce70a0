import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalSubjectRegistry, type ApprovalOutcomeContext, type ApprovalSubjectHandler } from '@tessera/approval';
import type { ShareOperationSubject } from '../share-operation-state';
import { ShareOperationEffectsService } from './share-operation-effects.service';
import { ShareOperationMailer } from './share-operation.mailer';
import { ShareOperationTransitionsService } from './share-operation-transitions.service';

/**
 * What an operation's approval decides, inside the decision's transaction: approved → executed in
 * the register (a transfer's new person made or matched first; the decision rolls back with a 409
 * if the shares are no longer there, or the receiver is not eligible); refused or cancelled → the operation closes with the reason. The
 * holder is e-mailed the outcome.
 */
@Injectable()
abstract class ShareOperationOutcomes implements ApprovalSubjectHandler, OnModuleInit {
  abstract readonly subjectType: ShareOperationSubject;

  constructor(
    private readonly registry: ApprovalSubjectRegistry,
    private readonly transitions: ShareOperationTransitionsService,
    private readonly effects: ShareOperationEffectsService,
    private readonly mailer: ShareOperationMailer,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApproved(ctx: ApprovalOutcomeContext): Promise<void> {
    const row = await this.transitions.lockFor(ctx.subjectId, 'approved');
    const toMemberId = await this.effects.nameReceiver(row, ctx);
    await this.transitions.move(row, 'approved', {
      at: ctx.decidedAt,
      by: ctx.actor.name,
      note: ctx.comment,
      toMemberId,
    });
    const executed = await this.effects.execute(row, ctx.decidedAt);
    await this.mailer.outcome(row, 'executed', ctx.comment, executed);
  }

  async onRefused(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    await this.close(ctx, 'refused', reason);
  }

  async onCancelled(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    await this.close(ctx, 'cancelled', reason);
  }

  private async close(ctx: ApprovalOutcomeContext, to: 'refused' | 'cancelled', reason: string): Promise<void> {
    const row = await this.transitions.lockFor(ctx.subjectId, to);
    await this.transitions.move(row, to, { at: ctx.decidedAt, by: ctx.actor.name, note: reason });
    await this.mailer.outcome(row, to, reason, null);
  }
}

@Injectable()
export class ShareRedemptionOutcomesHandler extends ShareOperationOutcomes {
  readonly subjectType = 'share_redemption' as const;
}

@Injectable()
export class ShareTransferOutcomesHandler extends ShareOperationOutcomes {
  readonly subjectType = 'share_transfer' as const;
}

@Injectable()
export class ShareConversionOutcomesHandler extends ShareOperationOutcomes {
  readonly subjectType = 'share_conversion' as const;
}
