import type { SchemaPart } from '@tessera/core';
import { CreateCooperative1765009000100 } from './migrations/1765009000100-create-cooperative';
import { ShareSubscriptionIntake1765012000000 } from './migrations/1765012000000-share-subscription-intake';

/** Raw SQL throughout (no entities): the register is rows and sums. */
export const cooperativeSchema: SchemaPart = {
  entities: [],
  migrations: [CreateCooperative1765009000100, ShareSubscriptionIntake1765012000000],
};
