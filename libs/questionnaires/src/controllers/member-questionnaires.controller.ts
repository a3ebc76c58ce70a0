import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Authorize, ProblemDto, ProblemException } from '@tessera/core';
import { AssignmentDetailListDto } from '../dto/assignment.dto';
import { AssignmentQueriesService } from '../assignments/assignment-queries.service';

const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No member has this id.', 'member-not-found'),
});

@ApiTags('members')
@Controller('members')
export class MemberQuestionnairesController {
  constructor(private readonly queries: AssignmentQueriesService) {}

  @Get(':id/questionnaires')
  @Authorize(['admin', 'officer', 'approver', 'finance'], ['questionnaires:read'])
  @ApiOperation({
    summary: "A member's questionnaires with their answers",
    description: 'Staff and API keys with `questionnaires:read`. Newest first, with the questions of each version.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The member' })
  @ApiOkResponse({ type: AssignmentDetailListDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  async list(@Param('id', memberIdPipe) id: string): Promise<AssignmentDetailListDto> {
    return { items: await this.queries.ofMember(id) };
  }
}
