import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
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
import {
  Authorize,
  CurrentPrincipal,
  ProblemDto,
  ProblemException,
  type Page,
  type Principal,
  type Role,
} from '@tessera/core';
import { CreateSubscriptionDto, EndSubscriptionDto, ListSubscriptionsQueryDto } from '../dto/subscription-request.dto';
import { SubscriptionDto, SubscriptionPageDto, type SubscriptionSummaryDto } from '../dto/subscription-response.dto';
import { SubscriptionActionsService } from '../subscription-actions.service';
import { AdvanceProFormasDto, AdvanceProFormasResultDto } from '../dto/renewal.dto';
import { AdvanceProFormasService } from '../renewals/advance-pro-formas.service';
import { subscriptionNotFound } from '../subscription.service';

const subscriptionIdPipe = new ParseUUIDPipe({ exceptionFactory: () => subscriptionNotFound() });
const memberIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => ProblemException.notFound('No member has this id.', 'member-not-found'),
});
const STAFF: Role[] = ['admin', 'officer', 'finance', 'approver'];
const MANAGERS: Role[] = ['admin', 'officer'];

@ApiTags('subscriptions')
@Controller()
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionActionsService,
    private readonly advanceProFormas: AdvanceProFormasService,
  ) {}

  @Get('subscriptions')
  @Authorize(STAFF, ['subscriptions:read'])
  @ApiOperation({ summary: 'Subscriptions, newest first', description: 'Filter by state, member or plan.' })
  @ApiOkResponse({ type: SubscriptionPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListSubscriptionsQueryDto): Promise<Page<SubscriptionSummaryDto>> {
    return this.subscriptions.list(query);
  }

  @Get('subscriptions/:id')
  @Authorize(STAFF, ['subscriptions:read'])
  @ApiOperation({
    summary: 'A subscription with its history',
    description: 'Member, plan, state, current period, next renewal, end date and reason, and every change with why.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No subscription has this id' })
  get(@Param('id', subscriptionIdPipe) id: string): Promise<SubscriptionDto> {
    return this.subscriptions.get(id);
  }

  @Post('members/:id/subscriptions')
  @Authorize(MANAGERS)
  @ApiOperation({
    summary: 'Subscribe an existing member to a plan',
    description:
      'From a start date (today by default), with its first invoice (a zero invoice is settled at once and the ' +
      'subscription is active). A member with a live subscription is refused (409).',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The member' })
  @ApiCreatedResponse({ type: SubscriptionDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid plan or start date' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No member has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The member already has a live subscription' })
  subscribe(
    @Param('id', memberIdPipe) memberId: string,
    @Body() dto: CreateSubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionDto> {
    return this.subscriptions.subscribeMember(memberId, dto, principal);
  }

  @Post('subscriptions/:id/advance-pro-formas')
  @HttpCode(HttpStatus.OK)
  @Authorize(['admin', 'officer', 'finance'])
  @ApiOperation({
    summary: 'Pro-formas for the next 1 to 5 periods',
    description:
      'For a member paying ahead: one pro-forma per period after the current one, following each other without ' +
      'gaps; a period that already has one keeps it. E-mailed like renewals.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdvanceProFormasResultDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'periods is not 1 to 5' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No subscription has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Ended, cancelled, or ending (renewal declined)' })
  advance(
    @Param('id', subscriptionIdPipe) id: string,
    @Body() dto: AdvanceProFormasDto,
  ): Promise<AdvanceProFormasResultDto> {
    return this.advanceProFormas.issue(id, dto.periods);
  }

  @Post('subscriptions/:id/end')
  @HttpCode(HttpStatus.OK)
  @Authorize(MANAGERS)
  @ApiOperation({
    summary: 'End a subscription',
    description:
      'An active subscription ends on the effective date (its last day of membership); a pending one (first ' +
      'invoice unpaid) is cancelled. A reason is required.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing reason, or an effective date before the start' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No subscription has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Already ended or cancelled' })
  end(
    @Param('id', subscriptionIdPipe) id: string,
    @Body() dto: EndSubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionDto> {
    return this.subscriptions.end(id, dto, principal);
  }
}
