import { ProblemException, problemType } from '@tessera/core';

/** Online payment is off: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are not both set. */
export function onlinePaymentUnavailable(): ProblemException {
  return ProblemException.conflict(
    'Online payment is not available: pay by bank transfer with the payment reference on the document.',
    'online-payment-unavailable',
  );
}

export function badStripeSignature(detail: string): ProblemException {
  return ProblemException.badRequest(detail, 'stripe-signature-invalid');
}

/** Stripe did not answer, or refused: the member may try again; nothing was recorded. */
export function stripeUnavailable(): ProblemException {
  return new ProblemException({
    type: problemType('stripe-unavailable'),
    title: 'Bad gateway',
    status: 502,
    detail: 'The payment page could not be prepared with Stripe. Try again in a moment.',
  });
}

/** Processing a verified event failed: a 500 makes Stripe deliver it again later. */
export function stripeEventFailed(eventId: string): ProblemException {
  return new ProblemException({
    type: problemType('stripe-event-failed'),
    title: 'Internal server error',
    status: 500,
    detail: `Event ${eventId} could not be processed; it has been logged and will be processed when Stripe sends it again.`,
  });
}
