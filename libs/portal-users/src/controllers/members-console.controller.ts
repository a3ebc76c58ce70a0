import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, ProblemException, type Page, type Principal } from '@tessera/core';
import { MessageDto } from '@tessera/users';
import {
  ListMemberAccountsQueryDto,
  MemberDetailWithAccountDto,
  MemberWithAccountDto,
  MemberWithAccountPageDto,
} from '../dto/member-account.dto';
import { PortalAccountDto } from '../dto/portal-account.dto';
import { MemberConsoleService } from '../member-console.service';

const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No member has this id.', 'member-not-found'),
});

/** Members with their portal accounts: staff read and act; a member reads only their own (404 otherwise). */
@ApiTags('members')
@Controller('members')
export class MembersConsoleController {
  constructor(private readonly console: MemberConsoleService) {}

  @Get()
  @Authorize(['admin', 'officer', 'approver', 'finance'], ['members:read'])
  @ApiOperation({
    summary: 'Members, newest first, with their portal account',
    description:
      'Filter by kind, status, plan or portal account state; `autoRegistered=true` lists accounts created ' +
      'automatically and not yet acknowledged. `q` searches numbers, names, e-mails and registration numbers.',
  })
  @ApiOkResponse({ type: MemberWithAccountPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListMemberAccountsQueryDto): Promise<Page<MemberWithAccountDto>> {
    return this.console.list(query);
  }

  @Get(':id')
  @Authorize(['admin', 'officer', 'approver', 'finance', 'member'], ['members:read'])
  @ApiOperation({
    summary: 'A member with its party, plan, status history, source and portal account',
    description:
      'A person member lists the organisations they represent; an organisation member lists its representatives. ' +
      'A member may read only the memberships they act for.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MemberDetailWithAccountDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id (or it is not yours)' })
  get(
    @Param('id', memberIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberDetailWithAccountDto> {
    return this.console.get(id, principal);
  }

  @Post(':id/portal-invitation')
  @HttpCode(HttpStatus.ACCEPTED)
  @Authorize(['admin', 'officer'])
  @ApiOperation({
    summary: 'Invite the member to the portal, or resend the invitation',
    description:
      "Creates the account for the member's contact e-mail if there is none, else e-mails a new activation link " +
      '(the earlier one stops working).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: PortalAccountDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The account is already active, or disabled' })
  invite(@Param('id', memberIdPipe) id: string): Promise<PortalAccountDto> {
    return this.console.invite(id);
  }

  @Post(':id/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @Authorize(['admin', 'officer'])
  @ApiOperation({
    summary: 'E-mail the member a password-reset link (active accounts)',
    description:
      'Staff. For a member whose portal account is active: e-mails a single-use, expiring link to choose a new password. 409 when the member has no account yet, has not activated it, or it is disabled.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ type: MessageDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'No account yet, not activated, or disabled' })
  async sendPasswordReset(@Param('id', memberIdPipe) id: string): Promise<MessageDto> {
    await this.console.sendPasswordReset(id);
    return { message: 'A password-reset link is on its way to the member.' };
  }

  @Post(':id/portal-account/acknowledge')
  @HttpCode(HttpStatus.OK)
  @Authorize(['admin', 'officer'])
  @ApiOperation({
    summary: 'Clear the "auto-registered" alert of an automatically created account',
    description:
      'Staff. Marks the automatically created account (an order, an API submission) as seen, which removes it from the auto-registered list.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PortalAccountDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The member has no portal account' })
  acknowledge(
    @Param('id', memberIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PortalAccountDto> {
    return this.console.acknowledge(id, principal);
  }
}
