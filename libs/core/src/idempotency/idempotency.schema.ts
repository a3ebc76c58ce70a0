import type { SchemaPart } from '../database/schema';
import { CreateIdempotencyKeys1763795000000 } from './migrations/1763795000000-create-idempotency-keys';

/** Raw SQL in its repository, so no entities. */
export const idempotencySchema: SchemaPart = {
  entities: [],
  migrations: [CreateIdempotencyKeys1763795000000],
};
