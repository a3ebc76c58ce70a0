import type { UserDto } from './dto/user.dto';
import type { User } from './entities/user.entity';

/** Where a user's sign-in stands: invited (no password yet), active, or disabled by staff. */
export const ACCOUNT_STATES = ['invited', 'active', 'disabled'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export function accountStateOf(user: Pick<User, 'active' | 'passwordHash'>): AccountState {
  if (!user.active) return 'disabled';
  return user.passwordHash ? 'active' : 'invited';
}

/** What the staff console shows of a user's account. */
export interface UserAccountFacts {
  userId: string;
  state: AccountState;
  invitedAt: string | null;
  lastLoginAt: string | null;
}

export interface MemberUser {
  user: UserDto;
  /** True only for the one caller that created the user. */
  created: boolean;
}
