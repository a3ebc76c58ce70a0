import type { SchemaPart } from '@tessera/core';
import { PortalAccount } from './entities/portal-account.entity';
import { CreatePortalAccounts1763830000000 } from './migrations/1763830000000-create-portal-accounts';
import { LinkPortalAccountsToPersons1764600100000 } from './migrations/1764600100000-link-portal-accounts-to-persons';

export const portalUsersSchema: SchemaPart = {
  entities: [PortalAccount],
  migrations: [CreatePortalAccounts1763830000000, LinkPortalAccountsToPersons1764600100000],
};
