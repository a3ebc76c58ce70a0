export * from './plans.module';
export * from './plans.http.module';
export * from './plans.schema';
export * from './plans.types';
export * from './plans.service';
export * from './plan-change-listeners';
export type { PlanBilling } from './plan-billing';
export * from './dto/plan.dto';
export * from './plan-sql';
