import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import {
  downloadResponse,
  Authorize,
  CurrentPrincipal,
  multipartBody,
  ProblemDto,
  ProblemException,
  TakesFiles,
  type Page,
  type Principal,
} from '@tessera/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApprovalAttachmentsService } from '../approval-attachments.service';
import { ApprovalQueriesService } from '../approval-queries.service';
import { ApprovalService } from '../approval.service';
import {
  ApproveDto,
  CancelApprovalDto,
  ListApprovalsQueryDto,
  ReassignDto,
  RefuseDto,
} from '../dto/approval-actions.dto';
import {
  ApprovalAttachmentDto,
  ApprovalCountsDto,
  ApprovalDetailDto,
  ApprovalPageDto,
  ApprovalSummaryDto,
  ReassignCandidateDto,
} from '../dto/approval-response.dto';

const requestIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No approval request has this id.', 'approval-request-not-found'),
});
const attachmentIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    ProblemException.notFound('This approval request has no attachment with this id.', 'attachment-not-found'),
});

const binary = (description: string) => ({ type: 'string', format: 'binary', description });
const closedConflict = (what: string) =>
  ApiConflictResponse({ type: ProblemDto, description: `The request is closed, or ${what}` });

@ApiTags('approvals')
@Authorize(['admin', 'officer', 'approver', 'finance'])
@Controller('approvals')
export class ApprovalsController {
  constructor(
    private readonly approvals: ApprovalService,
    private readonly queries: ApprovalQueriesService,
    private readonly attachments: ApprovalAttachmentsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Approval requests (the approver’s inbox)',
    description:
      '`?assignee=me&status=pending` is the inbox: requests the caller is an approver of, those awaiting ' +
      'their decision first, then by due date. `?subjectType=application&subjectId=…` finds the request of a ' +
      'subject. Each item has the caller’s own assignment state.',
  })
  @ApiOkResponse({ type: ApprovalPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(
    @Query() query: ListApprovalsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ApprovalSummaryDto>> {
    return this.queries.list(query, principal);
  }

  @Get('summary')
  @ApiOperation({
    summary: 'The caller’s pending and overdue decisions (navigation badge)',
    description: 'Counts requests with a pending assignment of the caller on their current level.',
  })
  @ApiOkResponse({ type: ApprovalCountsDto })
  summary(@CurrentPrincipal() principal: Principal): Promise<ApprovalCountsDto> {
    return this.queries.counts(principal);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'An approval request in full',
    description: 'Levels with their assignees and decisions, attachments, the audit trail, and what the caller may do.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApprovalDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval request has this id' })
  get(@Param('id', requestIdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<ApprovalDetailDto> {
    return this.queries.detail(id, principal);
  }

  @Get(':id/reassign-candidates')
  @ApiOperation({
    summary: 'Whom my pending decision may be handed to',
    description:
      'Active staff users, by name, other than the caller and those already pending or approved on the ' +
      'current level. For the holder of a pending decision (the reassign picker; approvers cannot list users).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReassignCandidateDto, isArray: true })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'The caller has no pending decision on the current level' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval request has this id' })
  reassignCandidates(
    @Param('id', requestIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReassignCandidateDto[]> {
    return this.queries.reassignCandidates(id, principal);
  }

  @Post(':id/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approve the current level',
    description:
      'By an approver with a pending assignment on the current level (`any`: completes the level; `all`: once ' +
      'everyone approved), or by an unassigned administrator, who decides for the whole level. Completing the ' +
      'last level approves the request and applies the outcome in the same transaction.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApprovalDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid comment' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not an approver of the current level, nor an admin' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval request has this id' })
  @closedConflict('the caller already decided, or the request moved on from the `level` sent')
  approve(
    @Param('id', requestIdPipe) id: string,
    @Body() dto: ApproveDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApprovalDetailDto> {
    return this.approvals.approve(id, principal, dto.comment || null, dto.level);
  }

  @Post(':id/refuse')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Refuse the request',
    description: 'A reason is required. One refusal refuses the whole request and applies the outcome.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApprovalDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing or invalid reason' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not an approver of the current level, nor an admin' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval request has this id' })
  @closedConflict('the caller already decided, or the request moved on from the `level` sent')
  refuse(
    @Param('id', requestIdPipe) id: string,
    @Body() dto: RefuseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApprovalDetailDto> {
    return this.approvals.refuse(id, principal, dto.reason, dto.level);
  }

  @Post(':id/reassign')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Hand my pending decision to someone else',
    description:
      'The caller’s pending assignment on the current level becomes `reassigned`; the new approver (an active ' +
      'staff user not already assigned on the level) gets a pending one and an e-mail.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApprovalDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'toUserId is not an active staff user' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'The caller has no pending decision on the current level' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval request has this id' })
  @closedConflict('the caller already decided, or the new approver is already assigned on the level')
  reassign(
    @Param('id', requestIdPipe) id: string,
    @Body() dto: ReassignDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApprovalDetailDto> {
    return this.approvals.reassign(id, principal, dto.toUserId, dto.comment || null);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel the request',
    description: 'Officers and administrators (or whom the owning domain allows); a reason is required.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApprovalDetailDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing or invalid reason' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not allowed to cancel this request' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval request has this id' })
  @closedConflict('it was already cancelled')
  cancel(
    @Param('id', requestIdPipe) id: string,
    @Body() dto: CancelApprovalDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApprovalDetailDto> {
    return this.approvals.cancel(id, principal, dto.reason);
  }

  @Post(':id/attachments')
  @TakesFiles()
  @ApiOperation({
    summary: 'Attach a document',
    description:
      'multipart/form-data: `file` (PDF, JPEG or PNG decided from its content, up to 10 MB) and an optional ' +
      '`comment`. By the request’s approvers, officers and administrators, also once it is closed.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: binary('PDF, JPEG or PNG, up to 10 MB'),
        comment: { type: 'string', maxLength: 2000 },
      },
    },
  })
  @ApiCreatedResponse({ type: ApprovalAttachmentDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'No file, several files, or unknown fields' })
  @ApiForbiddenResponse({
    type: ProblemDto,
    description: 'Neither an approver of this request, an officer nor an admin',
  })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval request has this id' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'The file is over 10 MB' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemDto, description: 'Not multipart, or not a PDF, JPEG or PNG' })
  attach(
    @Param('id', requestIdPipe) id: string,
    @Req() request: FastifyRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ApprovalAttachmentDto> {
    return this.attachments.attach(id, multipartBody(request), principal);
  }

  @Get(':id/attachments/:attachmentId')
  @ApiOperation({ summary: 'Download an attachment', description: 'The stored bytes with their detected type.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'attachmentId', format: 'uuid' })
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ schema: binary('The file') })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such request, or no such attachment on it' })
  async download(
    @Param('id', requestIdPipe) id: string,
    @Param('attachmentId', attachmentIdPipe) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return downloadResponse(reply, await this.attachments.open(id, attachmentId));
  }
}
