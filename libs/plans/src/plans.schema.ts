import type { SchemaPart } from '@tessera/core';
import { Plan } from './entities/plan.entity';

/**
 * No migrations of its own: the `plans` table is created by registration's migration
 * 1763800000000 (CreateRegistration), where plans lived first. Migration names are history in
 * existing databases, so that migration stays in registration's schema part; a change to `plans`
 * from now on is a migration here.
 */
export const plansSchema: SchemaPart = {
  entities: [Plan],
  migrations: [],
};
