import { Injectable } from '@nestjs/common';

/**
 * What a domain above plans does when a plan's grace or lapse days change, inside the plan's
 * transaction (subscription re-dates its members' next status change). Plans knows none of them.
 */
export interface PlanStatusDaysListener {
  onStatusDaysChanged(planId: string): Promise<void>;
}

/** The listeners, registered by their domains in onModuleInit. */
@Injectable()
export class PlanChangeListeners {
  private readonly listeners: PlanStatusDaysListener[] = [];

  register(listener: PlanStatusDaysListener): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  async statusDaysChanged(planId: string): Promise<void> {
    for (const listener of this.listeners) await listener.onStatusDaysChanged(planId);
  }
}
