import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  Authorize,
  CurrentPrincipal,
  ProblemDto,
  ProblemException,
  STAFF_ROLES,
  type Page,
  type Principal,
} from '@tessera/core';
import { ListMemberRequestsQueryDto, TerminateOnBehalfDto } from '../dto/member-request-input.dto';
import { MemberRequestPageDto, MemberRequestStaffDto } from '../dto/member-request-response.dto';
import { MemberRequestsService } from '../member-requests.service';

const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No request has this id.', 'member-request-not-found'),
});
const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No member has this id.', 'member-not-found'),
});

@ApiTags('member-requests')
@Controller()
export class MemberRequestsController {
  constructor(private readonly requests: MemberRequestsService) {}

  @Get('member-requests')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary:
      "Members' plan change and termination requests, with each member's status, plan, balance and the price effect",
    description: 'Newest first, by page; filter by member, state, kind or approval request. Staff.',
  })
  @ApiOkResponse({ type: MemberRequestPageDto })
  list(@Query() query: ListMemberRequestsQueryDto): Promise<Page<MemberRequestStaffDto>> {
    return this.requests.list(query);
  }

  @Get('member-requests/:id')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'One request',
    description: 'A member’s plan change or termination request, with its state, price effect and history. Staff.',
  })
  @ApiOkResponse({ type: MemberRequestStaffDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('id', uuidPipe) id: string): Promise<MemberRequestStaffDto> {
    return this.requests.get(id);
  }

  @Post('members/:id/termination')
  @Authorize(['officer', 'admin'])
  @ApiOperation({
    summary: "End a membership on the member's behalf",
    description:
      'Takes effect at once (no approval): the subscription ends on the date (the current period’s end by ' +
      'default), open pro-formas after it are cancelled, and the member and officers are e-mailed.',
  })
  @ApiCreatedResponse({ type: MemberRequestStaffDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No such member' })
  @ApiConflictResponse({ type: ProblemDto, description: 'No active membership, already ending, or a pending request' })
  terminate(
    @Param('id', memberIdPipe) id: string,
    @Body() dto: TerminateOnBehalfDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberRequestStaffDto> {
    return this.requests.terminateOnBehalf(id, dto, principal);
  }
}
