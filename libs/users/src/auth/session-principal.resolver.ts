import { Injectable } from '@nestjs/common';
import { AccessTokenClaims, Clock, Principal, PrincipalResolver } from '@tessera/core';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { SessionRepository } from '../session.repository';

/** Accepts an access token only while its session is live and its user active. */
@Injectable()
export class SessionPrincipalResolver extends PrincipalResolver {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly apiKeys: ApiKeysService,
    private readonly clock: Clock,
  ) {
    super();
  }

  async fromAccessClaims(claims: AccessTokenClaims): Promise<Principal | null> {
    const user = await this.sessions.findLiveSessionUser(claims.sid, claims.sub, this.clock.now());
    // Roles come from the database, so a role change applies at once.
    return user ? { kind: 'user', userId: user.id, sessionId: claims.sid, roles: user.roles } : null;
  }

  fromApiKey(key: string): Promise<Principal | null> {
    return this.apiKeys.authenticate(key);
  }
}
