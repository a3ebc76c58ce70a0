import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, ProblemDto, ProblemException, type Page } from '@tessera/core';
import { ApprovalFlowsService } from '../approval-flows.service';
import {
  ApprovalFlowDto,
  ApprovalFlowPageDto,
  ApprovalFlowQueryDto,
  CreateApprovalFlowDto,
  UpdateApprovalFlowDto,
} from '../dto/approval-flow.dto';

const flowIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No approval flow has this id.', 'approval-flow-not-found'),
});

@ApiTags('approval-flows')
@Authorize(['admin'])
@Controller('approval-flows')
export class ApprovalFlowsController {
  constructor(private readonly flows: ApprovalFlowsService) {}

  @Get()
  @ApiOperation({ summary: 'Approval flows', description: 'By subject type, the default first, then by name.' })
  @ApiOkResponse({ type: ApprovalFlowPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ApprovalFlowQueryDto): Promise<Page<ApprovalFlowDto>> {
    return this.flows.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'An approval flow',
    description: "Staff. The flow's levels in order, with their approvers, policy (any or all) and due days.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApprovalFlowDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval flow has this id' })
  get(@Param('id', flowIdPipe) id: string): Promise<ApprovalFlowDto> {
    return this.flows.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Create an approval flow',
    description:
      'At least one level; each level names approver users (active staff) and/or a role. The first flow of a ' +
      'subject type becomes its default; `isDefault: true` makes it the default in place of the current one.',
  })
  @ApiCreatedResponse({ type: ApprovalFlowDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid flow: field errors `levels[i]…`' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Another flow of this subject type has this name' })
  create(@Body() dto: CreateApprovalFlowDto): Promise<ApprovalFlowDto> {
    return this.flows.create(dto);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change an approval flow',
    description:
      'Sent fields replace the flow’s; `levels` replaces all levels. Requests already open keep the levels ' +
      'they opened with. `isDefault: true` makes this flow the default of its subject type.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ApprovalFlowDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid change' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No approval flow has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Another flow of this subject type has this name' })
  update(@Param('id', flowIdPipe) id: string, @Body() dto: UpdateApprovalFlowDto): Promise<ApprovalFlowDto> {
    return this.flows.update(id, dto);
  }
}
