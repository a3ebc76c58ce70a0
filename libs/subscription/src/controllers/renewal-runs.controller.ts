import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  Authorize,
  CurrentPrincipal,
  PageQueryDto,
  ProblemDto,
  ProblemException,
  type Page,
  type Principal,
  type Role,
} from '@tessera/core';
import {
  RenewalPreviewDto,
  RenewalPreviewQueryDto,
  RenewalRunDto,
  RenewalRunPageDto,
  StartRenewalRunDto,
} from '../dto/renewal.dto';
import { RenewalRunsService } from '../renewals/renewal-runs.service';

const runIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No renewal run has this id.', 'renewal-run-not-found'),
});
const RENEWERS: Role[] = ['admin', 'officer', 'finance'];

@ApiTags('renewals')
@Authorize(RENEWERS)
@Controller('renewal-runs')
export class RenewalRunsController {
  constructor(private readonly runs: RenewalRunsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Run the renewals now',
    description:
      'As of a date (today by default): every live subscription within its plan’s lead days of its period’s end ' +
      'gets a pro-forma for its next period, e-mailed with its PDF. Runs in the worker; follow it with ' +
      'GET /renewal-runs/{id}. Safe to repeat: each subscription and period gets one pro-forma.',
  })
  @ApiAcceptedResponse({ type: RenewalRunDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid date' })
  async start(@Body() dto: StartRenewalRunDto, @CurrentPrincipal() principal: Principal): Promise<RenewalRunDto> {
    const id = await this.runs.start(dto.asOf, 'staff', principal.kind === 'user' ? principal.userId : null);
    return this.runs.get(id as string);
  }

  @Get()
  @ApiOperation({ summary: 'Renewal runs, newest first', description: 'With what each examined and issued.' })
  @ApiOkResponse({ type: RenewalRunPageDto })
  list(@Query() query: PageQueryDto): Promise<Page<RenewalRunDto>> {
    return this.runs.list(query);
  }

  @Get('preview')
  @ApiOperation({
    summary: 'What a run would issue',
    description: 'Subscriptions due as of the date (today by default), by plan, with amounts at current prices.',
  })
  @ApiOkResponse({ type: RenewalPreviewDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid date' })
  preview(@Query() query: RenewalPreviewQueryDto): Promise<RenewalPreviewDto> {
    return this.runs.preview(query.asOf);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A renewal run and its progress',
    description:
      'State, subscriptions examined, pro-formas issued, totals per currency, failures; poll it while it runs.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RenewalRunDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No run has this id' })
  get(@Param('id', runIdPipe) id: string): Promise<RenewalRunDto> {
    return this.runs.get(id);
  }
}
