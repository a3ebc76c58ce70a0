import { Module } from '@nestjs/common';
import { OrganisationSettingsRepository } from './organisation-settings.repository';
import { OrganisationSettingsService } from './organisation-settings.service';

/** The organisation's settings: service and repository (needs DatabaseModule from the app). No controllers. */
@Module({
  providers: [OrganisationSettingsRepository, OrganisationSettingsService],
  exports: [OrganisationSettingsService],
})
export class SettingsModule {}
