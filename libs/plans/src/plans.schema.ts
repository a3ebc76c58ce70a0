import type { SchemaPart } from '@tessera/core';
import { Plan } from './entities/plan.entity';
import { PlanDocuments1764900000200 } from './migrations/1764900000200-plan-documents';
import { PlanBilling1765000000300 } from './migrations/1765000000300-plan-billing';
import { PlanLapseDays1765004000000 } from './migrations/1765004000000-plan-lapse-days';

/**
 * The `plans` table is created by registration's migration 1763800000000 (CreateRegistration),
 * where plans lived first. Migration names are history in existing databases, so that migration
 * stays in registration's schema part; changes to `plans` since are migrations here.
 */
export const plansSchema: SchemaPart = {
  entities: [Plan],
  migrations: [PlanDocuments1764900000200, PlanBilling1765000000300, PlanLapseDays1765004000000],
};
