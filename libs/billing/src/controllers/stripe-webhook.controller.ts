import { Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiHeader,
  ApiInternalServerErrorResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import { KeepsRawJsonBody, ProblemDto, Public, RawJsonBody } from '@tessera/core';
import { StripeWebhookReceiptDto } from '../dto/stripe.dto';
import { StripeWebhookService } from '../stripe/stripe-webhook.service';

/** Stripe's events are small, but a session with many line items or much metadata may pass 16 KiB. */
const STRIPE_EVENT_LIMIT = 256 * 1024;

@ApiTags('webhooks')
@Controller('webhooks/stripe')
export class StripeWebhookController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  @Post()
  @Public()
  @KeepsRawJsonBody(STRIPE_EVENT_LIMIT)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Stripe's events (signed)",
    description:
      'Called by Stripe, not by people: the signature in Stripe-Signature is checked over the exact body with ' +
      'STRIPE_WEBHOOK_SECRET (5 minutes of tolerance). Each event id is acted on once: a paid Checkout Session ' +
      'records the payment of its document, a charge refunded in full reverses it; other events are recorded and ' +
      'ignored. A failure while processing answers 500, so that Stripe delivers the event again.',
  })
  @ApiHeader({ name: 'Stripe-Signature', required: true, description: "Stripe's signature of the body: t=…,v1=…" })
  @ApiBody({ description: 'The event, as Stripe sent it', schema: { type: 'object', additionalProperties: true } })
  @ApiOkResponse({ type: StripeWebhookReceiptDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing, wrong or stale signature: nothing is recorded' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Online payment is not configured' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'Larger than 256 KiB' })
  @ApiInternalServerErrorResponse({ type: ProblemDto, description: 'Processing failed; Stripe will retry' })
  receive(
    @RawJsonBody() body: string | undefined,
    @Headers('stripe-signature') signature: string | undefined,
  ): Promise<StripeWebhookReceiptDto> {
    return this.webhooks.receive(body, signature);
  }
}
