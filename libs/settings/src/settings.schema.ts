import type { SchemaPart } from '@tessera/core';
import { OrganisationSettings } from './entities/organisation-settings.entity';
import { CreateOrganisationSettings1764900000100 } from './migrations/1764900000100-create-organisation-settings';
import { OrganisationBillingSettings1765000000100 } from './migrations/1765000000100-organisation-billing-settings';
import { StatutesUrl1765012000100 } from './migrations/1765012000100-statutes-url';

export const settingsSchema: SchemaPart = {
  entities: [OrganisationSettings],
  migrations: [
    CreateOrganisationSettings1764900000100,
    OrganisationBillingSettings1765000000100,
    StatutesUrl1765012000100,
  ],
};
