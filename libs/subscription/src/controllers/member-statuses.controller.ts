import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import {
  Authorize,
  CurrentPrincipal,
  PageQueryDto,
  ProblemDto,
  ProblemException,
  STAFF_ROLES,
  type Page,
  type Principal,
} from '@tessera/core';
import type { MemberActor } from '@tessera/members';
import {
  MemberStatusDto,
  OverrideMemberStatusDto,
  StatusAsOfQueryDto,
  StatusForecastDto,
  StatusForecastMembersDto,
  StatusForecastMembersQueryDto,
  StatusForecastQueryDto,
  StatusSweepDto,
  StatusSweepPageDto,
} from '../dto/member-status.dto';
import { addDays } from '../periods';
import { MemberStatusService } from '../statuses/member-status.service';
import { StatusSweepsService } from '../statuses/status-sweeps.service';

/** The forecast's date when none is asked for: a month ahead. */
const FORECAST_DAYS = 30;

const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No member has this id.', 'member-not-found'),
});
const sweepIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No status sweep has this id.', 'status-sweep-not-found'),
});

function actorOf(principal: Principal): MemberActor {
  return principal.kind === 'user'
    ? { kind: 'user', id: principal.userId }
    : { kind: 'api-key', id: principal.apiKeyId };
}

/** Member statuses: as of a date and why, an admin's override, the forecast and the daily sweep. */
@ApiTags('member statuses')
@Authorize([...STAFF_ROLES])
@Controller()
export class MemberStatusesController {
  constructor(
    private readonly statuses: MemberStatusService,
    private readonly sweeps: StatusSweepsService,
  ) {}

  @Get('members/:id/status')
  @ApiOperation({
    summary: 'A member’s status as of a date, and why',
    description:
      'What the status engine says on the date (today by default) from the member’s subscriptions and invoices: ' +
      'payments count from the day they were settled, later dates assume no further payment. `current` is the ' +
      'status recorded now.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MemberStatusDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid date' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  async status(@Param('id', memberIdPipe) id: string, @Query() query: StatusAsOfQueryDto): Promise<MemberStatusDto> {
    return this.dtoOf(id, query.asOf);
  }

  @Post('members/:id/status-override')
  @Authorize(['admin'])
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Set a member’s status by hand',
    description:
      'Administrators only, with a reason kept in the history. The status holds until the engine’s own verdict ' +
      'changes (the next payment or date event); only moves the status rules allow.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MemberStatusDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid status or reason' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already in that status, or a move the rules refuse' })
  async override(
    @Param('id', memberIdPipe) id: string,
    @Body() dto: OverrideMemberStatusDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MemberStatusDto> {
    await this.statuses.override(id, dto.status, dto.reason, actorOf(principal));
    return this.dtoOf(id);
  }

  @Get('status-forecast')
  @ApiOperation({
    summary: 'Members by status on a date',
    description:
      'For a date from today on, if nothing but time happens: members by status now and then, and how many ' +
      'move from which status to which. The members are listed by GET /status-forecast/members.',
  })
  @ApiOkResponse({ type: StatusForecastDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid date, or one before today' })
  async forecast(@Query() query: StatusForecastQueryDto): Promise<StatusForecastDto> {
    const today = await this.statuses.today();
    return this.sweeps.forecast(query.asOf ?? addDays(today, FORECAST_DAYS), today);
  }

  @Get('status-forecast/members')
  @ApiOperation({
    summary: 'The members whose status would change by a date',
    description: 'By member number, with the status they would have and why.',
  })
  @ApiOkResponse({ type: StatusForecastMembersDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid date, or one before today' })
  async forecastMembers(@Query() query: StatusForecastMembersQueryDto): Promise<StatusForecastMembersDto> {
    const today = await this.statuses.today();
    return this.sweeps.forecastMembers(query.asOf ?? addDays(today, FORECAST_DAYS), today, query);
  }

  @Post('status-sweeps')
  @Authorize(['admin'])
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Run the daily status sweep now',
    description:
      'As of today: moves every member whose status time has changed (grace starts, suspension, lapse, an end ' +
      'date passed), records why and e-mails them. Runs in the worker; follow it with GET /status-sweeps/{id}. ' +
      'Safe to repeat: a second sweep the same day moves nobody.',
  })
  @ApiAcceptedResponse({ type: StatusSweepDto })
  async start(@CurrentPrincipal() principal: Principal): Promise<StatusSweepDto> {
    const id = await this.sweeps.start(
      await this.statuses.today(),
      'staff',
      principal.kind === 'user' ? principal.userId : null,
    );
    return this.sweeps.get(id as string);
  }

  @Get('status-sweeps')
  @ApiOperation({ summary: 'Status sweeps, newest first', description: 'With how many members each moved.' })
  @ApiOkResponse({ type: StatusSweepPageDto })
  list(@Query() query: PageQueryDto): Promise<Page<StatusSweepDto>> {
    return this.sweeps.list(query);
  }

  @Get('status-sweeps/:id')
  @ApiOperation({
    summary: 'A status sweep and what it moved',
    description: 'Its state, when it ran, and how many members it moved to each status. Administrators.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StatusSweepDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No sweep has this id' })
  get(@Param('id', sweepIdPipe) id: string): Promise<StatusSweepDto> {
    return this.sweeps.get(id);
  }

  private async dtoOf(id: string, asOf?: string): Promise<MemberStatusDto> {
    const { stored, verdict, asOf: day } = await this.statuses.verdict(id, asOf);
    return {
      asOf: day,
      status: verdict.status,
      reason: { code: verdict.reason.code, params: verdict.reason.params, text: verdict.reasonText },
      current: stored.status,
      overridden: stored.overridden,
    };
  }
}
