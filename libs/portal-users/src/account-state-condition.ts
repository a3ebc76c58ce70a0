import type { ContactPersonCondition } from '@tessera/members';
import { accountStateSql } from '@tessera/users';
import { ACCOUNT_OF_PERSON } from './portal-account.repository';
import type { PortalAccountState } from './portal-account.types';

// The members list filtered by the state of each member's portal account, decided in SQL so paging
// and counts stay right: an account is a portal_accounts row of the contact person, its state the
// user's password/active.

export function accountStateCondition(filter: {
  state?: PortalAccountState;
  autoRegistered?: boolean;
}): ContactPersonCondition | undefined {
  if (filter.state === 'none')
    return filter.autoRegistered ? () => 'false' : (person) => `NOT EXISTS (${ACCOUNT_OF_PERSON(person)})`;
  const state = filter.state;
  if (!state && !filter.autoRegistered) return undefined;
  return (person, bind) =>
    `EXISTS (${ACCOUNT_OF_PERSON(person)} ${[
      ...(state ? [`AND ${accountStateSql('u')} = ${bind(state)}`] : []),
      ...(filter.autoRegistered ? ['AND pa.auto_created AND pa.acknowledged_at IS NULL'] : []),
    ].join(' ')})`;
}
