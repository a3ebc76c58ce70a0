import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, ProblemException, type Principal } from '@tessera/core';
import { MySubscriptionDto } from '../dto/subscription-response.dto';
import { SubscriptionActionsService } from '../subscription-actions.service';
import { AdvanceProFormasDto, AdvanceProFormasResultDto } from '../dto/renewal.dto';
import { AdvanceProFormasService } from '../renewals/advance-pro-formas.service';

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/subscription')
export class MySubscriptionController {
  constructor(
    private readonly subscriptions: SubscriptionActionsService,
    private readonly advanceProFormas: AdvanceProFormasService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The member's own subscription",
    description: 'The live one (pending or active), else the latest; `subscription` is null for none.',
  })
  @ApiOkResponse({ type: MySubscriptionDto })
  get(@CurrentPrincipal() principal: Principal): Promise<MySubscriptionDto> {
    return this.subscriptions.mine(principal);
  }

  @Post('advance-pro-formas')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Pay ahead: pro-formas for the next 1 to 5 periods of their own subscription',
    description: 'As staff can for any subscription; periods that already have a pro-forma keep it.',
  })
  @ApiOkResponse({ type: AdvanceProFormasResultDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'periods is not 1 to 5' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'They have no live subscription' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Their subscription is ending (renewal declined)' })
  async advance(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: AdvanceProFormasDto,
  ): Promise<AdvanceProFormasResultDto> {
    const { subscription } = await this.subscriptions.mine(principal);
    if (!subscription || (subscription.state !== 'active' && subscription.state !== 'pending'))
      throw ProblemException.notFound('You have no live subscription to pay ahead.', 'no-live-subscription');
    return this.advanceProFormas.issue(subscription.id, dto.periods);
  }
}
