import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, ProblemDto, ProblemException, type Page } from '@tessera/core';
import { ListMembersQueryDto } from '../dto/member-query.dto';
import { MemberDetailDto, MemberPageDto, MemberSummaryDto } from '../dto/member-response.dto';
import { MembersService } from '../members.service';

const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No member has this id.', 'member-not-found'),
});

/** Staff (and API keys with members:read) read members; members themselves use /me. */
@ApiTags('members')
@Authorize(['admin', 'officer', 'approver', 'finance'], ['members:read'])
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @ApiOperation({
    summary: 'Members, newest first',
    description: 'Filter by kind, status or plan; `q` searches numbers, names, e-mails and registration numbers.',
  })
  @ApiOkResponse({ type: MemberPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListMembersQueryDto): Promise<Page<MemberSummaryDto>> {
    return this.members.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A member with its party, plan, status history and source',
    description:
      'A person member lists the organisations they represent; an organisation member lists its representatives.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MemberDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  get(@Param('id', memberIdPipe) id: string): Promise<MemberDetailDto> {
    return this.members.get(id);
  }
}
