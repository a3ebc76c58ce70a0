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
import { Authorize, CurrentPrincipal, ProblemDto, STAFF_ROLES, type Page, type Principal } from '@tessera/core';
import {
  CreateShareSubscriptionDto,
  ListShareSubscriptionsQueryDto,
  ShareSubscriptionDto,
  ShareSubscriptionPageDto,
} from '../share-subscriptions/share-subscription.dto';
import { ShareSubscriptionsService, subscriptionNotFound } from '../share-subscriptions/share-subscriptions.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => subscriptionNotFound() });

@ApiTags('shares')
@Controller('share-subscriptions')
export class ShareSubscriptionsController {
  constructor(private readonly subscriptions: ShareSubscriptionsService) {}

  @Post()
  @Authorize(['officer', 'admin'])
  @ApiOperation({
    summary: 'Enter a share subscription (staff)',
    description:
      'For a known member (memberId: a person or an organisation) or a new person. Opens its approval request ' +
      'and e-mails the holder a confirmation. One pending request per holder and class (409).',
  })
  @ApiCreatedResponse({ type: ShareSubscriptionDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  @ApiConflictResponse({ type: ProblemDto, description: 'A request of this holder for this class is under review' })
  submit(
    @Body() dto: CreateShareSubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ShareSubscriptionDto> {
    return this.subscriptions.submit(dto, principal);
  }

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'Share subscriptions, newest first',
    description: 'Requests for shares with their state and holder, by page. Staff.',
  })
  @ApiOkResponse({ type: ShareSubscriptionPageDto })
  list(@Query() query: ListShareSubscriptionsQueryDto): Promise<Page<ShareSubscriptionDto>> {
    return this.subscriptions.list(query);
  }

  @Get(':id')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'One share subscription, with its capital release request',
    description: 'Its state, holder, class and quantity, and the payable capital release request once approved. Staff.',
  })
  @ApiOkResponse({ type: ShareSubscriptionDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  get(@Param('id', idPipe) id: string): Promise<ShareSubscriptionDto> {
    return this.subscriptions.get(id);
  }
}
