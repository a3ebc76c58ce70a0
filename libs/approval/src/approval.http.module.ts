import { Module } from '@nestjs/common';
import { TransactionalFileStorage } from '@tessera/core';
import { ApprovalAttachmentsService } from './approval-attachments.service';
import { ApprovalModule } from './approval.module';
import { ApprovalFlowsController } from './controllers/approval-flows.controller';
import { ApprovalsController } from './controllers/approvals.controller';

/** /approval-flows (admins) and /approvals (staff), with attachments (needs the app's StorageModule). */
@Module({
  imports: [ApprovalModule],
  providers: [TransactionalFileStorage, ApprovalAttachmentsService],
  controllers: [ApprovalFlowsController, ApprovalsController],
  exports: [ApprovalAttachmentsService],
})
export class ApprovalHttpModule {}
