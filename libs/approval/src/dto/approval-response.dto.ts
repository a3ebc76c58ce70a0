import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto, type AllowedContentType, type Role } from '@tessera/core';
import {
  ASSIGNMENT_STATUSES,
  LEVEL_STATUSES,
  REQUEST_STATUSES,
  type AssignmentStatus,
  type LevelStatus,
  type RequestStatus,
} from '../approval-state';
import {
  APPROVAL_EVENT_TYPES,
  APPROVAL_POLICIES,
  APPROVER_ROLES,
  SUBJECT_TYPES,
  type ApprovalEventType,
  type ApprovalPolicy,
  type ApprovalSubjectType,
} from '../approval.types';
import type { ApprovalAssignment } from '../entities/approval-assignment.entity';
import type { ApprovalAttachment } from '../entities/approval-attachment.entity';
import type { ApprovalEvent } from '../entities/approval-event.entity';
import type { ApprovalLevel } from '../entities/approval-level.entity';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export class ApprovalSubjectDto {
  @ApiProperty({ enum: SUBJECT_TYPES, enumName: 'ApprovalSubjectType' })
  type: ApprovalSubjectType;
  @ApiProperty({ format: 'uuid', description: 'The id of the application (or other subject) in its own domain' })
  id: string;
  @ApiProperty({ example: 'Ada Lovelace', description: 'A summary of the subject, as it was when the request opened' })
  title: string;
  @ApiProperty({ example: 'APP-2026-000042', description: 'The subject’s reference; may be empty' })
  reference: string;
}

export class ApprovalLevelRefDto {
  @ApiProperty({ example: 1, description: '1-based' })
  number: number;
  @ApiProperty({ example: 'Officer review' })
  name: string;
}

export class PersonRefDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for Tessera itself' })
  userId: string | null;
  @ApiProperty({ example: 'Olive Officer', description: 'The name at the time' })
  name: string;
}

/** One request in the inbox. */
export class ApprovalSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: ApprovalSubjectDto })
  subject: ApprovalSubjectDto;
  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'ApprovalRequestStatus' })
  status: RequestStatus;
  @ApiProperty({ type: ApprovalLevelRefDto, description: 'The open level; the last one reached once closed' })
  currentLevel: ApprovalLevelRefDto;
  @ApiProperty({ example: 2 })
  levelCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the current level is due' })
  dueAt: string | null;
  @ApiProperty({ description: 'Pending and past the current level’s due date' })
  overdue: boolean;
  @ApiProperty({
    enum: ASSIGNMENT_STATUSES,
    enumName: 'ApprovalAssignmentStatus',
    nullable: true,
    description: 'The caller’s own part: pending on the current level first, else the latest; null if none',
  })
  myAssignment: AssignmentStatus | null;
  @ApiProperty({ type: String, format: 'date-time' })
  openedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
}

export class ApprovalPageDto extends PageResponseDto(ApprovalSummaryDto) {}

export class ApprovalCountsDto {
  @ApiProperty({ description: 'Requests waiting for the caller’s decision' })
  pending: number;
  @ApiProperty({ description: 'Of those, the ones past their due date' })
  overdue: number;
}

/** A staff user a pending decision may be handed to. */
export class ReassignCandidateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Bob Approver' })
  name: string;
  @ApiProperty({ enum: APPROVER_ROLES, enumName: 'ApproverRole', isArray: true })
  roles: Role[];
}

export class ApprovalAssigneeDto {
  @ApiProperty({ format: 'uuid', description: 'The assignment' })
  id: string;
  @ApiProperty({ type: PersonRefDto })
  user: PersonRefDto;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES, enumName: 'ApprovalAssignmentStatus' })
  status: AssignmentStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The approver’s comment, or the refusal reason' })
  comment: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'To whom it was reassigned' })
  reassignedTo: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The assignment it took over' })
  reassignedFrom: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The last overdue reminder' })
  remindedAt: string | null;

  static from(assignment: ApprovalAssignment): ApprovalAssigneeDto {
    return {
      id: assignment.id,
      user: { userId: assignment.userId, name: assignment.userName },
      status: assignment.status,
      decidedAt: iso(assignment.decidedAt),
      comment: assignment.comment,
      reassignedTo: assignment.reassignedTo,
      reassignedFrom: assignment.reassignedFrom,
      remindedAt: iso(assignment.remindedAt),
    };
  }
}

export class ApprovalLevelDto {
  @ApiProperty({ example: 1 })
  number: number;
  @ApiProperty({ example: 'Officer review' })
  name: string;
  @ApiProperty({ enum: APPROVAL_POLICIES, enumName: 'ApprovalPolicy' })
  policy: ApprovalPolicy;
  @ApiProperty({ example: 7 })
  dueInDays: number;
  @ApiProperty({ enum: APPROVER_ROLES, enumName: 'ApproverRole', nullable: true })
  approverRole: Role | null;
  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'Named approvers, as configured' })
  approverUserIds: string[];
  @ApiProperty({ enum: LEVEL_STATUSES, enumName: 'ApprovalLevelStatus' })
  status: LevelStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  openedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;
  @ApiProperty({ type: ApprovalAssigneeDto, isArray: true, description: 'Approvers resolved when the level opened' })
  assignees: ApprovalAssigneeDto[];

  static from(level: ApprovalLevel, assignments: ApprovalAssignment[]): ApprovalLevelDto {
    return {
      number: level.number,
      name: level.name,
      policy: level.policy,
      dueInDays: level.dueInDays,
      approverRole: level.approverRole,
      approverUserIds: level.approverUserIds,
      status: level.status,
      openedAt: iso(level.openedAt),
      dueAt: iso(level.dueAt),
      closedAt: iso(level.closedAt),
      assignees: assignments.filter((a) => a.levelNumber === level.number).map(ApprovalAssigneeDto.from),
    };
  }
}

export class ApprovalAttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'minutes.pdf', description: 'Sanitised, with the extension of the detected type' })
  filename: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'], description: 'Detected from the bytes' })
  contentType: AllowedContentType;
  @ApiProperty({ description: 'Bytes' })
  size: number;
  @ApiProperty({ type: String, nullable: true })
  comment: string | null;
  @ApiProperty({ type: PersonRefDto })
  uploadedBy: PersonRefDto;
  @ApiProperty({ type: String, format: 'date-time' })
  uploadedAt: string;

  static from(attachment: ApprovalAttachment): ApprovalAttachmentDto {
    return {
      id: attachment.id,
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.size,
      comment: attachment.comment,
      uploadedBy: { userId: attachment.uploadedBy, name: attachment.uploadedByName },
      uploadedAt: attachment.uploadedAt.toISOString(),
    };
  }
}

export class ApprovalEventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: APPROVAL_EVENT_TYPES, enumName: 'ApprovalEventType' })
  type: ApprovalEventType;
  @ApiProperty({ type: Number, nullable: true, description: 'The level it happened on' })
  level: number | null;
  @ApiProperty({ type: PersonRefDto })
  actor: PersonRefDto;
  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'Whom it concerns: the new approver (reassigned), the approver reminded',
  })
  target: PersonRefDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Comment, or the reason of a refusal or cancellation' })
  comment: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  attachmentId: string | null;
  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'ApprovalRequestStatus', nullable: true })
  fromStatus: RequestStatus | null;
  @ApiProperty({ enum: REQUEST_STATUSES, enumName: 'ApprovalRequestStatus', nullable: true })
  toStatus: RequestStatus | null;
  @ApiProperty({ type: String, format: 'date-time' })
  at: string;

  static from(event: ApprovalEvent): ApprovalEventDto {
    return {
      id: event.id,
      type: event.type,
      level: event.levelNumber,
      actor: { userId: event.actorUserId, name: event.actorName },
      target: event.targetName !== null ? { userId: event.targetUserId, name: event.targetName } : null,
      comment: event.comment,
      attachmentId: event.attachmentId,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      at: event.occurredAt.toISOString(),
    };
  }
}

export class ApprovalFlowRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Default application approval', description: 'The name when the request opened' })
  name: string;
}

export class ApprovalDetailDto extends ApprovalSummaryDto {
  @ApiProperty({ type: ApprovalFlowRefDto })
  flow: ApprovalFlowRefDto;
  @ApiProperty({ type: PersonRefDto, description: 'Who opened it (Tessera for online submissions)' })
  openedBy: PersonRefDto;
  @ApiProperty({ type: ApprovalLevelDto, isArray: true })
  levels: ApprovalLevelDto[];
  @ApiProperty({ type: ApprovalAttachmentDto, isArray: true })
  attachments: ApprovalAttachmentDto[];
  @ApiProperty({ type: ApprovalEventDto, isArray: true, description: 'The audit trail, oldest first' })
  history: ApprovalEventDto[];
  @ApiProperty({ description: 'The caller may approve or refuse now' })
  canDecide: boolean;
  @ApiProperty({ description: 'The caller holds a pending decision they may hand to someone else' })
  canReassign: boolean;
  @ApiProperty({ description: 'The caller may cancel the request' })
  canCancel: boolean;
  @ApiProperty({ description: 'The caller may attach documents' })
  canAttach: boolean;
}
