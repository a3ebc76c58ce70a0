import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiPayloadTooLargeResponse,
  ApiSecurity,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  Authorize,
  CurrentPrincipal,
  Idempotency,
  Idempotent,
  type IdempotentCall,
  ProblemDto,
  Public,
  RateLimit,
  STAFF_ROLES,
  type Page,
  type Principal,
} from '@tessera/core';
import { submitsAsStaff } from '../share-subscriptions/share-subscription-rules';
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
  constructor(
    private readonly subscriptions: ShareSubscriptionsService,
    private readonly idempotency: Idempotency,
  ) {}

  @Post()
  @Public()
  @RateLimit({ name: 'share-subscriptions', perClient: { limit: 10, windowSeconds: 600 }, exempt: submitsAsStaff })
  @ApiSecurity({}) // anonymous callers too (with the captcha)
  @ApiBearerAuth()
  @ApiSecurity('apiKey')
  @ApiOperation({
    summary: 'Subscribe for shares (the public form, staff or an integrator)',
    description:
      'A person (`kind: "person"`, `person`) or an organisation (`kind: "organisation"`, `organisation` with its ' +
      'representatives, exactly one the contact) asks for `quantity` shares of an active class open to that kind ' +
      "of holder, within the class's minimum and maximum (counting what the holder holds already), gives an IBAN " +
      'for reimbursements and accepts the statutes. Anonymous callers (the public form) send a solved captcha in ' +
      '`altcha` (GET /captcha/challenge) and the personal details the membership application asks for (phone, ' +
      'birth date, address, nationality); officers, administrators and API keys with applications:write need no ' +
      'captcha and may name a known holder by `memberId`. Opens the approval request and e-mails the holder a ' +
      'confirmation. One pending request per holder and class (409). Honours Idempotency-Key.',
  })
  @ApiCreatedResponse({ type: ShareSubscriptionDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request (field errors), unknown class or captcha' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'API key without the applications:write scope' })
  @ApiConflictResponse({ type: ProblemDto, description: 'A request of this holder for this class is under review' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'An anonymous body over 16 KiB' })
  submit(
    @Body() dto: CreateShareSubscriptionDto,
    @CurrentPrincipal() principal: Principal | undefined,
    @Idempotent() call: IdempotentCall,
  ): Promise<ShareSubscriptionDto> {
    return this.idempotency.once(call, () => this.subscriptions.submit(dto, principal));
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
