import { Module } from '@nestjs/common';
import { ApprovalModule } from './approval.module';
import { ApprovalFlowsController } from './controllers/approval-flows.controller';
import { ApprovalsController } from './controllers/approvals.controller';

/** /approval-flows (admins) and /approvals (staff). */
@Module({
  imports: [ApprovalModule],
  controllers: [ApprovalFlowsController, ApprovalsController],
})
export class ApprovalHttpModule {}
