import { Module } from '@nestjs/common';
import { StorageModule, TransactionalFileStorage } from '@tessera/core';
import { OrganisationLogoService } from './organisation-logo.service';
import { OrganisationSettingsRepository } from './organisation-settings.repository';
import { OrganisationSettingsService } from './organisation-settings.service';

/**
 * The organisation's settings and logo: services and repository (needs DatabaseModule from the
 * app; brings FileStorage for the logo). No controllers.
 */
@Module({
  imports: [StorageModule],
  providers: [
    OrganisationSettingsRepository,
    OrganisationSettingsService,
    TransactionalFileStorage,
    OrganisationLogoService,
  ],
  exports: [OrganisationSettingsService, OrganisationLogoService],
})
export class SettingsModule {}
