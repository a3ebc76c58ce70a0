import type { PortalAccountState } from '@tessera/portal-users';

/** What the customer's account was when the order was confirmed: made by it, or already there. */
export type AccountOutcome = 'created' | Exclude<PortalAccountState, 'none'>;

/** The sentence a shop shows after the purchase, one per outcome (stable, so replays match). */
export function confirmationMessage(outcome: AccountOutcome): string {
  switch (outcome) {
    case 'created':
      return 'Your account has been created — check your e-mail to activate it.';
    case 'invited':
      return 'Your account is waiting to be activated — check your e-mail for the invitation.';
    case 'active':
      return 'Your purchase has been added to your account — sign in to see it.';
    case 'disabled':
      return 'Your purchase has been recorded. Contact us to reopen your account.';
  }
}
