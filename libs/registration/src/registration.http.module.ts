import { Module } from '@nestjs/common';
import { ApplicationsController } from './controllers/applications.controller';
import { RegistrationModule } from './registration.module';

/** The /applications endpoints (/plans are served by PlansHttpModule from @tessera/plans). */
@Module({
  imports: [RegistrationModule],
  controllers: [ApplicationsController],
})
export class RegistrationHttpModule {}
