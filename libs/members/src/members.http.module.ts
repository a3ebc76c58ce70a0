import { Module } from '@nestjs/common';
import { MembersController } from './controllers/members.controller';
import { MembersModule } from './members.module';

/** GET /members and GET /members/{id}. */
@Module({
  imports: [MembersModule],
  controllers: [MembersController],
})
export class MembersHttpModule {}
