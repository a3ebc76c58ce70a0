import { canTransition, EMAIL_STATES, resendRefusal, type EmailState } from './email-state';

describe('e-mail states', () => {
  const legal: [EmailState, EmailState][] = [
    ['queued', 'deferred'],
    ['queued', 'sent'],
    ['queued', 'failed'],
    ['deferred', 'deferred'],
    ['deferred', 'sent'],
    ['deferred', 'failed'],
    ['sent', 'queued'],
    ['failed', 'queued'],
  ];

  it.each(EMAIL_STATES.flatMap((from) => EMAIL_STATES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const allowed = legal.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('lets staff resend a sent or failed e-mail, not a queued or deferred one or one whose link was erased', () => {
    expect(resendRefusal({ state: 'failed', secretsErasedAt: null })).toBeNull();
    expect(resendRefusal({ state: 'sent', secretsErasedAt: null })).toBeNull();
    expect(resendRefusal({ state: 'queued', secretsErasedAt: null })?.slug).toBe('email-already-queued');
    expect(resendRefusal({ state: 'deferred', secretsErasedAt: null })?.slug).toBe('email-already-queued');
    expect(resendRefusal({ state: 'sent', secretsErasedAt: new Date() })?.slug).toBe('email-link-erased');
  });
});
