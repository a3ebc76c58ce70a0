import type { SchemaPart } from '@tessera/core';
import { ApprovalAssignment } from './entities/approval-assignment.entity';
import { ApprovalAttachment } from './entities/approval-attachment.entity';
import { ApprovalEvent } from './entities/approval-event.entity';
import { ApprovalFlow } from './entities/approval-flow.entity';
import { ApprovalLevel } from './entities/approval-level.entity';
import { ApprovalRequest } from './entities/approval-request.entity';
import { CreateApproval1763820000000 } from './migrations/1763820000000-create-approval';

export const approvalSchema: SchemaPart = {
  entities: [ApprovalFlow, ApprovalRequest, ApprovalLevel, ApprovalAssignment, ApprovalAttachment, ApprovalEvent],
  migrations: [CreateApproval1763820000000],
};
