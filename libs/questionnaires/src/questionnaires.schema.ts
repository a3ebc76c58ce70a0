import type { SchemaPart } from '@tessera/core';
import { CreateQuestionnaires1765013000000 } from './migrations/1765013000000-create-questionnaires';

/** Raw SQL throughout (no entities): content is JSON, assignments are set-based. */
export const questionnairesSchema: SchemaPart = {
  entities: [],
  migrations: [CreateQuestionnaires1765013000000],
};
