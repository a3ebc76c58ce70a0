import { Module } from '@nestjs/common';
import { MemberRequestsController } from './controllers/member-requests.controller';
import { MyRequestsController } from './controllers/my-requests.controller';
import { MemberRequestsModule } from './member-requests.module';

/** /me/requests, /member-requests and /members/{id}/termination. */
@Module({
  imports: [MemberRequestsModule],
  controllers: [MyRequestsController, MemberRequestsController],
})
export class MemberRequestsHttpModule {}
