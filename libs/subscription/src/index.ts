/** Subscriptions and their periods (product §5–§6). */
export * from './periods';
export * from './subscription.module';
export * from './subscription.http.module';
export * from './subscription.schema';
export * from './subscription.types';
export * from './subscription-state';
export { SubscriptionService } from './subscription.service';
export { MemberSubscriptionsService } from './member-subscriptions.service';
export * from './dto/subscription-response.dto';
export * from './dto/subscription-request.dto';
export * from './subscription.worker.module';
export { renewalsQueue, RENEWALS_QUEUE, RUN_RENEWALS_JOB } from './renewals/renewals.queue';
export { RenewalRunsService } from './renewals/renewal-runs.service';
export { RenewalScheduleService } from './renewals/renewal-schedule.service';
export { AdvanceProFormasService } from './renewals/advance-pro-formas.service';
export * from './dto/renewal.dto';
export {
  SubscriptionChangesService,
  type PlanChangeQuote,
  type QuotedPlan,
  type TerminationQuote,
} from './changes/subscription-changes.service';
export { PLAN_CHANGE_EFFECTS, planChangeRefusal, sameCycle, type PlanChangeEffect } from './changes/plan-change-rules';
export { proRataCharge, type ProRata } from './changes/pro-rata';
export type { SubscriptionRow } from './subscription.repository';
export { statusSweepsQueue, STATUS_SWEEPS_QUEUE, RUN_STATUS_SWEEP_JOB } from './statuses/status-sweeps.queue';
export { MemberStatusService } from './statuses/member-status.service';
export { StatusSweepsService, STATUS_SWEEP_BATCH_SIZE } from './statuses/status-sweeps.service';
export { StatusScheduleService } from './statuses/status-schedule.service';
export * from './statuses/member-status-engine';
export * from './statuses/status-reason';
export * from './dto/member-status.dto';
