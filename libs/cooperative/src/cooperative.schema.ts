import type { SchemaPart } from '@tessera/core';
import { CreateCooperative1765009000100 } from './migrations/1765009000100-create-cooperative';
import { ShareOperations1765011000100 } from './migrations/1765011000100-share-operations';
import { ShareSubscriptionIntake1765012000000 } from './migrations/1765012000000-share-subscription-intake';
import { CompactIbans1765016400000 } from './migrations/1765016400000-compact-ibans';
import { TransferToNewPerson1765016600000 } from './migrations/1765016600000-transfer-to-new-person';

/** Raw SQL throughout (no entities): the register is rows and sums. */
export const cooperativeSchema: SchemaPart = {
  entities: [],
  migrations: [
    CreateCooperative1765009000100,
    ShareOperations1765011000100,
    ShareSubscriptionIntake1765012000000,
    CompactIbans1765016400000,
    TransferToNewPerson1765016600000,
  ],
};
