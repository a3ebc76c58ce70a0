import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, ProblemException, Public, type Principal } from '@tessera/core';
import { CreatePlanDto, PlanDto, PlanListDto, PlanQueryDto, UpdatePlanDto } from '../dto/plan.dto';
import { PlansService } from '../plans.service';

const planIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No plan has this id.', 'plan-not-found'),
});

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @Public()
  @ApiSecurity({}) // anyone; a bearer token only matters for includeInactive
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Plans open for applications',
    description: 'Active plans by sort order, for the public form. Administrators may add ?includeInactive=true.',
  })
  @ApiOkResponse({ type: PlanListDto })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'includeInactive asked for by someone not an admin' })
  list(@Query() query: PlanQueryDto, @CurrentPrincipal() principal: Principal | undefined): Promise<PlanListDto> {
    return this.plans.list(query.includeInactive ?? false, principal);
  }

  @Post()
  @Authorize(['admin'])
  @ApiOperation({
    summary: 'Create a plan',
    description:
      'Admins only. A plan is a membership tier: price and period, who may take it (individuals, organisations), the approval flow its applications go through, and whether it is open for applications.',
  })
  @ApiCreatedResponse({ type: PlanDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid plan' })
  @ApiConflictResponse({ type: ProblemDto, description: 'A plan has this code' })
  create(@Body() dto: CreatePlanDto): Promise<PlanDto> {
    return this.plans.create(dto);
  }

  @Patch(':id')
  @Authorize(['admin'])
  @ApiOperation({
    summary: 'Change a plan',
    description: 'Sent fields replace the plan’s; price and period as a whole.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: PlanDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid change' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No plan has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Another plan has this code' })
  update(@Param('id', planIdPipe) id: string, @Body() dto: UpdatePlanDto): Promise<PlanDto> {
    return this.plans.update(id, dto);
  }
}
