import { Module } from '@nestjs/common';
import { OrganisationLogoController } from './controllers/organisation-logo.controller';
import { OrganisationSettingsController } from './controllers/organisation-settings.controller';
import { SettingsModule } from './settings.module';

/** GET/PUT /settings/organisation, GET /settings/organisation/public, GET/PUT/DELETE /settings/organisation/logo. */
@Module({
  imports: [SettingsModule],
  controllers: [OrganisationSettingsController, OrganisationLogoController],
})
export class SettingsHttpModule {}
