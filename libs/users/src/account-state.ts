import type { UserDto } from './dto/user.dto';
import type { User } from './entities/user.entity';

/** Where a user's sign-in stands: invited (no password yet), active, or disabled by staff. */
export const ACCOUNT_STATES = ['invited', 'active', 'disabled'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

export function accountStateOf(user: Pick<User, 'active' | 'passwordHash'>): AccountState {
  if (!user.active) return 'disabled';
  return user.passwordHash ? 'active' : 'invited';
}

/** accountStateOf in SQL, for read models above users: the state of the users row `alias`. */
export function accountStateSql(alias: string): string {
  return `CASE WHEN NOT ${alias}.active THEN 'disabled' WHEN ${alias}.password_hash IS NULL THEN 'invited' ELSE 'active' END`;
}

export interface MemberUser {
  user: UserDto;
  /** True only for the one caller that created the user. */
  created: boolean;
}
