import { Module } from '@nestjs/common';
import { MeController } from './controllers/me.controller';
import { MembersConsoleController } from './controllers/members-console.controller';
import { PortalUsersModule } from './portal-users.module';

/** GET/PATCH /me, and /members with portal accounts (the staff console). */
@Module({
  imports: [PortalUsersModule],
  controllers: [MeController, MembersConsoleController],
})
export class PortalUsersHttpModule {}
