import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StripeEventOutcome } from './stripe-event-decision';

/**
 * A Stripe event the webhook received, by Stripe's id: recorded once, so a replay or Stripe's
 * retries change nothing. Written when it arrives (before processing), so one that keeps failing
 * is visible with `processed_at` empty and what went wrong.
 */
@Entity('stripe_events')
export class StripeEvent {
  /** evt_…: Stripe's id, the same on every delivery of the event. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  /** When its effect (a payment, a reversal, nothing) was committed; null until then. */
  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** What processing did, or `failed` while it keeps failing (Stripe retries). */
  @Column({ type: 'text', nullable: true })
  outcome: StripeEventOutcome | 'failed' | null;

  /** The words behind the outcome: the payment made, a mismatch noticed, the error. */
  @Column({ type: 'text', nullable: true })
  detail: string | null;

  /** The payment it recorded or reversed, if any. */
  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId: string | null;
}
