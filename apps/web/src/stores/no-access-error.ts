import { translate } from '@/i18n/translate';

/** Signed in, but the account has no role yet: nothing in the SPA is for them. */
export class NoAccessError extends Error {
  constructor() {
    super(translate('problems.noAccess'));
    this.name = 'NoAccessError';
  }
}
