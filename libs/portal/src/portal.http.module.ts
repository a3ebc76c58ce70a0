import { Module } from '@nestjs/common';
import { CardVerificationController } from './controllers/card-verification.controller';
import { MyMembershipController } from './controllers/my-membership.controller';
import { PortalModule } from './portal.module';

/** GET /me/membership, the member's card (/me/card, /me/card.pdf, /me/card/replace) and GET /verify/{token}. */
@Module({
  imports: [PortalModule],
  controllers: [MyMembershipController, CardVerificationController],
})
export class PortalHttpModule {}
