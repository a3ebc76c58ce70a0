import type { ContactEmailCondition } from '@tessera/members';
import type { PortalAccountState } from './portal-account.types';

// The members list filtered by the state of each member's portal account, decided in SQL so paging
// and counts stay right: an account is a portal_accounts row, its state the user's password/active.

const ACCOUNT_OF = (email: string) =>
  `SELECT 1 FROM portal_accounts pa JOIN users u ON u.id = pa.user_id WHERE u.email = ${email}`;

const STATE_SQL: Record<Exclude<PortalAccountState, 'none'>, string> = {
  invited: 'u.active AND u.password_hash IS NULL',
  active: 'u.active AND u.password_hash IS NOT NULL',
  disabled: 'NOT u.active',
};

export function accountStateCondition(filter: {
  state?: PortalAccountState;
  autoRegistered?: boolean;
}): ContactEmailCondition | undefined {
  if (filter.state === 'none')
    return filter.autoRegistered ? () => 'false' : (email) => `NOT EXISTS (${ACCOUNT_OF(email)})`;
  const parts = [
    ...(filter.state ? [STATE_SQL[filter.state]] : []),
    ...(filter.autoRegistered ? ['pa.auto_created AND pa.acknowledged_at IS NULL'] : []),
  ];
  if (parts.length === 0) return undefined;
  return (email) => `EXISTS (${ACCOUNT_OF(email)} AND ${parts.join(' AND ')})`;
}
