export const EMAIL_STATES = ['queued', 'deferred', 'sent', 'failed'] as const;
/**
 * queued: waiting for its first delivery attempt · deferred: an attempt failed, the next is due at
 * `next_attempt_at` · sent: accepted by SMTP · failed: gave up (the retry schedule ran out).
 */
export type EmailState = (typeof EMAIL_STATES)[number];

const TRANSITIONS: Record<EmailState, readonly EmailState[]> = {
  // a failed attempt defers it, until success or the last failure ends it
  queued: ['deferred', 'sent', 'failed'],
  deferred: ['deferred', 'sent', 'failed'],
  // a resend puts a finished e-mail back in the queue
  sent: ['queued'],
  failed: ['queued'],
};

export function canTransition(from: EmailState, to: EmailState): boolean {
  return TRANSITIONS[from].includes(to);
}

export interface ResendCheck {
  state: EmailState;
  secretsErasedAt: Date | null;
}

export interface ResendRefusal {
  /** Stable problem type slug. */
  slug: 'email-already-queued' | 'email-link-erased' | 'email-not-resendable';
  detail: string;
}

/** Why an e-mail cannot be resent by staff, or null when it can. */
export function resendRefusal(email: ResendCheck): ResendRefusal | null {
  if (email.state === 'deferred')
    return {
      slug: 'email-already-queued',
      detail:
        'This e-mail is waiting for its next delivery attempt; it can be resent once it has been sent or has failed.',
    };
  if (email.state === 'queued')
    return {
      slug: 'email-already-queued',
      detail: 'This e-mail is already queued for sending; it can be resent once it has been sent or has failed.',
    };
  if (email.secretsErasedAt)
    return {
      slug: 'email-link-erased',
      detail:
        'This e-mail carried a one-time link, which was erased once it was sent or failed for good, so it cannot be sent again. ' +
        'Issue a new link with the action that created it (for example, send a new password reset or invitation).',
    };
  if (!canTransition(email.state, 'queued'))
    return { slug: 'email-not-resendable', detail: `An e-mail in state "${email.state}" cannot be resent.` };
  return null;
}
