import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ProblemDto } from '../errors/problem';
import type { ApiKeyScope, Principal, Role } from './principal';

export const PUBLIC_KEY = 'tessera:public';
export const ROLES_KEY = 'tessera:roles';
export const SCOPES_KEY = 'tessera:scopes';

/** Anyone may call; a bearer token or API key, if sent, is still checked and used. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Signed-in people with one of these roles (and, with `scopes`, API keys holding one of them). */
export function Authorize(roles: Role[], scopes: ApiKeyScope[] = []) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    SetMetadata(SCOPES_KEY, scopes),
    ApiBearerAuth(),
    ...(scopes.length > 0 ? [ApiSecurity('apiKey')] : []),
    ApiUnauthorizedResponse({ type: ProblemDto, description: 'Missing, expired or revoked credentials' }),
    ApiForbiddenResponse({ type: ProblemDto, description: 'Not allowed for this role or scope' }),
  );
}

/** Any signed-in person, whatever the role. */
export const SignedIn = () => Authorize([]);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<{ user?: Principal }>().user,
);
