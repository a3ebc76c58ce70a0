import { Module } from '@nestjs/common';
import { OrganisationSettingsController } from './controllers/organisation-settings.controller';
import { SettingsModule } from './settings.module';

/** GET/PUT /settings/organisation, GET /settings/organisation/public. */
@Module({
  imports: [SettingsModule],
  controllers: [OrganisationSettingsController],
})
export class SettingsHttpModule {}
