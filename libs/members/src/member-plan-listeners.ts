import { Injectable } from '@nestjs/common';

/** A domain above members that acts when a member joins a plan (questionnaires assigned by plan). */
export interface MemberPlanListener {
  /** Called in the transaction that created the member or set its plan; must be idempotent (retries). */
  onMemberPlan(memberId: string, planId: string): Promise<void>;
}

/**
 * Lets domains above members hear of a member created, matched or moved to a plan, in that
 * change's transaction, without members depending on them. They register on module init.
 */
@Injectable()
export class MemberPlanListeners {
  private readonly listeners: MemberPlanListener[] = [];

  register(listener: MemberPlanListener): void {
    this.listeners.push(listener);
  }

  async notify(memberId: string, planId: string): Promise<void> {
    for (const listener of this.listeners) await listener.onMemberPlan(memberId, planId);
  }
}
