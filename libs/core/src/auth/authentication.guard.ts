import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ProblemException } from '../errors/problem';
import { ApiKeyScope, Principal, PrincipalResolver, Role } from './principal';
import { PUBLIC_KEY, ROLES_KEY, SCOPES_KEY } from './auth.decorators';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  user?: Principal;
}

/**
 * The one global guard: authenticates (X-Api-Key, else the bearer JWT through passport-jwt),
 * then authorizes against @Authorize roles/scopes. Routes are closed unless marked @Public.
 */
@Injectable()
export class AuthenticationGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const isPublic = this.metadata<boolean>(PUBLIC_KEY, context) ?? false;
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length > 0) {
      const principal = await this.resolver.fromApiKey(apiKey);
      if (!principal) throw ProblemException.unauthorized('This API key is not valid or has been revoked.');
      request.user = principal;
    } else if (request.headers.authorization) {
      await super.canActivate(context);
    } else if (!isPublic) {
      throw ProblemException.unauthorized('Sign in to continue.');
    }
    if (!isPublic) this.authorize(request.user as Principal, context);
    return true;
  }

  override handleRequest<T>(error: unknown, principal: T): T {
    // An error means the session check itself could not run (e.g. no database connection): not
    // the caller's fault, so never a 401 that would sign them out; the filter makes it a 503.
    if (error) throw error;
    if (!principal) throw ProblemException.unauthorized('Your session has expired or was ended. Sign in again.');
    return principal;
  }

  private authorize(principal: Principal, context: ExecutionContext): void {
    const roles = this.metadata<Role[]>(ROLES_KEY, context) ?? [];
    const scopes = this.metadata<ApiKeyScope[]>(SCOPES_KEY, context) ?? [];
    if (principal.kind === 'api-key') {
      if (!scopes.some((scope) => principal.scopes.includes(scope)))
        throw ProblemException.forbidden('This API key does not have the scope this endpoint needs.');
      return;
    }
    if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role)))
      throw ProblemException.forbidden('Your role does not allow this action.');
  }

  private metadata<T>(key: string, context: ExecutionContext): T | undefined {
    return this.reflector.getAllAndOverride<T>(key, [context.getHandler(), context.getClass()]);
  }
}
