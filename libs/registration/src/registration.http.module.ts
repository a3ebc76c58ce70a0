import { Module } from '@nestjs/common';
import { ApplicationsController } from './controllers/applications.controller';
import { PlansController } from './controllers/plans.controller';
import { RegistrationModule } from './registration.module';

/** GET/POST/PATCH /plans and the /applications endpoints. */
@Module({
  imports: [RegistrationModule],
  controllers: [PlansController, ApplicationsController],
})
export class RegistrationHttpModule {}
