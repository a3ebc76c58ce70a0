import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Principal } from '@tessera/core';
import { MySubscriptionDto } from '../dto/subscription-response.dto';
import { SubscriptionQueriesService } from '../subscription-queries.service';

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/subscription')
export class MySubscriptionController {
  constructor(private readonly subscriptions: SubscriptionQueriesService) {}

  @Get()
  @ApiOperation({
    summary: "The member's own subscription",
    description: 'The live one (pending or active), else the latest; `subscription` is null for none.',
  })
  @ApiOkResponse({ type: MySubscriptionDto })
  get(@CurrentPrincipal() principal: Principal): Promise<MySubscriptionDto> {
    return this.subscriptions.mine(principal);
  }
}
