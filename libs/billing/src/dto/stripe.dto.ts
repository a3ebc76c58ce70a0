import { ApiProperty } from '@nestjs/swagger';
import { STRIPE_EVENT_OUTCOMES, type StripeEventOutcome } from '../stripe/stripe-event-decision';

/** Where to send the member to pay. */
export class CheckoutSessionDto {
  @ApiProperty({
    example: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3',
    description: "Stripe Checkout's payment page; it returns to /portal/invoices?paid={id} or ?cancelled={id}",
  })
  url: string;
}

/** What the webhook tells Stripe (which reads only the status). */
export class StripeWebhookReceiptDto {
  @ApiProperty({ example: true })
  received: true;

  @ApiProperty({ description: 'The event was processed before: this delivery changed nothing' })
  duplicate: boolean;

  @ApiProperty({ enum: STRIPE_EVENT_OUTCOMES, example: 'payment-recorded' })
  outcome: StripeEventOutcome;
}
