import { Module } from '@nestjs/common';
import { MySharesController } from './controllers/my-shares.controller';
import { ShareClassesController } from './controllers/share-classes.controller';
import { ShareRegisterController } from './controllers/share-register.controller';
import { ShareSubscriptionsController } from './controllers/share-subscriptions.controller';
import { CooperativeModule } from './cooperative.module';

/** /share-classes, /share-subscriptions, /share-register and the portal's /me/shares. */
@Module({
  imports: [CooperativeModule],
  controllers: [ShareClassesController, ShareSubscriptionsController, ShareRegisterController, MySharesController],
})
export class CooperativeHttpModule {}
