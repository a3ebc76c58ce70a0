import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../config/app-config';
import { AccessTokenClaims, Principal, PrincipalResolver } from './principal';

export const JWT_ISSUER = 'tessera';
export const JWT_AUDIENCE = 'tessera-api';

/** passport-jwt checks signature and expiry; the resolver checks the session is still live. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly resolver: PrincipalResolver,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: jsonwebtoken would otherwise try to parse the string as a
      // PEM public key on every request before treating it as a secret (about 1 ms each).
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithms: ['HS256'],
    });
  }

  validate(claims: AccessTokenClaims): Promise<Principal | null> {
    return this.resolver.fromAccessClaims(claims);
  }
}
