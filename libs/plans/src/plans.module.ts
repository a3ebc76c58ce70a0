import { Module } from '@nestjs/common';
import { PlanChangeListeners } from './plan-change-listeners';
import { PlanRepository } from './plan.repository';
import { PlansService } from './plans.service';

/** Plans (membership tiers): service and repository (needs DatabaseModule from the app). No controllers. */
@Module({
  providers: [PlanRepository, PlansService, PlanChangeListeners],
  exports: [PlansService, PlanChangeListeners],
})
export class PlansModule {}
