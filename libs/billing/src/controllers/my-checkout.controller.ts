import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authorize, CurrentPrincipal, ProblemDto, type Principal } from '@tessera/core';
import { CheckoutSessionDto } from '../dto/stripe.dto';
import { StripeCheckoutService } from '../stripe/stripe-checkout.service';
import { documentIdPipe } from './invoices.controller';

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/invoices')
export class MyCheckoutController {
  constructor(private readonly checkout: StripeCheckoutService) {}

  @Post(':id/checkout')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Pay one of their own documents online',
    description:
      'Prepares a Stripe Checkout page for what is due on an open invoice or pro-forma and answers its URL; ' +
      'the payment is recorded when Stripe tells us it arrived (a pro-forma is then confirmed into its ' +
      'invoice). Asking twice for the same amount gives the same page. GET /me/invoices says whether online ' +
      'payment is offered (`onlinePayment`).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CheckoutSessionDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document of theirs has this id' })
  @ApiConflictResponse({
    type: ProblemDto,
    description: 'Online payment is not configured (online-payment-unavailable), or nothing is due on the document',
  })
  @ApiBadGatewayResponse({ type: ProblemDto, description: 'Stripe did not answer; nothing was recorded' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', documentIdPipe) id: string,
  ): Promise<CheckoutSessionDto> {
    return this.checkout.checkoutOwn(principal, id);
  }
}
