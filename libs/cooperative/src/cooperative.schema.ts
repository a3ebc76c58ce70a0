import type { SchemaPart } from '@tessera/core';
import { CreateCooperative1765009000100 } from './migrations/1765009000100-create-cooperative';
import { ShareOperations1765011000100 } from './migrations/1765011000100-share-operations';

/** Raw SQL throughout (no entities): the register is rows and sums. */
export const cooperativeSchema: SchemaPart = {
  entities: [],
  migrations: [CreateCooperative1765009000100, ShareOperations1765011000100],
};
