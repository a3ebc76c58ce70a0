/**
 * The one place the SPA gets its API types from.
 *
 * Types come from the client generated from the API's OpenAPI document (`pnpm openapi`);
 * everything else derives from `paths`.
 */
import type { paths } from '@tessera/api-client';

export type { paths };

/** The JSON body of a response object (`responses[status]`). */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The JSON body of a request (`requestBody`). */
type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

export type AuthSession = JsonOf<paths['/api/v1/auth/login']['post']['responses'][200]>;
export type AuthUser = AuthSession['user'];
export type Role = AuthUser['roles'][number];
export type Locale = AuthUser['locale'];
export type Me = JsonOf<paths['/api/v1/me']['get']['responses'][200]>;

export type EmailPage = JsonOf<paths['/api/v1/emails']['get']['responses'][200]>;
export type EmailItem = EmailPage['items'][number];
export type EmailState = EmailItem['state'];

export type StaffUserPage = JsonOf<paths['/api/v1/users']['get']['responses'][200]>;
export type StaffUser = StaffUserPage['items'][number];
export type CreateUserBody = BodyOf<paths['/api/v1/users']['post']>;
export type UpdateUserBody = BodyOf<paths['/api/v1/users/{id}']['patch']>;

export type ApiKey = JsonOf<paths['/api/v1/api-keys']['get']['responses'][200]>['items'][number];
export type CreatedApiKey = JsonOf<paths['/api/v1/api-keys']['post']['responses'][201]>;
export type ApiKeyScope = BodyOf<paths['/api/v1/api-keys']['post']>['scopes'][number];
