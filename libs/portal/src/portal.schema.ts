import type { SchemaPart } from '@tessera/core';
import { MembershipCard } from './entities/membership-card.entity';
import { CreateMembershipCards1765007100000 } from './migrations/1765007100000-create-membership-cards';

export const portalSchema: SchemaPart = {
  entities: [MembershipCard],
  migrations: [CreateMembershipCards1765007100000],
};
