import type { paths } from '@tessera/api-client';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer T } } } ? T : never;

/** The member requests API as the SPA uses it (issue 17). */
export type MemberRequest = JsonOf<paths['/api/v1/me/requests']['get']['responses'][200]>['items'][number];
export type MemberRequestState = MemberRequest['state'];
export type MemberRequestKind = MemberRequest['kind'];
export type RequestOptions = JsonOf<paths['/api/v1/me/requests/options']['get']['responses'][200]>;
export type PlanOption = RequestOptions['plans'][number];
export type TerminationReason = RequestOptions['terminationReasons'][number];
export type RequestPreview = JsonOf<paths['/api/v1/me/requests/preview']['post']['responses'][200]>;
export type CreateMemberRequest = BodyOf<paths['/api/v1/me/requests']['post']>;
export type StaffMemberRequest = JsonOf<paths['/api/v1/member-requests/{id}']['get']['responses'][200]>;
