import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { UsersModule } from '@tessera/users';
import { ApprovalActorsService } from './approval-actors.service';
import { ApprovalFlowRepository } from './approval-flow.repository';
import { ApprovalFlowsService } from './approval-flows.service';
import { ApprovalInboxRepository } from './approval-inbox.repository';
import { ApprovalMailer } from './approval.mailer';
import { ApprovalProgressService } from './approval-progress.service';
import { ApprovalQueriesService } from './approval-queries.service';
import { ApprovalRemindersService } from './approval-reminders.service';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalSubjectRegistry } from './approval-subject';
import { ApprovalService } from './approval.service';

/**
 * The approval engine: flows, requests, reminders and the subject registry (needs DatabaseModule,
 * OutboxModule and ConfigModule from the app). No controllers, no processors, no file storage
 * (attachments are HTTP only). Owning domains import it for ApprovalService and
 * ApprovalSubjectRegistry.
 */
@Module({
  imports: [ClockModule, NotificationsModule, UsersModule],
  providers: [
    ApprovalFlowRepository,
    ApprovalRequestRepository,
    ApprovalInboxRepository,
    ApprovalSubjectRegistry,
    ApprovalActorsService,
    ApprovalMailer,
    ApprovalProgressService,
    ApprovalFlowsService,
    ApprovalQueriesService,
    ApprovalService,
    ApprovalRemindersService,
  ],
  exports: [
    ApprovalService,
    ApprovalFlowsService,
    ApprovalQueriesService,
    ApprovalRemindersService,
    ApprovalSubjectRegistry,
    // for ApprovalHttpModule's attachments, not for other domains (they use index.ts)
    ApprovalRequestRepository,
    ApprovalProgressService,
    ApprovalActorsService,
  ],
})
export class ApprovalModule {}
