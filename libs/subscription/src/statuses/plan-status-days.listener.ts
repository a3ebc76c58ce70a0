import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PlanChangeListeners, type PlanStatusDaysListener } from '@tessera/plans';
import { StatusSweepRepository } from './status-sweep.repository';

/**
 * A plan's grace or lapse days changed: the next status change of its members, dated with the
 * old days, is dated back to the earliest possible day in the plan's transaction, so the next
 * sweep judges them with the new days.
 */
@Injectable()
export class SubscriptionPlanDaysListener implements PlanStatusDaysListener, OnModuleInit {
  constructor(
    private readonly listeners: PlanChangeListeners,
    private readonly sweeps: StatusSweepRepository,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  onStatusDaysChanged(planId: string): Promise<void> {
    return this.sweeps.redateStatusChangesOfPlan(planId);
  }
}
