import type { SchemaPart } from '@tessera/core';
import { ApiKey } from './entities/api-key.entity';
import { RefreshToken, Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { UserToken } from './entities/user-token.entity';
import { CreateUsers1763780100000 } from './migrations/1763780100000-create-users';
import { IndexUserTokensByUser1764600000000 } from './migrations/1764600000000-index-user-tokens-by-user';
import { EmailChangeTokens1765007000000 } from './migrations/1765007000000-email-change-tokens';

export const usersSchema: SchemaPart = {
  entities: [User, Session, RefreshToken, UserToken, ApiKey],
  migrations: [CreateUsers1763780100000, IndexUserTokensByUser1764600000000, EmailChangeTokens1765007000000],
};
