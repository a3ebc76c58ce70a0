import { Module } from '@nestjs/common';
import { ShareClassesController } from './controllers/share-classes.controller';
import { ShareRegisterController } from './controllers/share-register.controller';
import { ShareSubscriptionsController } from './controllers/share-subscriptions.controller';
import { CooperativeModule } from './cooperative.module';

/** /share-classes, /share-subscriptions and /share-register. */
@Module({
  imports: [CooperativeModule],
  controllers: [ShareClassesController, ShareSubscriptionsController, ShareRegisterController],
})
export class CooperativeHttpModule {}
