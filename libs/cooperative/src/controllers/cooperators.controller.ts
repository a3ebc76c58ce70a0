import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, ProblemDto, STAFF_ROLES, type Page } from '@tessera/core';
import {
  CooperatorDetailDto,
  CooperatorPageDto,
  CooperatorSummaryDto,
  ListCooperatorsQueryDto,
} from '../cooperators/cooperator.dto';
import { cooperatorNotFound, CooperatorsService } from '../cooperators/cooperators.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => cooperatorNotFound() });

@ApiTags('shares')
@Controller('cooperators')
export class CooperatorsController {
  constructor(private readonly cooperators: CooperatorsService) {}

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'Cooperators, by page',
    description:
      'Candidates (approved, shares not paid yet), effective cooperators and former ones (holding nothing any ' +
      'more), with what each holds today. Filters: state, kind (person or organisation), class held today, search ' +
      '(name, e-mail, member or cooperator number). Staff.',
  })
  @ApiOkResponse({ type: CooperatorPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(@Query() query: ListCooperatorsQueryDto): Promise<Page<CooperatorSummaryDto>> {
    return this.cooperators.list(query);
  }

  @Get(':id')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'One cooperator: holdings by class, history, certificates and operations',
    description: 'Every row of the register about them, oldest first; their certificates; operations on their shares.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The cooperator’s id' })
  @ApiOkResponse({ type: CooperatorDetailDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('id', idPipe) id: string): Promise<CooperatorDetailDto> {
    return this.cooperators.get(id);
  }
}
