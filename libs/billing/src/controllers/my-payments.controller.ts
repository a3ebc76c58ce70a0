import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, type Page, type Principal } from '@tessera/core';
import { ListPaymentsQueryDto, PaymentDto, PaymentPageDto } from '../dto/payment.dto';
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
}
