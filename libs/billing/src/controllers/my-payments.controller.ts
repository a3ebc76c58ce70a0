import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Page, type Principal } from '@tessera/core';
import { ListPaymentsQueryDto, MyBalanceDto, PaymentDto, PaymentPageDto } from '../dto/payment.dto';
import { PaymentActionsService } from '../payments/payment-actions.service';

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/payments')
export class MyPaymentsController {
  constructor(private readonly payments: PaymentActionsService) {}

  @Get()
  @ApiOperation({
    summary: "The member's own payments",
    description: 'Those of their membership and of the organisations they are the contact of; newest first.',
  })
  @ApiOkResponse({ type: PaymentPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListPaymentsQueryDto): Promise<Page<PaymentDto>> {
    return this.payments.listOwn(principal, query);
  }

  @Get('balance')
  @ApiOperation({
    summary: "The member's credit",
    description:
      'Money they paid beyond what they owed, per member (theirs and that of the organisations they are the contact of) ' +
      'and currency; it is used first on their next invoice.',
  })
  @ApiOkResponse({ type: MyBalanceDto })
  balance(@CurrentPrincipal() principal: Principal): Promise<MyBalanceDto> {
    return this.payments.ownBalance(principal);
  }
}
